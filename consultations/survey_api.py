"""A consultation's survey in the API: /api/v1/consultations/<id>/survey/ (JSON),
``survey.csv``, ``survey.xlsx`` and ``survey.json`` (one row per answer counted).

The questions and their options are always given; the counts only once the
consultation has closed (``null`` before), each through the small-count rule:
a number, ``"<5"`` or ``"withheld"``.  Answers to short-text questions are never
given, only how many there were: free text is where people name themselves and
others, and nobody who answered was told their words would be published.

Each kind of item is one :class:`core.jsonapi.Record`, whose fields make the
JSON, the spreadsheet's columns and the OpenAPI schema alike.
"""

from types import SimpleNamespace

from django.http import Http404, JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import smallcounts, tabular
from core.jsonapi import BOOLEAN, INTEGER, STRING, UUID, Field, Record, api_view, array, enum, nullable, obj

from .api import _language, consultation_or_404
from .models import Status
from .survey_blocks import Kind, questions_of
from .surveys import ANSWERED, NO_ANSWER, results_public, survey_results

COUNT = {
    "type": ["integer", "string", "null"],
    "minimum": 0,
    "description": "How many people: a number, “<5” (from 1 to 4) or “withheld” (left out so that a small "
    "count cannot be worked out from the others); null until the consultation has closed.",
}
CHANNELS = obj({"online": COUNT, "paper": COUNT, "total": COUNT}, "Online, entered by facilitators from paper, both.")


def _public(values):
    return {key: smallcounts.code(value) for key, value in values.items()} if values else None


SURVEY_COUNT = Record(
    "SurveyCount",
    [
        Field("consultation", UUID, lambda item, context: str(context.consultation.translation_key)),
        Field("question", {**STRING, "description": "The question's id, the same in every language."}),
        Field("position", {**INTEGER, "minimum": 1}),
        Field("kind", enum(Kind.ALL)),
        Field("question_text", STRING),
        Field(
            "option",
            {
                **STRING,
                "description": "The option's id (the same in every language), a value of a scale, "
                f"“{ANSWERED}” (a short-text question's answers, counted) or “{NO_ANSWER}” (left unanswered).",
            },
        ),
        Field("label", STRING),
        Field("count", COUNT, lambda item, context: smallcounts.code(item.count) if item.count is not None else None),
    ],
    description="How many people gave one answer to one question of a consultation's survey.",
)


def _count_items(question, result):
    if result is not None:
        rows = result.rows
    else:
        codes = [ANSWERED] if question.kind == Kind.TEXT else question.option_ids()
        labels = {**dict(question.options), ANSWERED: _("gave an answer"), NO_ANSWER: _("no answer")}
        rows = [(code, labels[code], None) for code in [*codes, NO_ANSWER]]
    return [
        SimpleNamespace(
            question=question.id,
            position=question.position,
            kind=question.kind,
            question_text=question.text,
            option=code,
            label=str(label),
            count=count,
        )
        for code, label, count in rows
    ]


SURVEY_QUESTION = Record(
    "SurveyQuestion",
    [
        Field("id", {**STRING, "description": "The same in every language."}, "question.id"),
        Field("position", {**INTEGER, "minimum": 1}, "question.position"),
        Field("kind", enum(Kind.ALL), "question.kind"),
        Field("text", STRING, "question.text"),
        Field("hint", STRING, "question.hint"),
        Field("required", BOOLEAN, "question.required"),
        Field(
            "min_choices",
            nullable(INTEGER),
            lambda q, c: q.question.min_choices if q.question.kind == Kind.MULTIPLE else None,
        ),
        Field("max_choices", nullable(INTEGER), "question.max_choices"),
        Field(
            "scale",
            nullable(obj({"minimum": INTEGER, "maximum": INTEGER, "minimum_label": STRING, "maximum_label": STRING})),
            lambda q, c: (
                {
                    "minimum": q.question.minimum,
                    "maximum": q.question.maximum,
                    "minimum_label": q.question.minimum_label,
                    "maximum_label": q.question.maximum_label,
                }
                if q.question.kind == Kind.SCALE
                else None
            ),
        ),
        Field("answered", nullable(CHANNELS), lambda q, c: _public(q.result.answered if q.result else None)),
        Field(
            "counts",
            array(SURVEY_COUNT.schema(), "One count per option (or scale value), and one of those who did not answer."),
            lambda q, c: SURVEY_COUNT.rows(c.request, q.counts, consultation=c.consultation),
            csv=False,
        ),
    ],
)

SURVEY = Record(
    "Survey",
    [
        Field("consultation", UUID, lambda page, c: str(page.translation_key)),
        Field("title", STRING),
        Field("language", {**STRING, "description": "The language of the questions."}, "content_language"),
        Field("status", enum(Status.values), lambda page, c: page.status_at(c.now)),
        Field(
            "results_published",
            {**BOOLEAN, "description": "Counts are given once the consultation has closed."},
            lambda page, c: c.results is not None,
        ),
        Field("respondents", nullable(CHANNELS), lambda page, c: _public(c.results.respondents if c.results else None)),
        Field(
            "text_answers",
            {**STRING, "enum": ["counted_only"], "description": "Answers to short-text questions are not published."},
            lambda page, c: "counted_only",
        ),
        Field(
            "questions",
            array(SURVEY_QUESTION.schema()),
            lambda page, c: SURVEY_QUESTION.rows(c.request, c.questions, consultation=page),
            csv=False,
        ),
    ],
    description="A consultation's survey: its questions, and how many people gave each answer once it has closed.",
)

RECORDS = [SURVEY_COUNT, SURVEY_QUESTION, SURVEY]


def _survey(request, key):
    """The consultation's page in ``?lang=``, its questions with their results (or None), and when."""
    page = consultation_or_404(request, key)
    if not page.survey:
        raise Http404
    now = timezone.now()
    with translation.override(_language(request.GET)):
        results = survey_results(consultation=page, now=now, charts=False) if results_public(page, now) else None
        found = {result.question.id: result for result in results.questions} if results else {}
        questions = [
            SimpleNamespace(question=question, result=found.get(question.id)) for question in questions_of(page)
        ]
        for item in questions:
            item.counts = _count_items(item.question, item.result)
    return page, questions, results, now


@api_view("No such survey.")
def survey(request, key):
    page, questions, results, now = _survey(request, key)
    return JsonResponse(SURVEY.row(request, page, now=now, results=results, questions=questions))


@api_view("No such survey.")
def survey_download(request, key, file_format):
    page, questions, _results, _now = _survey(request, key)
    rows = SURVEY_COUNT.rows(request, [count for item in questions for count in item.counts], consultation=page)
    columns = SURVEY_COUNT.columns()
    return tabular.download(
        name="survey",
        file_format=file_format,
        headers=[header for header, _get in columns],
        rows=([get(row) for _header, get in columns] for row in rows),
        payload=rows,
        title="survey",
    )
