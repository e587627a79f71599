"""Read-only JSON and downloads of the Model's tasks: /api/v1/model/tasks/…

One :class:`core.jsonapi.Record` declares a task's fields; the listing serves
pages of JSON, the CSV, XLSX and JSON downloads and its part of the OpenAPI
document (``opendata.openapi``) from it.  ``?lang=`` picks the language of the
texts (Polish by default); where a text is not written in that language the
Polish one is given, and ``language`` says which it is.
"""

from django.conf import settings
from django.db.models import Count, Max
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import translation

from core.areas import Area
from core.jsonapi import (
    DATE,
    INTEGER,
    LANGUAGE,
    STRING,
    TEXT,
    URI,
    UUID,
    Field,
    Filter,
    Listing,
    Record,
    api_view,
    array,
    enum,
    nullable,
    obj,
)
from core.language import LANGUAGE_CODES

from .models import ModelTask, Organisation, TaskNote, TaskStatus

LANG = Filter("lang", "The language of texts and links (pl by default).", None, choices=LANGUAGE_CODES)


def _language(request):
    code = request.GET.get("lang")
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def _text(record, stem, language):
    """(text in ``language``, else in Polish; the language it is in)."""
    text = getattr(record, f"{stem}_{language}", "")
    return (text, language) if text else (getattr(record, f"{stem}_pl"), "pl")


def _prepare(request, tasks):
    notes = {
        row["task_id"]: row
        for row in TaskNote.objects.filter(task__in=tasks)
        .values("task_id")
        .annotate(count=Count("pk"), latest=Max("written_on"))
        .order_by()
    }
    return {"lang": _language(request), "notes": notes}


def _url(task, context):
    with translation.override(context.lang):
        return context.absolute(reverse("tasks:detail", args=[task.slug]))


def _lead(task, context):
    return {
        "slug": task.lead.slug,
        "name": _text(task.lead, "name", context.lang)[0],
        "kind": task.lead.kind,
    }


TASK = Record(
    "ModelTask",
    [
        Field("id", INTEGER, "pk"),
        Field("slug", STRING),
        Field("title", STRING, lambda task, context: _text(task, "title", context.lang)[0]),
        Field("summary", TEXT, lambda task, context: _text(task, "summary", context.lang)[0]),
        Field(
            "language",
            {**LANGUAGE, "description": "The language of the title and summary: `lang`, or pl where not translated."},
            lambda task, context: _text(task, "title", context.lang)[1],
        ),
        Field("status", enum(TaskStatus.values)),
        Field(
            "areas",
            array(enum(Area.values), "Empty for a task that serves all the areas."),
            lambda task, context: [area.code for area in task.areas.all()],
        ),
        Field(
            "lead",
            obj({"slug": STRING, "name": STRING, "kind": enum(Organisation.Kind.values)}, "Who leads the task."),
            _lead,
        ),
        Field(
            "partners",
            array(STRING, "The partners' names."),
            lambda task, context: [_text(partner, "name", context.lang)[0] for partner in task.partners.all()],
        ),
        Field("starts_on", nullable(DATE)),
        Field("planned_end", nullable(DATE)),
        Field("ended_on", nullable({**DATE, "description": "When the task was done or dropped."})),
        Field(
            "indicators",
            array(INTEGER, "Ids of the evaluation indicators that measure the task."),
            lambda task, context: [indicator.pk for indicator in task.indicators.all()],
        ),
        Field(
            "consultations",
            array(UUID, "Ids of the consultations linked to the task (/api/v1/consultations/{id}/)."),
            lambda task, context: [str(page.translation_key) for page in task.consultations.all()],
        ),
        Field(
            "resolutions",
            array(INTEGER, "Ids of the council's resolutions linked to the task."),
            lambda task, context: [resolution.pk for resolution in task.resolutions.all()],
        ),
        Field(
            "note_count",
            INTEGER,
            lambda task, context: context.notes.get(task.pk, {}).get("count", 0),
        ),
        Field(
            "latest_note_on",
            nullable(DATE),
            lambda task, context: context.notes.get(task.pk, {}).get("latest"),
        ),
        Field("url", URI, _url),
        Field("api_url", URI, lambda task, context: context.absolute(f"/api/v1/model/tasks/{task.pk}/")),
    ],
    description="A task of the Gdańsk Immigrant Integration Model.",
    prepare=_prepare,
)

NOTE = obj({"date": DATE, "text": TEXT, "language": LANGUAGE})

TASK_DETAIL = TASK.extended(
    "ModelTaskDetail",
    [
        Field(
            "notes",
            array(NOTE, "The progress notes, newest first."),
            lambda task, context: [
                {
                    "date": note.written_on.isoformat(),
                    "text": _text(note, "text", context.lang)[0],
                    "language": _text(note, "text", context.lang)[1],
                }
                for note in task.notes.order_by("-written_on", "-pk")
            ],
            csv=False,
        )
    ],
    description="A task of the Model with its progress notes.",
)


def _items(request, params):
    return (
        ModelTask.objects.listed().prefetch_related("indicators", "consultations", "resolutions").select_related("lead")
    )


tasks = Listing(
    name="tasks",
    summary="Tasks of the Integration Model",
    items=_items,
    record=TASK,
    filters=[
        LANG,
        Filter(
            "area",
            "Only tasks of this thematic area.",
            lambda qs, code: qs.filter(areas__code=code),
            choices=tuple(Area.values),
        ),
        Filter(
            "status", "Only tasks in this state.", lambda qs, s: qs.filter(status=s), choices=tuple(TaskStatus.values)
        ),
        Filter("lead", "Only tasks led by this organisation (its slug).", lambda qs, slug: qs.filter(lead__slug=slug)),
    ],
)

RECORDS = [TASK, TASK_DETAIL]
FORMATS = ("csv", "xlsx", "json")


@api_view("No such task.")
def task_list(request):
    return tasks.page(request)


@api_view("No such task.")
def task_detail(request, pk):
    tasks.params(request)  # a bad ?lang= is a 400, as on the list
    task = _items(request, {}).filter(pk=pk).first()
    if task is None:
        raise Http404
    return JsonResponse(TASK_DETAIL.row(request, task))


@api_view("No such task.")
def download(request, file_format):
    if file_format not in FORMATS:
        raise Http404
    return tasks.download(request, file_format)
