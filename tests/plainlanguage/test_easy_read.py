"""Easy-read versions of consultations and outcomes."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail_localize.models import Translation
from wagtail_localize.synctree import synchronize_tree

from cms import services as cms_services
from core import pagecache
from plainlanguage.models import EasyReadPage
from tests.accounts.factories import admin_login, official
from tests.consultations.factories import make_consultation, outcome_page, translate_consultation
from tests.plainlanguage.factories import easy_read_page


def polish(message):
    """What a Polish page says for ``message`` (these pages are under /pl/)."""
    with translation.override("pl"):
        return gettext(message)


pytestmark = pytest.mark.django_db

NOW = timezone.now()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def consultation():
    return make_consultation(opens_at=NOW - DAY, closes_at=NOW + 10 * DAY, slug="bez-latwego-tekstu")


@pytest.fixture
def outcome():
    closed = make_consultation(opens_at=NOW - 20 * DAY, closes_at=NOW - DAY, slug="zamknieta")
    return outcome_page(closed, user=official())


def test_easy_read_version_may_be_created_below_a_consultation_and_an_outcome(consultation, outcome):
    assert EasyReadPage.can_create_at(consultation)
    assert EasyReadPage.can_create_at(outcome)


def test_easy_read_version_may_not_be_created_elsewhere(home_pl):
    assert not EasyReadPage.can_create_at(home_pl)


def test_a_page_has_at_most_one_easy_read_version(information_centre):
    assert not EasyReadPage.can_create_at(information_centre)


@pytest.mark.parametrize("parent", ["consultation", "outcome"])
def test_official_opens_the_easy_read_form_below_a_consultation_or_an_outcome(client, request, parent):
    page = request.getfixturevalue(parent)
    admin_login(client, official())
    response = client.get(f"/admin/pages/add/plainlanguage/easyreadpage/{page.pk}/")
    assert response.status_code == 200


def test_official_creates_an_easy_read_page_in_the_admin(client, consultation):
    admin_login(client, official())
    response = client.post(
        f"/admin/pages/add/plainlanguage/easyreadpage/{consultation.pk}/",
        {
            "title": "Łatwy tekst",
            "slug": "latwy-tekst",
            "intro": "",
            "body-count": "1",
            "body-0-type": "paragraph",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "body-0-value": '{"blocks": [{"key": "a", "text": "Krótkie zdanie.", "type": "unstyled", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = EasyReadPage.objects.child_of(consultation).get()
    assert page.live
    assert "Krótkie zdanie." in str(page.body[0].value)


def test_consultation_without_an_easy_read_version_shows_no_link(client, consultation):
    html = client.get(consultation.url).content.decode()
    assert "easy-read-link" not in html


def test_consultation_links_its_live_easy_read_version_near_the_top(client, consultation):
    easy = easy_read_page(consultation)
    html = client.get(consultation.url).content.decode()
    assert f'<a href="{easy.url}">{polish("Easy read version")}</a>' in html
    assert html.index("easy-read-link") < html.index('id="summary"')


def test_draft_easy_read_version_is_not_linked(client, consultation):
    easy_read_page(consultation, publish=False)
    html = client.get(consultation.url).content.decode()
    assert "easy-read-link" not in html


def test_outcome_links_its_easy_read_version(client, outcome):
    easy = easy_read_page(outcome, title="Wyniki — łatwy tekst")
    html = client.get(outcome.url).content.decode()
    assert f'<a href="{easy.url}">{polish("Easy read version")}</a>' in html


def test_easy_read_page_links_back_to_the_full_version(client, information_centre):
    easy = EasyReadPage.objects.child_of(information_centre).get()
    html = client.get(easy.url).content.decode()
    assert f'<link rel="up" href="{information_centre.url}">' in html
    expected = polish("Read the full version: “%(title)s”") % {"title": information_centre.title}
    assert f'<a href="{information_centre.url}" lang="pl">{expected}</a>' in html


def test_easy_read_pictures_have_their_text_alternative(client, information_centre):
    easy = EasyReadPage.objects.child_of(information_centre).get()
    html = client.get(easy.url).content.decode()
    assert 'alt="Zegar. Pokazuje godziny otwarcia."' in html


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_easy_read_version_is_translated_and_linked_in_every_language(client, information_centre, locales, lang):
    translated = information_centre.get_translation(locales[lang])
    easy = EasyReadPage.objects.child_of(translated).get()
    assert easy.alias_of_id is None
    assert f'<a href="{easy.url}">' in client.get(translated.url).content.decode()
    html = client.get(easy.url).content.decode()
    assert f'<article lang="{lang}" class="easy-read-page">' in html
    assert f'href="{translated.url}"' in html


def test_official_turns_the_easy_read_alias_into_a_translation(client, locales):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + 10 * DAY, slug="jezyk-polski")
    cms_services.tree_synchronise()
    translate_consultation(consultation, "uk", title="Польська мова для дітей у школах")
    easy = easy_read_page(consultation)
    ukrainian = locales["uk"]
    synchronize_tree(locales["pl"], ukrainian)  # as wagtail-localize does for a locale synchronised from Polish
    ukrainian_consultation = consultation.get_translation(ukrainian)
    alias = EasyReadPage.objects.get(translation_key=easy.translation_key, locale=ukrainian)
    assert alias.alias_of_id == easy.pk
    assert alias.get_parent().pk == ukrainian_consultation.pk

    admin_login(client, official())
    response = client.post(f"/admin/localize/submit/page/{easy.pk}/", {"locales": [ukrainian.pk]})

    assert response.status_code == 302
    assert Translation.objects.filter(source__object_id=easy.translation_key, target_locale=ukrainian).exists()
    assert EasyReadPage.objects.get(pk=alias.pk).alias_of_id is None


def test_easy_read_link_costs_one_query(client, information_centre, settings):
    settings.PAGE_CACHE_SECONDS = 0  # counts the queries of rendering, not of the page cache
    client.get(information_centre.url)

    def easy_read_queries():
        with CaptureQueriesContext(connection) as queries:
            client.get(information_centre.url)
        return [q for q in queries.captured_queries if "plainlanguage_easyreadpage" in q["sql"]]

    pagecache.bump()  # as any write does: the page's body is rendered again
    assert len(easy_read_queries()) == 1
    assert easy_read_queries() == []  # the body, with its link, is kept (consultations.pagebody)
