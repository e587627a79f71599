"""The pages of interpreting requests, without JavaScript: officials' calendar,
form, request page and yearly count (with its downloads) in the admin, and the
translator's assignments page where they accept or decline."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.translators.factories import make_translator
from translators import interpreting
from translators.models import InterpretingRequest

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
Status = InterpretingRequest.Status


def ask(official, *, starts_in=3 * DAY, target_language="ka", **fields):
    starts_at = timezone.now() + starts_in
    return interpreting.interpreting_request_create(
        official=official,
        source_language="pl",
        target_language=target_language,
        starts_at=starts_at,
        ends_at=starts_at + 2 * HOUR,
        subject=fields.pop("subject", "Rozmowa w MOPR"),
        unit="Miejski Ośrodek Pomocy Rodzinie",
        place="ul. Leczkowa 1A",
        **fields,
    )


@pytest.fixture
def georgian(db):
    return make_translator(UserFactory(display_name="Nino"), pairs=[("uk", "pl")], other_languages="ka")


@pytest.fixture
def offered(official, georgian):
    request = ask(official)
    return interpreting.interpreting_assign(interpreting=request, translator=georgian, official=official)


# --- the translator's page --------------------------------------------------------


def test_the_translator_sees_what_is_offered_with_the_answer_form(client, offered, georgian):
    client.force_login(georgian.user)
    response = client.get("/en/translators/assignments/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rozmowa w MOPR" in page
    assert f'action="/en/translators/assignments/{offered.pk}/answer/"' in page


def test_the_translator_accepts_with_a_plain_form(client, offered, georgian):
    client.force_login(georgian.user)
    response = client.post(f"/en/translators/assignments/{offered.pk}/answer/", {"answer": "accept", "note": ""})
    assert response.status_code == 302
    offered.refresh_from_db()
    assert offered.status == Status.ACCEPTED


def test_the_translator_declines_with_a_note(client, offered, georgian):
    client.force_login(georgian.user)
    client.post(f"/en/translators/assignments/{offered.pk}/answer/", {"answer": "decline", "note": "Urlop."})
    offered.refresh_from_db()
    assert (offered.status, offered.answer) == (Status.DECLINED, "Urlop.")


def test_an_answer_without_a_choice_changes_nothing_and_says_why(client, offered, georgian):
    client.force_login(georgian.user)
    response = client.post(f"/en/translators/assignments/{offered.pk}/answer/", {"note": "?"}, follow=True)
    assert "Choose whether you accept or decline." in response.content.decode()
    offered.refresh_from_db()
    assert offered.status == Status.ASSIGNED


def test_another_translator_cannot_answer_through_the_page(client, offered):
    other = make_translator(pairs=[("pl", "uk")], other_languages="ka")
    client.force_login(other.user)
    response = client.post(f"/en/translators/assignments/{offered.pk}/answer/", {"answer": "accept"}, follow=True)
    assert "This assignment is not yours." in response.content.decode()
    offered.refresh_from_db()
    assert offered.status == Status.ASSIGNED


def test_other_translators_do_not_see_the_assignment(client, offered):
    other = make_translator(pairs=[("pl", "uk")], other_languages="ka")
    client.force_login(other.user)
    assert "Rozmowa w MOPR" not in client.get("/en/translators/assignments/").content.decode()


def test_a_resident_who_is_not_a_translator_is_told_so(client, db):
    client.force_login(UserFactory())
    assert client.get("/en/translators/assignments/").status_code == 403


def test_the_assignments_page_needs_a_login(client, db):
    assert client.get("/en/translators/assignments/").status_code == 302


# --- officials' admin screens ---------------------------------------------------


def test_an_official_requests_an_interpreter_through_the_admin_form(client, official, georgian):
    client.force_login(official)
    starts = timezone.localtime(timezone.now() + 5 * DAY).replace(second=0, microsecond=0)
    response = client.post(
        "/admin/interpreting/new/",
        {
            "kind": "interpreting",
            "source_language": "pl",
            "target_language": "ka",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + HOUR).strftime("%Y-%m-%dT%H:%M"),
            "place": "",
            "is_online": "on",
            "subject": "Konsultacja online",
            "unit": "Urząd Miejski",
        },
    )
    made = InterpretingRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/interpreting/{made.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Nino" in page  # proposed
    assert f'action="/admin/interpreting/{made.pk}/assign/"' in page


def test_a_bad_admin_request_keeps_what_was_typed_and_says_why(client, official):
    client.force_login(official)
    past = timezone.localtime(timezone.now() - DAY)
    response = client.post(
        "/admin/interpreting/new/",
        {
            "kind": "interpreting",
            "source_language": "pl",
            "target_language": "ar",
            "starts_at": past.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (past + HOUR).strftime("%Y-%m-%dT%H:%M"),
            "place": "Sala 1",
            "subject": "Spotkanie z rodzicami",
            "unit": "Szkoła Podstawowa nr 7",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ten termin już minął; wybierz termin w przyszłości." in page  # in the official's Polish
    assert "Spotkanie z rodzicami" in page
    assert not InterpretingRequest.objects.exists()


def test_an_official_assigns_through_the_admin(client, official, georgian):
    request = ask(official)
    client.force_login(official)
    client.post(f"/admin/interpreting/{request.pk}/assign/", {"translator": georgian.pk})
    request.refresh_from_db()
    assert (request.status, request.translator) == (Status.ASSIGNED, georgian)


def test_an_official_cancels_through_the_admin(client, official):
    request = ask(official)
    client.force_login(official)
    client.post(f"/admin/interpreting/{request.pk}/cancel/")
    request.refresh_from_db()
    assert request.status == Status.CANCELLED


def test_residents_and_translators_cannot_open_the_officials_screens(client, offered, georgian):
    client.force_login(georgian.user)
    for url in ("/admin/interpreting/", f"/admin/interpreting/{offered.pk}/", "/admin/interpreting/report/"):
        assert client.get(url).status_code in (302, 403)
    client.post(f"/admin/interpreting/{offered.pk}/cancel/")
    offered.refresh_from_db()
    assert offered.status == Status.ASSIGNED


def test_the_calendar_lists_the_week_by_day(client, official, offered):
    client.force_login(official)
    week = timezone.localdate(offered.starts_at).isoformat()
    page = client.get(f"/admin/interpreting/?week={week}").content.decode()
    assert "Rozmowa w MOPR" in page
    assert page.count("<h3>") == 7


def test_the_calendar_takes_a_fixed_number_of_queries(client, official, georgian, django_assert_max_num_queries):
    for number in range(6):
        ask(official, starts_in=2 * DAY + number * 3 * HOUR, subject=f"Spotkanie {number}")
    client.force_login(official)
    client.get("/admin/interpreting/")
    with django_assert_max_num_queries(20):
        assert client.get("/admin/interpreting/").status_code == 200


def test_the_yearly_count_shows_which_pairs_the_city_lacks(client, official, offered, georgian):
    interpreting.interpreting_answer(interpreting=offered, user=georgian.user, accept=True)
    ask(official, target_language="ti", subject="Tigrinya 1")
    ask(official, target_language="ti", starts_in=4 * DAY, subject="Tigrinya 2")
    client.force_login(official)
    year = timezone.localdate(offered.starts_at).year
    response = client.get(f"/admin/interpreting/report/?year={year}")
    rows = [(row["target"], row["requested"], row["filled"], row["unfilled"]) for row in response.context["rows"]]
    assert rows == [("ti", 2, 0, 2), ("ka", 1, 1, 0)]  # the pair the city lacks comes first
    assert "tigrinia" in response.content.decode()  # Tigrinya, in the official's Polish


def test_the_yearly_count_downloads_as_csv(client, official, offered):
    client.force_login(official)
    year = timezone.localdate(offered.starts_at).year
    response = client.get(f"/admin/interpreting/report/?year={year}&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2
    assert lines[1] == "pl;ka;polski ↔ gruziński;1;0;1"  # in the official's language, Polish here


def test_the_yearly_count_downloads_as_xlsx_with_numbers(client, official, offered):
    client.force_login(official)
    year = timezone.localdate(offered.starts_at).year
    response = client.get(f"/admin/interpreting/report/?year={year}&format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]] == ["pl", "ka", "polski ↔ gruziński", 1, 0, 1]


def test_the_events_request_page_points_officials_to_the_interpreting_queue(client, official):
    now = timezone.now()
    event = make_event(make_consultation(opens_at=now - DAY, closes_at=now + 9 * DAY, slug="z-kolejka"))
    client.force_login(official)
    page = client.get(f"/admin/events/requests/event/{event.pk}/").content.decode()
    assert 'href="/admin/interpreting/"' in page


@pytest.mark.parametrize("year", ["0", "abc", "99999", ""])
def test_the_yearly_count_shows_this_year_for_a_year_it_cannot_use(client, official, year):
    client.force_login(official)
    response = client.get(f"/admin/interpreting/report/?year={year}")
    assert (response.status_code, response.context["year"]) == (200, timezone.localdate().year)


def test_the_calendar_shows_this_week_for_a_week_it_cannot_read(client, official):
    client.force_login(official)
    response = client.get("/admin/interpreting/?week=2026-13-45")
    today = timezone.localdate()
    assert (response.status_code, response.context["monday"]) == (200, today - datetime.timedelta(days=today.weekday()))
