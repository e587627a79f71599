"""The demo glossary and easy-read page."""

import pytest

from demo.seed_plainlanguage import TERMS
from plainlanguage.models import EasyReadPage, GlossaryTerm

pytestmark = pytest.mark.django_db


def test_demo_glossary_has_every_term_in_the_four_languages():
    for slug, _source, _texts in TERMS:
        languages = set(GlossaryTerm.objects.filter(slug=slug).values_list("locale__language_code", flat=True))
        assert languages == {"pl", "en", "uk", "ru"}, slug


def test_demo_easy_read_page_exists_in_the_four_languages(demo_consultation):
    easy = EasyReadPage.objects.child_of(demo_consultation).get()
    assert easy.get_translations(inclusive=True).live().count() == 4
