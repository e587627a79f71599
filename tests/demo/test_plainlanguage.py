"""The demo glossary and easy-read page."""

import pytest

from consultations.models import ConsultationPage
from demo import data
from plainlanguage.models import EasyReadPage, GlossaryTerm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_demo_glossary_has_every_term_in_the_four_languages():
    slugs = [record["slug"] for record in data.load("plainlanguage")["glossary"]]
    assert len(slugs) == 12
    for slug in slugs:
        languages = set(GlossaryTerm.objects.filter(slug=slug).values_list("locale__language_code", flat=True))
        assert languages == {"pl", "en", "uk", "ru"}, slug


def test_demo_easy_read_page_exists_in_the_four_languages():
    consultation = ConsultationPage.objects.get(locale__language_code="pl", slug="punkt-informacyjny-dla-migrantow")
    easy = EasyReadPage.objects.child_of(consultation).get()
    assert easy.get_translations(inclusive=True).live().count() == 4
