"""The iCalendar feeds: RFC 5545 as a calendar app reads it, checked with ``icalendar``."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.models import ConsultationPage
from council import services as council_services
from council.models import Meeting
from opendata.calendar import escape_text, fold
from tests.consultations.conftest import DAY, NOW
from tests.consultations.factories import make_consultation
from tests.council.factories import build_council, build_meeting

# The calendars hold the whole public record: meetings held, live and
# scheduled, consultations in every state (``public_site``).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
UTC = datetime.UTC


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def calendar(client, url):
    return icalendar.Calendar.from_ical(fetch(client, url).content)


def events(client, url):
    return {str(event["UID"]): event for event in calendar(client, url).walk("VEVENT")}


def meeting_event(client, meeting, url="/pl/feeds/meetings.ics"):
    return events(client, url)[f"council-term-{meeting.term.number}-meeting-{meeting.number}@127.0.0.1"]


def scheduled_meeting(council, starts_at, **fields):
    return Meeting.objects.create(
        term=council.term,
        number=Meeting.objects.filter(term=council.term).count() + 1,
        starts_at=starts_at,
        place=fields.pop("place", "Sala 105"),
        **fields,
    )


@pytest.fixture
def council(db):
    return build_council(members=2)


# --- the file ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["meetings", "consultations", "calendar"])
def test_calendar_is_served_as_utf8_text_calendar(client, name):
    response = fetch(client, f"/pl/feeds/{name}.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
@pytest.mark.parametrize("name", ["meetings", "consultations", "calendar"])
def test_calendar_parses_in_every_language(client, language, name):
    parsed = calendar(client, f"/{language}/feeds/{name}.ics")
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["PRODID"])
    assert parsed.walk("VEVENT")


def test_every_line_ends_in_crlf_and_fits_in_75_octets(client, council):
    scheduled_meeting(council, NOW + DAY, place="Centrum Wsparcia Imigrantów i Imigrantek, " * 4)
    make_consultation(opens_at=NOW, closes_at=NOW + DAY, title="Підтримка оренди житла для нових мешканців " * 3)
    body = fetch(client, "/uk/feeds/calendar.ics").content
    assert body.endswith(b"\r\n")
    lines = body[:-2].split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)


def test_every_event_has_uid_dtstamp_and_dtstart(client):
    for event in calendar(client, "/en/feeds/calendar.ics").walk("VEVENT"):
        assert event.get("UID") and event.get("DTSTAMP") and event.get("DTSTART")


def test_times_are_in_utc(client):
    for event in calendar(client, "/en/feeds/calendar.ics").walk("VEVENT"):
        assert event["DTSTART"].to_ical().endswith(b"Z")
        assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)


# --- meetings ----------------------------------------------------------------------------


def test_meetings_calendar_holds_every_meeting(client, council):
    scheduled_meeting(council, NOW + 5 * DAY)
    build_meeting(council)
    uids = set(events(client, "/pl/feeds/meetings.ics"))
    expected = {f"council-term-{m.term.number}-meeting-{m.number}@127.0.0.1" for m in Meeting.objects.all()}
    assert uids == expected


def test_scheduled_live_and_past_meetings_are_all_in_the_calendar(client, council):
    past = build_meeting(council, number=1)
    council_services.meeting_close(meeting=past, user=council.chair)
    live = build_meeting(council, number=2)
    scheduled = scheduled_meeting(council, NOW + 7 * DAY)
    for meeting in (past, live, scheduled):
        assert meeting_event(client, meeting)


def test_summer_meeting_starts_at_its_warsaw_time(client, council):
    meeting = scheduled_meeting(council, datetime.datetime(2026, 7, 2, 18, 0, tzinfo=WARSAW))
    start = meeting_event(client, meeting).decoded("DTSTART")
    assert start == datetime.datetime(2026, 7, 2, 16, 0, tzinfo=UTC)


def test_winter_meeting_starts_at_its_warsaw_time(client, council):
    meeting = scheduled_meeting(council, datetime.datetime(2026, 1, 15, 18, 0, tzinfo=WARSAW))
    start = meeting_event(client, meeting).decoded("DTSTART")
    assert start == datetime.datetime(2026, 1, 15, 17, 0, tzinfo=UTC)


def test_meeting_on_the_day_summer_time_begins_keeps_its_local_time(client, council):
    meeting = scheduled_meeting(council, datetime.datetime(2026, 3, 29, 12, 0, tzinfo=WARSAW))
    start = meeting_event(client, meeting).decoded("DTSTART")
    assert start == datetime.datetime(2026, 3, 29, 10, 0, tzinfo=UTC)
    assert start.astimezone(WARSAW).hour == 12


def test_meeting_event_carries_number_place_online_link_and_page(client, council):
    meeting = scheduled_meeting(
        council,
        NOW + 3 * DAY,
        place="Urząd Miejski; sala 105, piętro 1 \\ wejście B",
        online_url="https://meet.example.org/rada-3",
    )
    event = meeting_event(client, meeting, "/en/feeds/meetings.ics")
    assert f"Meeting no. {meeting.number}" in str(event["SUMMARY"])
    assert str(event["LOCATION"]) == "Urząd Miejski; sala 105, piętro 1 \\ wejście B"
    assert "https://meet.example.org/rada-3" in str(event["DESCRIPTION"])
    assert str(event["CONFERENCE"]) == "https://meet.example.org/rada-3"
    assert str(event["URL"]) == f"http://testserver/en/council/meetings/{meeting.pk}/"


def test_scheduled_meeting_lasts_two_hours(client, council):
    meeting = scheduled_meeting(council, NOW + 3 * DAY)
    event = meeting_event(client, meeting)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(hours=2)


def test_closed_meeting_ends_when_it_closed(client, council):
    meeting = scheduled_meeting(council, timezone.now() - datetime.timedelta(minutes=1))
    meeting = council_services.meeting_start(meeting=meeting, user=council.chair)
    closed_at = timezone.now().replace(microsecond=0)
    council_services.meeting_close(meeting=meeting, user=council.chair, now=closed_at)
    event = meeting_event(client, meeting)
    assert event.decoded("DTEND") == closed_at


def test_meeting_uid_is_the_same_between_downloads_and_languages(client, council):
    meeting = scheduled_meeting(council, NOW + DAY)
    first = meeting_event(client, meeting, "/pl/feeds/meetings.ics")
    again = meeting_event(client, meeting, "/ru/feeds/meetings.ics")
    assert str(first["UID"]) == str(again["UID"])


def test_meeting_summary_is_in_the_calendars_language(client, council):
    meeting = scheduled_meeting(council, NOW + DAY)
    assert str(meeting_event(client, meeting, "/pl/feeds/meetings.ics")["SUMMARY"]).startswith("Posiedzenie nr")


def test_meetings_calendar_names_no_member(client, council):
    build_meeting(council)
    body = fetch(client, "/pl/feeds/meetings.ics").content.decode()
    for user in council.people.values():
        assert user.email not in body
        assert user.public_name not in body


def test_meetings_calendar_queries_do_not_grow_with_meetings(client, council, django_assert_max_num_queries):
    url = "/pl/feeds/meetings.ics"
    with CaptureQueriesContext(connection) as baseline:
        fetch(client, url)
    for day in range(1, 11):
        scheduled_meeting(council, NOW + day * DAY)
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        fetch(client, url)


# --- consultations -----------------------------------------------------------------------


def test_consultation_has_an_opening_and_a_closing_event(client):
    opens = datetime.datetime(2026, 10, 1, 9, 0, tzinfo=WARSAW)
    closes = datetime.datetime(2026, 10, 31, 23, 0, tzinfo=WARSAW)
    page = make_consultation(opens_at=opens, closes_at=closes, title="Kalendarz konsultacji")
    found = events(client, "/pl/feeds/consultations.ics")
    opening = found[f"consultation-{page.translation_key}-opens@127.0.0.1"]
    closing = found[f"consultation-{page.translation_key}-closes@127.0.0.1"]
    assert opening.decoded("DTSTART") == opens
    assert closing.decoded("DTSTART") == closes
    assert closing.decoded("DTSTART") == datetime.datetime(2026, 10, 31, 22, 0, tzinfo=UTC)
    assert "Kalendarz konsultacji" in str(closing["SUMMARY"])
    assert str(closing["URL"]) == "http://testserver" + page.url


def test_consultations_calendar_lists_every_public_consultation_twice(client):
    make_consultation(opens_at=NOW, closes_at=NOW + DAY, title="Jeszcze jedna")
    uids = set(events(client, "/pl/feeds/consultations.ics"))
    keys = set(ConsultationPage.objects.live().public().values_list("translation_key", flat=True))
    assert uids == {f"consultation-{key}-{kind}@127.0.0.1" for key in keys for kind in ("opens", "closes")}


def test_draft_consultation_is_not_in_the_calendar(client):
    draft = make_consultation(opens_at=NOW, closes_at=NOW + DAY, title="Szkic w kalendarzu", publish=False, live=False)
    body = fetch(client, "/pl/feeds/consultations.ics").content.decode()
    assert str(draft.translation_key) not in body
    assert "Szkic w kalendarzu" not in body


def test_consultation_dates_do_not_block_busy_time(client):
    for event in calendar(client, "/pl/feeds/consultations.ics").walk("VEVENT"):
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_consultation_contact_details_stay_out_of_the_calendar(client):
    make_consultation(
        opens_at=NOW, closes_at=NOW + DAY, contact_name="Jan Kontaktowy", contact_email="jan@gdansk.example"
    )
    body = fetch(client, "/pl/feeds/consultations.ics").content.decode()
    assert "jan@gdansk.example" not in body
    assert "Jan Kontaktowy" not in body


def test_consultations_calendar_queries_do_not_grow_with_consultations(client, django_assert_max_num_queries):
    url = "/en/feeds/consultations.ics"
    with CaptureQueriesContext(connection) as baseline:
        fetch(client, url)
    for number in range(8):
        make_consultation(opens_at=NOW + number * DAY, closes_at=NOW + (number + 9) * DAY, title=f"K{number}")
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        fetch(client, url)


# --- the writer ----------------------------------------------------------------------------


def test_text_values_escape_backslash_semicolon_comma_and_newlines():
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_folding_never_splits_a_character():
    line = "SUMMARY:" + "Засідання ради, " * 10
    folded = fold(line).split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in folded)
    assert all(part.startswith(" ") for part in folded[1:])
    assert folded[0] + "".join(part[1:] for part in folded[1:]) == line


def test_short_lines_are_not_folded():
    assert fold("UID:x@rada") == "UID:x@rada"


# --- where it is offered ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "calendar_path"),
    [
        ("/pl/council/", "/pl/feeds/meetings.ics"),
        ("/en/council/meetings/", "/en/feeds/meetings.ics"),
        ("/uk/consultations/", "/uk/feeds/consultations.ics"),
    ],
)
def test_page_offers_a_calendar_subscription_by_plain_https_url(client, path, calendar_path):
    html = fetch(client, path).content.decode()
    assert f'href="http://testserver{calendar_path}"' in html
    secure = client.get(path, secure=True).content.decode()
    assert f'href="https://testserver{calendar_path}"' in secure
