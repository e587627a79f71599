"""Public statistics of reports: counts by kind, area and quarter, of reports whose
authors agreed, under the small-count rule, never a word of what was written."""

import datetime

import pytest

from opendata import datasets, stats
from support.models import Report
from tests.support.factories import report

pytestmark = pytest.mark.django_db

SECRET = "Wyzwiska na przystanku przy Hali Olivia"


def reports(count, *, kind="verbal", area="local-communities", counted=True, created_at=None):
    made = [report(what_happened=SECRET, counted=counted) for _ in range(count)]
    Report.objects.filter(pk__in=[found.pk for found in made]).update(
        kind=kind, area=area, **({"created_at": created_at} if created_at else {})
    )


def rows(slug, area=None):
    return {row["label"]: row["reports"] for row in datasets.dataset(slug, area, datasets.context_now()).rows}


def test_only_reports_whose_authors_agreed_are_counted():
    reports(6, counted=True)
    reports(7, counted=False)
    assert rows("reports-by-kind")["Insults, threats or harassment"] == 6


def test_small_counts_are_shown_as_fewer_than_five_and_the_total_cannot_give_them_away():
    reports(6, kind="verbal")
    reports(2, kind="physical")
    counted = rows("reports-by-kind")
    assert counted["Physical violence"] == stats.FEWER_THAN_5
    # Beside a lone small count another is withheld -- never the largest, which is
    # what a reader came for: here a zero, so the total still leaves two unknowns.
    assert counted["Insults, threats or harassment"] == 6
    assert list(counted.values()).count(stats.WITHHELD) == 1
    withheld = next(label for label, value in counted.items() if value == stats.WITHHELD)
    assert Report.objects.filter(kind__in=[k for k, label in Report.Kind.choices if label == withheld]).count() == 0


def test_reports_are_counted_by_quarter_of_receipt():
    reports(5, created_at=datetime.datetime(2026, 2, 10, tzinfo=datetime.UTC))
    reports(5, created_at=datetime.datetime(2026, 8, 1, tzinfo=datetime.UTC))
    assert rows("reports-by-quarter") == {"2026-Q1": 5, "2026-Q3": 5}


def test_reports_are_counted_by_area_on_the_overview_and_by_kind_on_an_area_page():
    reports(5, area="housing")
    reports(5, area="work")
    assert rows("reports-by-area")["Housing"] == 5
    assert rows("reports-by-kind", "housing")["Insults, threats or harassment"] == 5
    assert datasets.dataset("reports-by-area", "housing", datasets.context_now()) is None


def test_a_report_not_yet_classified_is_counted_as_such():
    for _ in range(5):
        report(counted=True)
    assert rows("reports-by-kind")["Not classified yet"] == 5


def test_the_statistics_page_and_download_show_counts_and_never_the_text(client):
    reports(6)
    page = client.get("/pl/statistics/").content.decode()
    assert 'id="reports-by-kind"' in page
    assert SECRET not in page
    download = client.get("/en/statistics/data/reports-by-kind.csv")
    assert download.status_code == 200
    body = download.content.decode()
    assert "verbal" in body
    assert SECRET not in body


def test_an_area_page_counts_that_areas_reports_by_kind_and_quarter(client):
    reports(5, area="housing", kind="unequal")
    reports(6, area="work", kind="verbal")
    response = client.get("/en/statistics/housing/")
    assert response.status_code == 200
    kinds = {row["label"]: row["reports"] for row in response.context["datasets"]["reports_by_kind"].rows}
    assert kinds["Unequal treatment (service, work, housing, school)"] == 5
    assert kinds["Insults, threats or harassment"] == 0
    assert "reports_by_area" not in response.context["datasets"]
