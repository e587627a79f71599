"""The yearly evaluation report of the Model: per area, the tasks' progress in
that year and the indicators of that year against their targets."""

import datetime

import pytest

from opendata import evaluation
from tests.cms.factories import model_task
from tests.opendata.factories import indicator

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)


@pytest.fixture
def record():
    """A centre started in 2025 with a note in each year; a start package done in
    2025; a task across all areas begun in 2026; a planned one; indicators of both years."""
    return {
        "centre": model_task(
            "centrum",
            areas=["social-welfare"],
            starts_on=datetime.date(2025, 3, 1),
            notes=[(datetime.date(2025, 5, 1), "Otwarto punkt."), (datetime.date(2026, 3, 2), "Dyżury w soboty.")],
        ),
        "pack": model_task(
            "pakiet",
            areas=["education", "social-welfare"],
            title_pl="Pakiet startowy",
            title_en="Start package",
            status="done",
            starts_on=datetime.date(2024, 9, 1),
            ended_on=datetime.date(2025, 11, 30),
        ),
        "ombudsperson": model_task(
            "rzecznik", areas=[], title_pl="Rzecznik", title_en="Ombudsperson", starts_on=datetime.date(2026, 2, 1)
        ),
        "campaign": model_task(
            "kampania", areas=["culture"], title_pl="Kampania", title_en="Campaign", status="planned", starts_on=None
        ),
        "pupils": indicator(
            area="education",
            target=300,
            year=2026,
            name_en="Children in Polish lessons",
            manual_value=214,
            manual_source="Sprawozdanie",
        ),
        "old": indicator(
            area="education",
            target=10,
            year=2025,
            name_en="Teachers trained",
            manual_value=12,
            manual_source="Sprawozdanie",
        ),
    }


def section(sections, code):
    return next(s for s in sections if s["code"] == code)


def test_the_years_are_those_with_progress_or_indicators_up_to_this_one(record):
    indicator(area="work", year=2027, name_en="Later")
    assert evaluation.years(today=TODAY) == [2026, 2025, 2024]


def test_a_years_report_gives_each_task_only_that_years_notes(record):
    welfare = section(evaluation.report(2025), "social-welfare")
    centre = next(row for row in welfare["tasks"] if row["task"].slug == "centrum")
    assert [note.text_pl for note in centre["notes"]] == ["Otwarto punkt."]
    assert centre["changes"] == [(datetime.date(2025, 3, 1), "in_progress")]


def test_a_task_done_that_year_shows_in_each_of_its_areas(record):
    report = evaluation.report(2025)
    for code in ("education", "social-welfare"):
        pack = next(row for row in section(report, code)["tasks"] if row["task"].slug == "pakiet")
        assert pack["changes"] == [(datetime.date(2025, 11, 30), "done")]
    assert "pakiet" not in [row["task"].slug for row in section(evaluation.report(2026), "education")["tasks"]]


def test_each_area_counts_its_tasks_by_their_status_now(record):
    welfare = section(evaluation.report(2025), "social-welfare")
    assert welfare["counts"] == [("in_progress", 1), ("done", 1)]


def test_a_planned_task_is_not_in_the_report_and_one_across_areas_has_its_own_section(record):
    report = evaluation.report(2026)
    assert section(report, "culture")["tasks"] == []
    assert [row["task"].slug for row in section(report, "")["tasks"]] == ["rzecznik"]


def test_the_indicators_of_the_year_are_shown_against_their_targets(record):
    education = section(evaluation.report(2026), "education")
    assert [(row["indicator"].name_en, row["value"], row["percent"]) for row in education["indicators"]] == [
        ("Children in Polish lessons", 214, 71)
    ]
    older = section(evaluation.report(2025), "education")["indicators"]
    assert [(row["indicator"].name_en, row["reached"]) for row in older] == [("Teachers trained", True)]


def test_the_report_page_shows_areas_tasks_notes_and_indicators(client, record):
    page = client.get("/en/model/evaluation/2026/").content.decode()
    assert "Evaluation of the Integration Model in 2026" in page
    assert "Dyżury w soboty." in page and "Otwarto punkt." not in page
    assert "Children in Polish lessons" in page and "71% of the target" in page
    assert "Across all areas" in page and "Ombudsperson" in page
    assert '<p class="meta">In progress: 1</p>' in page
    assert 'href="/en/model/evaluation/2025/"' in page


def test_the_report_prints_without_the_sites_menus(client, record):
    page = client.get("/en/model/evaluation/2026/").content.decode()
    assert '<body class="printable">' in page
    assert "/static/css/tasks.css" in page
    with open("static/css/tasks.css", encoding="utf-8") as css:
        assert "@media print" in css.read()


def test_the_report_is_in_the_readers_language(client, record):
    page = client.get("/uk/model/evaluation/2026/").content.decode()
    assert '<html lang="uk"' in page
    assert '<span lang="uk">uk: Dyżury w soboty.</span>' in page


def test_the_index_links_each_years_report(client, record):
    page = client.get("/en/model/evaluation/").content.decode()
    for year in (2026, 2025, 2024):
        assert f'href="/en/model/evaluation/{year}/"' in page


def test_a_year_without_a_report_is_not_found(client, record):
    assert client.get("/en/model/evaluation/2019/").status_code == 404
    assert client.get("/en/model/evaluation/2099/").status_code == 404


def test_the_report_costs_the_same_queries_for_few_tasks_or_many(client, record, django_assert_max_num_queries):
    with django_assert_max_num_queries(40) as few:
        client.get("/en/model/evaluation/2026/")
    for number in range(15):
        model_task(
            f"t{number}",
            areas=["health", "work"],
            title_pl=f"Zadanie {number}",
            notes=[(datetime.date(2026, 4, 1), f"Notatka {number}.")],
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/en/model/evaluation/2026/").status_code == 200
