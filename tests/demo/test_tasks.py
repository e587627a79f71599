"""The demo's tasks of the Model: the map's tasks, each in its areas, with
realistic statuses, links and progress notes in four languages."""

import pytest
from django.utils import timezone

from cms.models import ModelTask, TaskNote
from core.areas import Area

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

MAP_TASKS = [
    "pakiet-startowy",
    "centrum-informacji-i-wsparcia",
    "baza-tlumaczy",
    "nauka-jezyka-polskiego",
    "wolontariat",
    "zarzadzanie-roznorodnoscia",
    "edukacja-miedzykulturowa",
    "szkolenia-dla-urzednikow",
]


def test_the_demo_holds_the_tasks_of_the_models_map():
    assert set(MAP_TASKS) <= set(ModelTask.objects.values_list("slug", flat=True))


def test_every_area_has_a_task_and_every_status_occurs():
    areas = set(ModelTask.objects.values_list("areas__code", flat=True))
    assert set(Area.values) <= areas
    assert set(ModelTask.objects.values_list("status", flat=True)) == {"planned", "in_progress", "done", "dropped"}


def test_every_task_and_note_is_written_in_four_languages():
    for task in ModelTask.objects.all():
        assert all(
            getattr(task, f"title_{code}") and getattr(task, f"summary_{code}") for code in ["pl", "en", "uk", "ru"]
        )
        assert all(getattr(task.lead, f"name_{code}") for code in ["pl", "en", "uk", "ru"])
    for note in TaskNote.objects.all():
        assert all(getattr(note, f"text_{code}") for code in ["pl", "en", "uk", "ru"])


def test_tasks_link_the_demos_consultations_resolutions_and_indicators():
    centre = ModelTask.objects.get(slug="centrum-informacji-i-wsparcia")
    assert centre.consultations.get().slug == "punkt-informacyjny-dla-migrantow"
    assert centre.indicators.count() == 1
    assert ModelTask.objects.get(slug="baza-tlumaczy").resolutions.count() == 1
    assert ModelTask.objects.get(slug="edukacja-miedzykulturowa").resolutions.count() == 1
    assert ModelTask.objects.get(slug="otwarta-kultura").resolutions.get().motion.consultation_key is not None
    assert ModelTask.objects.get(slug="nauka-jezyka-polskiego").indicators.count() == 2


def test_no_progress_note_is_dated_in_the_future():
    assert not TaskNote.objects.filter(written_on__gt=timezone.localdate()).exists()


def test_the_task_pages_and_this_years_report_serve_in_every_language(client):
    year = timezone.localdate().year
    for code in ("pl", "en", "uk", "ru"):
        assert client.get(f"/{code}/model/tasks/").status_code == 200
        assert client.get(f"/{code}/model/tasks/baza-tlumaczy/").status_code == 200
        assert client.get(f"/{code}/model/evaluation/{year}/").status_code == 200
