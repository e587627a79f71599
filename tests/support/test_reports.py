"""Reports of discrimination or a hate incident at /<lang>/report/: usable without
an account in every language, with 112 first; a reference code to read the
status and the answers; visible to case workers alone; nothing in the logs."""

import logging
import re

import pytest
from django.views.debug import ExceptionReporter

from support import services, views
from support.models import CODE_ALPHABET, CODE_LENGTH, Report, ReportEntry
from tests.accounts import factories as people
from tests.accounts.factories import UserFactory, admin_login
from tests.support import factories
from tests.support.factories import case_worker

pytestmark = pytest.mark.django_db

SECRET = "Sąsiad z klatki B krzyczał, że mam wracać do siebie"
# Named, so that the source lines a traceback shows never hold the values themselves.
PHONE = "+48 500 600 700"
PLACE = "Oliwa, ul. Polanki"


def report(**fields):
    return factories.report(**{"what_happened": SECRET, **fields})


def valid(**fields):
    return {
        "what_happened": SECRET,
        "where": PLACE,
        "when": "wczoraj wieczorem",
        "still_happening": "yes",
        "contact": "",
        **fields,
    }


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_form_works_in_every_language_without_an_account_and_names_112_before_the_form(client, language):
    response = client.get(f"/{language}/report/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("112") < page.index('<form method="post" novalidate class="report-form"')
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_report_is_saved_and_its_code_is_shown_once_not_in_an_address(client):
    response = client.post("/uk/report/", valid(counted="on"))

    assert response.status_code == 200
    saved = Report.objects.get()
    assert saved.code_display in response.content.decode()
    assert (saved.what_happened, saved.still_happening, saved.counted, saved.status) == (SECRET, "yes", True, "new")
    assert saved.language == "pl"  # detected from the text, not the page
    assert "Location" not in response


def test_a_reference_code_is_twelve_characters_from_an_unambiguous_alphabet():
    codes = {report().code for _ in range(20)}
    assert len(codes) == 20
    for code in codes:
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(CODE_ALPHABET)
    assert not set("0O1IL") & set(CODE_ALPHABET)


def test_only_the_contact_the_person_chose_is_kept(client):
    client.post("/pl/report/", valid(contact="phone", contact_phone="+48 500 600 700", contact_email="a@example.net"))
    saved = Report.objects.get()
    assert (saved.contact, saved.contact_phone, saved.contact_email) == ("phone", "+48 500 600 700", "")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"what_happened": ""}, "what_happened"),
        ({"what_happened": "x" * 5001}, "what_happened"),
        ({"still_happening": ""}, "still_happening"),
        ({"still_happening": "maybe"}, "still_happening"),
        ({"contact": "email"}, "contact_email"),
        ({"contact": "email", "contact_email": "not an address"}, "contact_email"),
        ({"contact": "phone"}, "contact_phone"),
        ({"contact": "phone", "contact_phone": "call me"}, "contact_phone"),
        ({"where": "x" * 301}, "where"),
    ],
)
def test_bad_input_gets_a_clear_error_and_nothing_is_saved(client, fields, field):
    response = client.post("/pl/report/", valid(**fields))
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Report.objects.exists()


def test_what_the_person_wrote_stays_in_the_form_after_an_error(client):
    response = client.post("/pl/report/", valid(contact="phone"))
    assert SECRET in response.content.decode()


def test_a_flood_of_reports_from_one_address_gets_429(client):
    for _ in range(services.REPORTS_PER_HOUR):
        assert client.post("/pl/report/", valid()).status_code == 200
    response = client.post("/pl/report/", valid())
    assert response.status_code == 429
    assert Report.objects.count() == services.REPORTS_PER_HOUR


def test_the_status_shows_the_answers_to_the_person_but_not_internal_notes(client):
    found = report()
    ReportEntry.objects.create(report=found, kind="answer", text="Skontaktowaliśmy się z administracją budynku.")
    ReportEntry.objects.create(report=found, kind="note", text="Notatka wewnętrzna")
    ReportEntry.objects.create(report=found, kind="referral", referred_to="police", text="Zgłoszone na policję")

    page = client.post("/en/report/status/", {"code": found.code_display.lower()}).content.decode()

    assert "Skontaktowaliśmy się z administracją budynku." in page
    assert "Notatka wewnętrzna" not in page
    assert "Zgłoszone na policję" not in page
    assert SECRET not in page  # the status, never the report itself


def test_a_wrong_code_gets_a_clear_message(client):
    report()
    response = client.post("/pl/report/status/", {"code": "ABCD-EFGH-JKMN"})
    assert response.status_code == 400
    assert response.context["form"].errors["code"]


def test_a_code_of_the_wrong_length_is_refused_before_any_look_up(client, django_assert_max_num_queries):
    response = client.post("/pl/report/status/", {"code": "ABC"})
    assert response.status_code == 400


def test_the_status_is_never_read_from_the_address(client):
    found = report()
    page = client.get("/pl/report/status/", {"code": found.code}).content.decode()
    assert "report-status" not in page


def test_guessing_codes_is_limited_to_a_few_a_minute(client):
    for _ in range(services.STATUS_CHECKS_PER_MINUTE):
        client.post("/pl/report/status/", {"code": "ABCD-EFGH-JKMN"})
    found = report()
    response = client.post("/pl/report/status/", {"code": found.code})
    assert response.status_code == 429
    assert "report-status" not in response.content.decode()


