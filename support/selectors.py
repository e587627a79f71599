"""Every read of the information centre, each with a fixed number of queries."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Min
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from accounts.services import DataSection
from core.areas import Area
from core.language import language_in_readers_words

from .models import FrequentQuestion, Question, Report, Service, normalise_code

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
RUN_LENGTH = 3  # three or more days in a row are written as a range: "Monday – Friday"


def _days_label(days):
    days = sorted(set(days))
    runs, run = [], []
    for day in days:
        if run and day != run[-1] + 1:
            runs.append(run)
            run = []
        run.append(day)
    if run:
        runs.append(run)
    parts = []
    for run in runs:
        if len(run) >= RUN_LENGTH:
            parts.append(f"{WEEKDAYS[run[0]]} – {WEEKDAYS[run[-1]]}")
        else:
            parts.extend(str(WEEKDAYS[day]) for day in run)
    return ", ".join(parts)


def hours_lines(service):
    """The opening hours in the reader's language: [("Monday – Friday", "8:00–16:00")], by first day."""
    lines = []
    for days, opens, closes in sorted(service.opening_hours(), key=lambda row: min(row[0], default=7)):
        if days:
            lines.append((_days_label(days), f"{opens:%H:%M}–{closes:%H:%M}"))
    return lines


@dataclass
class Entry:
    """A service as a reader sees it: in their language, or its original where untranslated."""

    service: Service
    language: str  # the language its text is written in
    hours: list
    spoken: list  # [(code, name)]


def _choose(rows, reader):
    """One row per translation key: the reader's, else the Polish original, else any."""
    by_key = {}
    for row in rows:
        by_key.setdefault(row.translation_key, {})[row.locale.language_code] = row
    chosen = []
    for versions in by_key.values():
        row = versions.get(reader) or versions.get(SOURCE_LANGUAGE) or next(iter(versions.values()))
        chosen.append(row)
    return chosen


def directory(*, language, area="", spoken=""):
    """The directory in ``language``, filtered by thematic area and by a language
    spoken there; one query."""
    services = Service.objects.select_related("locale")
    if area in Area.values:
        services = services.filter(area=area)
    entries = []
    for service in _choose(services, language):
        codes = service.language_codes
        if spoken and spoken not in codes:
            continue
        entries.append(
            Entry(
                service=service,
                language=service.locale.language_code,
                hours=hours_lines(service),
                spoken=[(code, language_in_readers_words(code)) for code in codes],
            )
        )
    entries.sort(key=lambda entry: (not entry.service.is_help_point, entry.service.name.casefold()))
    return entries


def spoken_languages():
    """Every language spoken at some service, for the filter: [(code, name)] by name."""
    codes = {code for value in Service.objects.values_list("languages", flat=True) for code in value.split()}
    return sorted(((code, language_in_readers_words(code)) for code in codes), key=lambda pair: pair[1].casefold())


def faqs(*, language, area=""):
    """The frequently asked questions written or translated in ``language``."""
    found = FrequentQuestion.objects.filter(locale__language_code=language)
    if area in Area.values:
        found = found.filter(area=area)
    return list(found)


def question_queue(*, language=""):
    """Open questions, oldest first, optionally in one language, and how many wait in each language."""
    open_questions = Question.objects.filter(status=Question.Status.OPEN)
    counts = {
        row["language"]: row
        for row in open_questions.values("language").annotate(waiting=Count("pk"), oldest=Min("created_at"))
    }
    listed = open_questions.select_related("user")
    if language:
        listed = listed.filter(language=language)
    return {"questions": list(listed.order_by("created_at", "pk")), "counts": counts}


def question(pk):
    """The question ``pk`` with who asked, who answered and its published answer, or None."""
    return Question.objects.select_related("user", "answered_by", "faq").filter(pk=pk).first()


def report_by_code(code):
    """The report with this reference code and the answers shown to its author, or None."""
    code = normalise_code(code)
    if not code:
        return None
    report = Report.objects.filter(code=code).first()
    if report is None:
        return None
    report.answers = [entry for entry in report.entries.all() if entry.kind == entry.Kind.ANSWER and entry.text]
    return report


def report_counts(*, area=None):
    """Counts of the reports whose authors agreed to be counted, by kind, by area
    and by the quarter they were received: raw numbers, which the statistics
    pass through the small-count rule before showing.  One grouped query."""
    counted = Report.objects.filter(counted=True)
    if area:
        counted = counted.filter(area=area)
    groups = (
        counted.annotate(year=ExtractYear("created_at"), quarter=ExtractQuarter("created_at"))
        .values_list("kind", "area", "year", "quarter")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_kind, by_area, by_quarter = {}, {}, {}
    for kind, code, year, quarter, count in groups:
        by_kind[kind] = by_kind.get(kind, 0) + count
        if code:
            by_area[code] = by_area.get(code, 0) + count
        by_quarter[f"{year}-Q{quarter}"] = by_quarter.get(f"{year}-Q{quarter}", 0) + count
    return {
        "kind": [(kind, label, by_kind.get(kind, 0)) for kind, label in Report.Kind.choices],
        "area": [(code, label, by_area.get(code, 0)) for code, label in Area.choices],
        "quarter": sorted(by_quarter.items()),
    }


def personal_data(*, user):
    """What the information centre holds about ``user`` (``accounts.signals.collecting``):
    the questions they asked and the answers they got.  Reports of discrimination
    are tied to no account (only to their reference code), so there are none to give."""
    rows = [
        {
            "question": question.text,
            "language": question.language,
            "asked_at": question.created_at,
            "status": question.status,
            "answer": question.answer,
            "answered_at": question.answered_at,
            "may_be_published_anonymised": question.may_publish,
        }
        for question in Question.objects.filter(user=user).order_by("created_at", "pk")
    ]
    return [DataSection("help_questions", _("Your questions to the information centre"), rows)]
