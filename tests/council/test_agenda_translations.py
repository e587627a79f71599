"""An agenda item's title in the reader's language: the original stays in the
meeting's language, optional translations beside it; every page, fragment and
the API show the reader's, marked with its language, else the original."""

import pytest
from django.urls import reverse
from django.utils import translation

from council.models import AgendaItem

from .factories import build_meeting, meeting_html, submitted_motion

pytestmark = pytest.mark.django_db

OPENING = {"title_en": "Opening", "title_uk": "Відкриття", "title_ru": "Открытие"}


def translate_opening(meeting):
    item = meeting.agenda_items.get(title="Otwarcie")
    AgendaItem.objects.filter(pk=item.pk).update(**OPENING)
    return AgendaItem.objects.get(pk=item.pk)


# --- the model -----------------------------------------------------------------------


def test_the_title_is_shown_in_the_readers_language_when_translated(meeting):
    item = translate_opening(meeting)
    with translation.override("uk"):
        assert item.title_shown == ("Відкриття", "uk")


def test_an_untranslated_title_falls_back_to_the_original_in_the_meetings_language(council):
    meeting = build_meeting(council, start=False)
    meeting.language = "en"
    meeting.save(update_fields=["language"])
    item = AgendaItem.objects.create(meeting=meeting, sort_order=5, title="Any other business", title_uk="Різне")
    with translation.override("ru"):
        assert item.title_shown == ("Any other business", "en")
    with translation.override("uk"):
        assert item.title_shown == ("Різне", "uk")


def test_a_reader_of_the_meetings_language_sees_the_original(meeting):
    item = translate_opening(meeting)
    with translation.override("pl"):
        assert item.title_shown == ("Otwarcie", "pl")


# --- titles Rada writes ----------------------------------------------------------------


def test_putting_a_motion_on_the_agenda_stores_only_the_motions_own_title(council):
    motion = submitted_motion(council, title="Tłumacze w przychodniach")
    meeting = build_meeting(council, motion=motion, start=False)
    item = meeting.agenda_items.get(motion=motion)
    assert item.title == "Tłumacze w przychodniach"
    assert (item.title_pl, item.title_en, item.title_uk, item.title_ru) == ("", "", "", "")


def test_an_item_on_a_motion_is_titled_in_each_readers_words_at_display_time(council):
    motion = submitted_motion(council, title="Tłumacze w przychodniach")
    meeting = build_meeting(council, motion=motion, start=False)
    item = meeting.agenda_items.get(motion=motion)
    labels = {}
    for code in ("pl", "en", "uk", "ru"):
        with translation.override(code):
            labels[code] = str(motion.label)
            assert item.title_shown == (f"{labels[code]}: Tłumacze w przychodniach", "pl")
    assert len(set(labels.values())) == 4  # each language has its own word for a motion


# --- the pages -----------------------------------------------------------------------------


def test_the_projector_in_ukrainian_shows_the_ukrainian_title_marked_as_ukrainian(client, meeting):
    translate_opening(meeting)
    html = meeting_html(client, "projector", meeting, "uk")
    assert '<strong lang="uk">Відкриття</strong>' in html
    assert "Otwarcie" not in html


def test_the_projector_in_a_language_without_a_translation_shows_the_original_marked_polish(client, council):
    meeting = build_meeting(council)
    AgendaItem.objects.filter(meeting=meeting).update(title_en="Opening")
    html = meeting_html(client, "projector", meeting, "ru")
    assert '<strong lang="pl">Otwarcie</strong>' in html


def test_the_meeting_page_lists_the_agenda_in_the_readers_language(client, meeting):
    translate_opening(meeting)
    html = meeting_html(client, "meeting", meeting, "en")
    assert '<h3 lang="en">Opening' in html


def test_the_console_names_the_items_in_the_chairs_language(client, council, meeting):
    translate_opening(meeting)
    client.force_login(council.chair)
    html = meeting_html(client, "console", meeting, "ru")
    assert '<h3 lang="ru">Открытие' in html
    assert '<span class="poll-form__item" lang="ru">(Открытие)</span>' in html


def test_an_item_on_a_motion_names_it_in_the_readers_language_and_marks_the_motions_own(client, council):
    motion = submitted_motion(council, title="Tłumacze w przychodniach")
    meeting = build_meeting(council, motion=motion)
    with translation.override("ru"):
        label = str(motion.label)
    client.force_login(council.chair)
    for name in ("meeting", "console"):
        html = meeting_html(client, name, meeting, "ru")
        assert f'<h3>{label}: <span lang="pl">Tłumacze w przychodniach</span>' in html


def test_the_live_panel_announces_the_current_item_in_the_readers_language(client, meeting):
    translate_opening(meeting)
    html = meeting_html(client, "meeting", meeting, "uk")
    assert "Відкриття." in html.split('data-announce="', 1)[1].split('"', 1)[0]


def test_the_pages_take_no_more_queries_with_translated_titles(client, council, django_assert_max_num_queries):
    meeting = build_meeting(council, motion=submitted_motion(council))
    client.force_login(council.chair)
    counts = {}
    for name in ("projector", "meeting", "console"):
        with django_assert_max_num_queries(100) as plain:
            meeting_html(client, name, meeting, "uk")
        counts[name] = len(plain.captured_queries)
    translate_opening(meeting)
    for name in ("projector", "meeting", "console"):
        with django_assert_max_num_queries(counts[name]):
            meeting_html(client, name, meeting, "uk")


# --- the API --------------------------------------------------------------------------------


def test_the_api_gives_the_title_in_the_language_asked_for_with_its_language(client, meeting):
    translate_opening(meeting)
    body = client.get(f"/api/v1/council/meetings/{meeting.pk}/", HTTP_ACCEPT_LANGUAGE="uk").json()
    assert body["agenda"][0]["title"] == "Відкриття"
    assert body["agenda"][0]["language"] == "uk"


def test_the_api_gives_an_untranslated_title_as_written_with_the_meetings_language(client, council):
    meeting = build_meeting(council)
    body = client.get(f"/api/v1/council/meetings/{meeting.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["agenda"][0]["title"] == "Otwarcie"
    assert body["agenda"][0]["language"] == "pl"


def test_the_api_schema_says_which_language_an_agenda_title_is_in(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    (agenda,) = (schema for schema in schemas.values() if "agenda" in schema.get("properties", {}))
    assert "language" in agenda["properties"]["agenda"]["items"]["properties"]


# --- the admin -------------------------------------------------------------------------------


def test_the_admins_agenda_panel_offers_the_translations(client, council):
    from tests.accounts import factories as people

    meeting = build_meeting(council, start=False)
    client.force_login(people.official())
    html = client.get(reverse("council_meetings:edit", args=[meeting.pk])).content.decode()
    for code in ("pl", "en", "uk", "ru"):
        assert f"agenda_items-0-title_{code}" in html
