"""Officials translate pages in the admin with wagtail-localize."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from cms import services
from tests.accounts.factories import UserFactory, official
from tests.cms.factories import news_page
from tests.consultations.factories import consultation_index

pytestmark = pytest.mark.django_db


def test_official_turns_an_untranslated_alias_into_a_translation(client):
    client.force_login(official())
    source = news_page()
    ukrainian = Locale.objects.get(language_code="uk")
    assert source.get_translation(ukrainian).alias_of_id == source.pk

    page = client.get(f"/admin/localize/submit/page/{source.pk}/")
    assert page.status_code == 200
    response = client.post(f"/admin/localize/submit/page/{source.pk}/", {"locales": [ukrainian.pk]})

    assert response.status_code == 302
    assert Translation.objects.filter(source__object_id=source.translation_key, target_locale=ukrainian).exists()
    assert source.get_translation(ukrainian).alias_of_id is None


def test_resident_cannot_reach_the_translation_screens(client):
    client.force_login(UserFactory())
    source = news_page()
    response = client.get(f"/admin/localize/submit/page/{source.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_an_alias_found_through_a_plain_page_becomes_a_translation():
    """The tree holds pages of many classes; a caller may hold one as Wagtail's plain
    ``Page`` (a parent, a search hit), and translating it must still work."""
    plain = Page.objects.get(pk=consultation_index().pk)
    alias = plain.get_translation(Locale.objects.get(language_code="uk"))
    assert alias.alias_of_id == plain.pk

    translation, made = services.page_translate(plain, alias.locale, title="Консультації")

    assert made
    assert (translation.pk, translation.alias_of_id, translation.title) == (alias.pk, None, "Консультації")
