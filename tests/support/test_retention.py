"""Personal data in a closed report is deleted after RADA_REPORT_RETENTION_MONTHS
(24 by default), by a command cron runs daily or a task a worker runs."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from support import services
from support.models import Report, ReportEntry
from support.tasks import purge_closed_reports
from tests.support.factories import closed_report, report

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=datetime.UTC)


def with_details(found):
    ReportEntry.objects.create(report=found, kind="contact", text="Rozmowa telefoniczna z osobą zgłaszającą.")
    return found


def test_a_report_closed_longer_than_the_retention_period_loses_its_personal_data():
    old = with_details(
        closed_report(
            closed_at=NOW - datetime.timedelta(days=2 * 365 + 5),
            contact="email",
            contact_email="osoba@example.net",
            where="Wrzeszcz",
            counted=True,
        )
    )
    Report.objects.filter(pk=old.pk).update(kind="verbal", area="housing")

    assert services.reports_purge(now=NOW) == 1

    old.refresh_from_db()
    assert (old.what_happened, old.where, old.when, old.contact_email, old.contact_phone, old.contact) == ("",) * 6
    assert old.entries.get().text == ""
    assert old.personal_data_deleted_at == NOW
    # What the statistics need stays.
    assert (old.kind, old.area, old.counted, old.status, old.code) == ("verbal", "housing", True, "closed", old.code)


def test_recently_closed_and_open_reports_keep_everything():
    recent = with_details(closed_report(closed_at=NOW - datetime.timedelta(days=700)))
    still_open = with_details(report())
    Report.objects.filter(pk=still_open.pk).update(created_at=NOW - datetime.timedelta(days=1000))

    assert services.reports_purge(now=NOW) == 0

    for found in (recent, still_open):
        found.refresh_from_db()
        assert found.what_happened
        assert found.entries.get().text


def test_the_city_sets_the_retention_period(settings):
    settings.RADA_REPORT_RETENTION_MONTHS = 6
    found = closed_report(closed_at=NOW - datetime.timedelta(days=200))
    assert services.reports_purge(now=NOW) == 1
    found.refresh_from_db()
    assert found.what_happened == ""


def test_purging_twice_changes_nothing_the_second_time():
    closed_report(closed_at=NOW - datetime.timedelta(days=1000))
    assert services.reports_purge(now=NOW) == 1
    assert services.reports_purge(now=NOW) == 0


def test_the_status_page_still_answers_for_a_purged_report(client):
    found = closed_report(closed_at=NOW - datetime.timedelta(days=1000))
    services.reports_purge(now=NOW)
    response = client.post("/en/report/status/", {"code": found.code})
    assert response.status_code == 200
    assert response.context["report"].status == "closed"


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime.datetime(2026, 3, 31, tzinfo=datetime.UTC), 1, datetime.datetime(2026, 2, 28, tzinfo=datetime.UTC)),
        (datetime.datetime(2026, 12, 2, tzinfo=datetime.UTC), 24, datetime.datetime(2024, 12, 2, tzinfo=datetime.UTC)),
        (datetime.datetime(2026, 1, 15, tzinfo=datetime.UTC), 13, datetime.datetime(2024, 12, 15, tzinfo=datetime.UTC)),
    ],
)
def test_months_are_counted_on_the_calendar(moment, months, expected):
    assert services.months_before(moment, months) == expected


def test_the_daily_command_deletes_what_is_due(capsys):
    found = closed_report(closed_at=timezone.now() - datetime.timedelta(days=800))
    call_command("purge_closed_reports")
    found.refresh_from_db()
    assert found.what_happened == ""
    assert "1" in capsys.readouterr().out


def test_the_task_deletes_what_is_due_when_a_worker_runs_it():
    found = closed_report(closed_at=timezone.now() - datetime.timedelta(days=800))
    purge_closed_reports.enqueue()  # the test settings run tasks at once
    found.refresh_from_db()
    assert found.what_happened == ""


def test_the_command_can_hand_the_work_to_a_worker():
    found = closed_report(closed_at=timezone.now() - datetime.timedelta(days=800))
    call_command("purge_closed_reports", "--enqueue")
    found.refresh_from_db()
    assert found.what_happened == ""
