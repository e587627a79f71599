"""The Model's tasks: their rules, the lists and pages that show them, and who keeps them."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from cms import selectors, services
from cms.models import ModelTask, TaskStatus
from core.areas import ThematicArea
from core.errors import RuleBroken
from tests.accounts.factories import UserFactory, admin_login, moderator, official
from tests.cms.factories import area_page, model_task, organisation

# Deleting an organisation consults Wagtail's reference index, kept here (tests/database.py).
pytestmark = [pytest.mark.django_db, pytest.mark.wagtail_indexes]

DAY = datetime.date(2026, 5, 4)


@pytest.fixture
def three_tasks():
    """In progress (social welfare, by MOPR), planned (education, by an NGO) and done (both areas)."""
    ngo = organisation("fundacja", kind="partner", name_pl="Fundacja Emigrantka", name_en="")
    return {
        "centre": model_task("centrum", sort_order=2),
        "school": model_task(
            "szkola",
            lead=ngo,
            areas=["education"],
            title_pl="Asystenci międzykulturowi",
            title_en="Intercultural assistants",
            status="planned",
            starts_on=datetime.date(2027, 1, 1),
        ),
        "pack": model_task(
            "pakiet",
            areas=["education", "social-welfare"],
            title_pl="Pakiet startowy",
            title_en="Start package",
            status="done",
            ended_on=datetime.date(2025, 12, 1),
            sort_order=1,
        ),
    }


# --- rules -------------------------------------------------------------------------------------


def test_a_done_task_needs_the_day_it_was_done():
    with pytest.raises(RuleBroken, match="day the task was done or dropped"):
        model_task(status="done")
    assert not ModelTask.objects.exists()


def test_a_planned_task_has_no_end_day():
    with pytest.raises(RuleBroken, match="leave it empty"):
        model_task(status="planned", ended_on=DAY)


def test_a_task_cannot_end_before_it_starts():
    with pytest.raises(RuleBroken, match="cannot end before it starts"):
        model_task(status="done", starts_on=DAY, ended_on=DAY - datetime.timedelta(days=1))


def test_a_title_longer_than_the_limit_is_refused():
    with pytest.raises(RuleBroken, match="at most 200 characters"):
        model_task(title_pl="x" * 201)


def test_the_database_itself_refuses_a_task_in_progress_without_a_start():
    lead = organisation()
    with pytest.raises(IntegrityError), transaction.atomic():
        ModelTask.objects.create(slug="x", title_pl="X", lead=lead, status="in_progress")


def test_a_planned_task_starts_on_the_day_given():
    task = model_task(status="planned", starts_on=None)
    services.task_status_set(task=task, status=TaskStatus.IN_PROGRESS, on=DAY, today=DAY)
    task.refresh_from_db()
    assert (task.status, task.starts_on, task.ended_on) == ("in_progress", DAY, None)


def test_a_task_in_progress_is_done_on_the_day_given():
    task = model_task()
    services.task_status_set(task=task, status=TaskStatus.DONE, on=DAY, today=DAY)
    task.refresh_from_db()
    assert (task.status, task.ended_on) == ("done", DAY)


def test_a_done_task_is_not_reopened():
    task = model_task(status="done", ended_on=DAY)
    with pytest.raises(RuleBroken, match="“Done” cannot become “In progress”"):
        services.task_status_set(task=task, status=TaskStatus.IN_PROGRESS, on=DAY, today=DAY)
    task.refresh_from_db()
    assert task.status == "done"


def test_a_status_is_not_changed_ahead_of_time():
    task = model_task()
    with pytest.raises(RuleBroken, match="not in the future"):
        services.task_status_set(task=task, status=TaskStatus.DONE, on=DAY, today=DAY - datetime.timedelta(days=1))
    task.refresh_from_db()
    assert task.status == "in_progress"


def test_a_progress_note_is_not_dated_ahead():
    task = model_task()
    with pytest.raises(RuleBroken, match="date it today or earlier"):
        services.task_note_add(task=task, written_on=DAY, today=DAY - datetime.timedelta(days=1), text_pl="Plan.")
    assert not task.notes.exists()


def test_an_empty_progress_note_is_refused():
    task = model_task()
    with pytest.raises(RuleBroken):
        services.task_note_add(task=task, written_on=DAY, today=DAY, text_pl="")
    assert not task.notes.exists()


def test_the_same_progress_note_twice_is_kept_once():
    task = model_task()
    services.task_note_add(task=task, written_on=DAY, today=DAY, text_pl="Otwarto punkt.")
    _note, made = services.task_note_add(task=task, written_on=DAY, today=DAY, text_pl="Otwarto punkt.")
    assert not made
    assert task.notes.count() == 1


# --- selectors ---------------------------------------------------------------------------------


def test_tasks_being_done_come_first_then_planned_then_ended(three_tasks):
    assert [task.slug for task in selectors.tasks()] == ["centrum", "szkola", "pakiet"]


def test_tasks_filter_by_area_status_and_lead(three_tasks):
    assert {t.slug for t in selectors.tasks(area="education")} == {"szkola", "pakiet"}
    assert [t.slug for t in selectors.tasks(status="done")] == ["pakiet"]
    assert [t.slug for t in selectors.tasks(lead="fundacja")] == ["szkola"]
    assert [t.slug for t in selectors.tasks(area="education", lead="mopr")] == ["pakiet"]


def test_status_counts_name_every_status(three_tasks):
    counts = selectors.task_status_counts(area="education")
    assert counts == {"in_progress": 0, "planned": 1, "done": 1, "dropped": 0}


# --- pages -------------------------------------------------------------------------------------


def test_the_task_list_filters_with_a_plain_form(client, three_tasks):
    page = client.get("/en/model/tasks/", {"area": "education", "status": "planned"}).content.decode()
    assert "Intercultural assistants" in page
    assert "Start package" not in page
    assert "1 task" in page


def test_the_task_list_counts_its_tasks_by_status(client, three_tasks):
    page = client.get("/en/model/tasks/").content.decode()
    assert "3 tasks" in page
    assert "(In progress: 1; Planned: 1; Done: 1)" in page


def test_an_unknown_filter_value_is_refused_with_a_message_and_the_others_still_apply(client, three_tasks):
    page = client.get("/en/model/tasks/", {"status": "finished", "area": "education"}).content.decode()
    assert "Select a valid choice" in page
    assert "Intercultural assistants" in page and "Start package" in page
    assert "Immigrant support centre" not in page


def test_the_task_list_costs_the_same_queries_for_one_task_or_twenty(client, django_assert_max_num_queries):
    model_task("t0")
    with django_assert_max_num_queries(30) as few:
        client.get("/pl/model/tasks/")
    for number in range(1, 20):
        model_task(f"t{number}", title_pl=f"Zadanie {number}", areas=["health", "work"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/pl/model/tasks/").status_code == 200


def test_a_task_page_shows_its_notes_newest_first_and_who_does_it(client):
    partner = organisation("caritas", kind="partner", name_pl="Caritas", name_en="Caritas Gdańsk")
    notes = [(datetime.date(2025, 4, 1), "Otwarto punkt."), (datetime.date(2026, 2, 1), "Nowe godziny.")]
    task = model_task(notes=notes)
    task.partners.add(partner)
    page = client.get("/en/model/tasks/centrum/").content.decode()
    assert '<h1 lang="en">Immigrant support centre</h1>' in page
    assert page.index("Nowe godziny.") < page.index("Otwarto punkt.")
    assert "Municipal Family Support Centre" in page and "Caritas Gdańsk" in page
    assert "In progress" in page


def test_a_task_page_is_in_the_readers_language_and_marks_polish_where_untranslated(client):
    model_task(notes=[(DAY, "Otwarto punkt.")])
    ukrainian = client.get("/uk/model/tasks/centrum/").content.decode()
    assert '<h1 lang="uk">Центр підтримки іммігрантів</h1>' in ukrainian
    assert '<p lang="uk">uk: Otwarto punkt.</p>' in ukrainian
    russian = client.get("/ru/model/tasks/centrum/").content.decode()
    assert '<h1 lang="pl">Centrum wsparcia imigrantów</h1>' in russian


def test_an_unknown_task_is_not_found(client):
    assert client.get("/en/model/tasks/no-such-task/").status_code == 404


def test_an_area_page_lists_its_tasks(client, three_tasks):
    area_page("education")
    from cms import services as cms_services

    cms_services.tree_synchronise()
    page = client.get("/en/model/education/").content.decode()
    assert "Intercultural assistants" in page and "Start package" in page
    assert "Immigrant support centre" not in page


# --- who keeps them ----------------------------------------------------------------------------

ADMIN_LIST = "/admin/snippets/cms/modeltask/"


def test_an_official_sees_and_adds_tasks_in_the_admin(client, three_tasks):
    admin_login(client, official())
    assert "Start package" in client.get(ADMIN_LIST).content.decode()
    assert client.get(ADMIN_LIST + "?status=done").status_code == 200
    assert client.get(ADMIN_LIST + "add/").status_code == 200


def test_an_official_edits_a_tasks_status_and_the_admin_checks_its_rules(client, three_tasks):
    task = three_tasks["school"]
    admin_login(client, official())
    form = {
        "slug": task.slug,
        "title_pl": task.title_pl,
        "summary_pl": task.summary_pl,
        "lead": task.lead_id,
        "status": "done",
        "starts_on": "2027-01-01",
        "planned_end": "",
        "ended_on": "",
        "sort_order": "0",
        "notes-TOTAL_FORMS": "0",
        "notes-INITIAL_FORMS": "0",
        "notes-MIN_NUM_FORMS": "0",
        "notes-MAX_NUM_FORMS": "1000",
    }
    refused = client.post(f"{ADMIN_LIST}edit/{task.pk}/", form)
    assert "Give the day the task was done or dropped." in refused.content.decode()
    task.refresh_from_db()
    assert task.status == "planned"


@pytest.mark.parametrize("who", [moderator, UserFactory])
def test_only_officials_keep_tasks(client, three_tasks, who):
    client.force_login(who())
    response = client.get(ADMIN_LIST)
    assert response.status_code in (302, 403)
    task = three_tasks["centre"]
    client.post(f"{ADMIN_LIST}delete/{task.pk}/")
    assert ModelTask.objects.filter(pk=task.pk).exists()


def test_an_official_adds_a_task_with_a_progress_note_in_the_admin(client):
    lead = organisation()
    admin_login(client, official())
    response = client.post(
        ADMIN_LIST + "add/",
        {
            "slug": "kampania",
            "title_pl": "Kampania społeczna",
            "title_uk": "Соціальна кампанія",
            "summary_pl": "Plakaty o różnorodności Gdańska.",
            "areas": [ThematicArea.objects.get(code="culture").pk],
            "lead": lead.pk,
            "status": "in_progress",
            "starts_on": "2026-03-01",
            "sort_order": "0",
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "0",
            "notes-MIN_NUM_FORMS": "0",
            "notes-MAX_NUM_FORMS": "1000",
            "notes-0-written_on": "2026-04-01",
            "notes-0-text_pl": "Plakaty w tramwajach.",
            "notes-0-ORDER": "1",
        },
    )
    assert response.status_code == 302
    task = ModelTask.objects.get(slug="kampania")
    assert [area.code for area in task.areas.all()] == ["culture"]
    assert [note.text_pl for note in task.notes.all()] == ["Plakaty w tramwajach."]


def test_a_task_page_costs_the_same_queries_for_one_note_or_thirty(client, django_assert_max_num_queries):
    task = model_task(notes=[(DAY, "Pierwsza.")])
    with django_assert_max_num_queries(30) as few:
        client.get("/uk/model/tasks/centrum/")
    for number in range(29):
        services.task_note_add(task=task, written_on=DAY, today=DAY, text_pl=f"Notatka {number}.")
        task.partners.add(organisation(f"org-{number}", kind="partner", name_pl=f"Organizacja {number}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/uk/model/tasks/centrum/").status_code == 200


def test_an_organisation_leading_a_task_is_not_deleted_from_under_it(client, three_tasks):
    lead = three_tasks["centre"].lead
    admin_login(client, official())
    page = client.get(f"/admin/snippets/cms/organisation/delete/{lead.pk}/").content.decode()
    assert "prevent it from being deleted" in page
    client.post(f"/admin/snippets/cms/organisation/delete/{lead.pk}/")
    assert ModelTask.objects.filter(lead=lead).count() == 2
