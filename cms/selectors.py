"""Reads of the site's own pages that other parts of the site link to."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from wagtail.models import Locale, Page

from consultations.models import ConsultationPage
from core.areas import Area
from core.language import current_language
from council.models import Resolution

from .models import TASK_STATUS_ORDER, ModelTask, Organisation, TaskNote, TaskStatus, ThematicAreaPage

SEARCH_RESULTS_PER_PAGE = 10


def area_page(*, area, language):
    """The page of thematic ``area`` in ``language``, or None where there is none."""
    return (
        ThematicAreaPage.objects.live()
        .public()
        .filter(area=area, locale__language_code=language)
        .order_by("path")
        .first()
    )


def search(*, query, page_number):
    """A page of the live public pages of the active language that match ``query``."""
    pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
    return Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE).get_page(page_number)


# --- the Model's tasks -------------------------------------------------------------------------


def _tasks():
    return ModelTask.objects.listed()


def tasks(*, area=None, status=None, lead=None):
    """The Model's tasks, those being done first, narrowed by an area code, a
    status and the lead's slug (each optional)."""
    found = _tasks()
    if area:
        found = found.filter(areas__code=area)
    if status:
        found = found.filter(status=status)
    if lead:
        found = found.filter(lead__slug=lead)
    return found


def task_status_counts(*, area=None, lead=None):
    """{status: how many tasks} among those of ``area`` and ``lead``, every status present."""
    found = tasks(area=area, lead=lead).order_by()
    counts = dict(found.values_list("status").annotate(n=Count("pk", distinct=True)))
    return {status: counts.get(status, 0) for status in TASK_STATUS_ORDER}


def task_leads():
    """The organisations that lead at least one task, for the list's filter."""
    return Organisation.objects.filter(led_tasks__isnull=False).distinct().order_by("name_pl", "pk")


def area_tasks(*, area):
    """The tasks of thematic ``area``, for its page."""
    return tasks(area=area)


def task(slug):
    """The task ``slug`` with its notes, partners, indicators and resolutions, or None."""
    return (
        ModelTask.objects.select_related("lead")
        .prefetch_related(
            "areas",
            "partners",
            "indicators",
            Prefetch("notes", queryset=TaskNote.objects.order_by("-written_on", "-pk")),
            Prefetch("resolutions", queryset=Resolution.objects.select_related("term")),
        )
        .filter(slug=slug)
        .first()
    )


def task_consultations(task, *, language=None):
    """The live consultations ``task`` links, in ``language`` (the reader's) where
    translated or aliased there, else as linked."""
    linked = list(task.consultations.all())
    keys = [page.translation_key for page in linked]
    shown = {
        page.translation_key: page
        for page in ConsultationPage.objects.live()
        .public()
        .filter(translation_key__in=keys, locale__language_code=language or current_language())
    }
    return [shown.get(page.translation_key, page) for page in linked if page.live or page.translation_key in shown]


# --- the yearly evaluation of the tasks ----------------------------------------------------------


def evaluation_years(*, today):
    """The years, newest first, in which a task started, ended or has a note, up to this one."""
    years = {day.year for day in TaskNote.objects.dates("written_on", "year")}
    years |= {day.year for day in ModelTask.objects.exclude(status=TaskStatus.PLANNED).dates("starts_on", "year")}
    years |= {day.year for day in ModelTask.objects.filter(ended_on__isnull=False).dates("ended_on", "year")}
    return sorted((year for year in years if year <= today.year), reverse=True)


def _changes_in(task, first, last):
    """[(day, status)]: what happened to ``task`` between ``first`` and ``last``."""
    changes = []
    if task.status != TaskStatus.PLANNED and task.starts_on and first <= task.starts_on <= last:
        changes.append((task.starts_on, TaskStatus.IN_PROGRESS))
    if task.ended_on and first <= task.ended_on <= last:
        changes.append((task.ended_on, TaskStatus(task.status)))
    return changes


def task_progress_in(year):
    """{area code or "": [{task, notes, changes}]} for ``year``: every task with
    a note that year or a change of status in it, or being carried out through
    it; ``""`` holds the tasks that serve all the areas.  Three queries."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    activity = (
        Q(notes__written_on__year=year)
        | Q(starts_on__year=year) & ~Q(status=TaskStatus.PLANNED)
        | Q(ended_on__year=year)
        | Q(status=TaskStatus.IN_PROGRESS, starts_on__lte=last)
        | Q(ended_on__gt=last, starts_on__lte=last)
    )
    found = (
        ModelTask.objects.filter(activity)
        .distinct()
        .select_related("lead")
        .prefetch_related(
            "areas",
            Prefetch(
                "notes",
                queryset=TaskNote.objects.filter(written_on__year=year).order_by("written_on", "pk"),
                to_attr="notes_of_year",
            ),
        )
        .in_list_order()
    )
    by_area = {code: [] for code in [*Area.values, ""]}
    for item in found:
        row = {"task": item, "notes": item.notes_of_year, "changes": _changes_in(item, first, last)}
        for code in [area.code for area in item.areas.all()] or [""]:
            by_area[code].append(row)
    return by_area


def area_pages_of(task):
    """[(area, its page in the reader's language or None)] for the areas of ``task``."""
    codes = [area.code for area in task.areas.all()]
    pages = {
        page.area: page
        for page in ThematicAreaPage.objects.live()
        .public()
        .filter(area__in=codes, locale__language_code=current_language())
    }
    return [(Area(code), pages.get(code)) for code in codes]