def test_nothing_from_a_report_reaches_the_logs(client, caplog):
    caplog.set_level(logging.DEBUG)
    client.post("/pl/report/", valid(contact="email", contact_email="ofiara@example.net"))
    code = Report.objects.get().code
    client.post("/pl/report/status/", {"code": code})
    client.post("/pl/report/", valid(what_happened=""))

    logged = "\n".join(f"{record.getMessage()} {record.args}" for record in caplog.records)
    for secret in (SECRET, "ofiara@example.net", PLACE, code):
        assert secret not in logged


def test_an_error_report_leaves_the_posted_text_out(client, caplog, monkeypatch):
    def broken():
        raise RuntimeError("the database is down")

    monkeypatch.setattr(services, "new_reference_code", broken)
    client.raise_request_exception = False
    caplog.set_level(logging.ERROR, logger="django.request")

    response = client.post("/pl/report/", valid(contact="phone", contact_phone=PHONE))

    assert response.status_code == 500
    record = next(record for record in caplog.records if record.name == "django.request")
    reporter = ExceptionReporter(record.request, *record.exc_info)
    for text in (reporter.get_traceback_text(), reporter.get_traceback_html()):
        assert "the database is down" in text
        assert "report_submit" in text  # the frames are there, their values are not
        for secret in (SECRET, PHONE, PLACE):
            assert secret not in text


def test_the_report_views_mark_their_posted_fields_sensitive():
    assert set(views.REPORT_FIELDS) >= {"what_happened", "where", "when", "contact_email", "contact_phone"}


# --- who sees reports ------------------------------------------------------------------


def test_a_case_worker_sees_the_reports_in_the_admin(client):
    found = report()
    admin_login(client, case_worker())

    listing = client.get("/admin/snippets/support/report/")
    edit = client.get(f"/admin/snippets/support/report/edit/{found.pk}/")

    assert listing.status_code == 200
    assert found.code in listing.content.decode()
    assert edit.status_code == 200
    assert SECRET in edit.content.decode()


@pytest.mark.parametrize("who", [people.official, people.moderator, people.facilitator, people.partner, UserFactory])
def test_nobody_else_sees_reports(client, who):
    found = report()
    user = who()
    client.force_login(user)
    for url in ("/admin/snippets/support/report/", f"/admin/snippets/support/report/edit/{found.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert SECRET not in response.content.decode()


def test_the_admin_menu_shows_reports_to_case_workers_only(client):
    admin_login(client, case_worker())
    assert "/admin/snippets/support/report/" in client.get("/admin/").content.decode()
    client.logout()
    admin_login(client, people.official())
    assert "/admin/snippets/support/report/" not in client.get("/admin/").content.decode()


def test_reports_cannot_be_added_or_deleted_in_the_admin(client):
    found = report()
    admin_login(client, case_worker())
    assert client.get("/admin/snippets/support/report/add/").status_code in (302, 403, 404)
    assert client.post(f"/admin/snippets/support/report/delete/{found.pk}/").status_code in (302, 403, 404)
    assert Report.objects.filter(pk=found.pk).exists()


def test_a_case_worker_closes_a_report_and_the_closing_time_is_kept(client):
    found = report()
    admin_login(client, case_worker())
    response = client.post(
        f"/admin/snippets/support/report/edit/{found.pk}/",
        {
            "status": "closed",
            "kind": "verbal",
            "area": "local-communities",
            "entries-TOTAL_FORMS": "1",
            "entries-INITIAL_FORMS": "0",
            "entries-MIN_NUM_FORMS": "0",
            "entries-MAX_NUM_FORMS": "1000",
            "entries-0-kind": "referral",
            "entries-0-referred_to": "ombudsman",
            "entries-0-text": "Przekazano do RPO.",
            "entries-0-ORDER": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    found.refresh_from_db()
    assert (found.status, found.kind, found.area) == ("closed", "verbal", "local-communities")
    assert found.closed_at is not None
    assert found.what_happened == SECRET  # the person's words are read-only in the admin
    assert found.entries.get().referred_to == "ombudsman"


def test_a_referral_must_say_where_to(client):
    found = report()
    entry = ReportEntry(report=found, kind="referral", text="x")
    with pytest.raises(Exception, match="referred"):
        entry.full_clean()


def test_reopening_a_report_forgets_its_closing_time():
    found = report()
    found.status = Report.Status.CLOSED
    services.report_closed_now(found, previous_status=Report.Status.NEW)
    assert found.closed_at is not None
    found.status = Report.Status.IN_PROGRESS
    services.report_closed_now(found, previous_status=Report.Status.CLOSED)
    assert found.closed_at is None


def test_reports_are_not_in_the_api_or_the_site_search(client):
    report()
    document = client.get("/api/v1/openapi.json").content.decode()
    assert not re.search(r"/report", document)
    assert SECRET not in client.get("/pl/search/", {"q": "Sąsiad"}).content.decode()


def test_the_case_workers_list_offers_no_export(client):
    report()
    admin_login(client, case_worker())
    for fmt in ("csv", "xlsx"):
        response = client.get("/admin/snippets/support/report/", {"export": fmt})
        assert response.status_code == 200
        assert not response.streaming
        assert "attachment" not in response.get("Content-Disposition", "")
