"""Officials keep and translate the glossary in the Wagtail admin; others may not."""

import pytest
from wagtail_localize.models import Translation

from plainlanguage.models import GlossaryTerm
from tests.accounts.factories import UserFactory, admin_login, moderator, official

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("glossary")]

LIST = "/admin/snippets/plainlanguage/glossaryterm/"


def test_official_sees_the_glossary_in_the_admin(client):
    admin_login(client, official())
    response = client.get(LIST)
    assert response.status_code == 200
    assert "karta pobytu" in response.content.decode()


def test_official_adds_a_glossary_term(client):
    admin_login(client, official())
    response = client.post(
        LIST + "add/?locale=pl",
        {
            "term": "bilet metropolitalny",
            "forms": "biletu metropolitalnego\nbiletem metropolitalnym",
            "explanation": "Jeden bilet na tramwaj, autobus i kolej.",
            "source_url": "",
        },
    )
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(term="bilet metropolitalny")
    assert term.locale.language_code == "pl"
    assert term.slug == "bilet-metropolitalny"


def test_official_edits_a_glossary_term(client):
    admin_login(client, official())
    term = GlossaryTerm.objects.get(locale__language_code="pl", slug="nfz")
    response = client.post(
        f"{LIST}edit/{term.pk}/",
        {"term": "NFZ", "forms": term.forms, "explanation": "Nowe wyjaśnienie.", "source_url": term.source_url},
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.explanation == "Nowe wyjaśnienie."


def test_official_submits_a_glossary_term_for_translation(client, locales, make_term):
    term = make_term("bilet metropolitalny", slug="bilet")
    admin_login(client, official())
    response = client.post(
        f"/admin/localize/submit/snippet/plainlanguage/glossaryterm/{term.pk}/", {"locales": [locales["uk"].pk]}
    )
    assert response.status_code == 302
    assert Translation.objects.filter(source__object_id=term.translation_key, target_locale=locales["uk"]).exists()
    assert GlossaryTerm.objects.get(translation_key=term.translation_key, locale=locales["uk"]).slug == "bilet"


@pytest.mark.parametrize("person", [moderator, UserFactory], ids=["moderator", "resident"])
def test_others_cannot_change_the_glossary(client, person):
    term = GlossaryTerm.objects.get(locale__language_code="pl", slug="nfz")
    admin_login(client, person())
    response = client.get(f"{LIST}edit/{term.pk}/")
    assert response.status_code in (302, 403)
    response = client.post(f"{LIST}edit/{term.pk}/", {"term": "X", "explanation": "X"})
    term.refresh_from_db()
    assert term.term == "NFZ"


def test_officials_group_holds_the_glossary_rights():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Officials")
        .permissions.filter(content_type__app_label="plainlanguage")
        .values_list("codename", flat=True)
    )
    assert codenames == {"add_glossaryterm", "change_glossaryterm", "delete_glossaryterm", "view_glossaryterm"}
