"""Reads of the site's own pages that other parts of the site link to, and
the site search over everything the public may see."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from consultations.models import Comment, ConsultationPage, Proposal
from core.areas import Area
from core.language import LANGUAGE_CODES, current_language, language_code
from council.models import AgendaItem, Meeting, Motion, Resolution
from council.translations import translations_prefetch
from events.models import Event
from plainlanguage.models import GlossaryTerm

from . import search as engine
from .models import TASK_STATUS_ORDER, ModelTask, Organisation, TaskNote, TaskStatus, ThematicAreaPage

SEARCH_RESULTS_PER_PAGE = 10
# How many results of each kind the overview shows before its "more" link.
SEARCH_RESULTS_PER_GROUP = 5


def area_page(*, area, language):
    """The page of thematic ``area`` in ``language``, or None where there is none."""
    return (
        ThematicAreaPage.objects.live()
        .public()
        .filter(area=area, locale__language_code=language)
        .order_by("path")
        .first()
    )


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


# --- the site search ------------------------------------------------------------------------


@dataclass
class Hit:
    title: str  # marked, safe HTML
    url: str
    excerpt: str  # marked, safe HTML
    language: str
    detail: str = ""  # what the title leaves out: a record's number, a proposal's consultation
    when: object = None  # the start of an event or a meeting


@dataclass
class Group:
    kind: str
    heading: str
    count: int
    hits: list


def _public_consultation_keys():
    return ConsultationPage.objects.live().public().values("translation_key")


def _within(model, query, fields, base):
    """``base`` narrowed to its rows that match; the matching runs in a subquery
    so that joins it needs never repeat a row."""
    return base.filter(pk__in=engine.matching(model.objects.all(), query, fields).values("pk"))


def _pages(query, consultations):
    pages = Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1)
    pages = pages.type(ConsultationPage) if consultations else pages.not_type(ConsultationPage)
    return _within(Page, query, engine.indexed_text_fields(), pages).select_related("alias_of").order_by("path")


def _page_hits(pages, query):
    pages = list(pages)
    body = engine.indexed_text_fields()[1]
    texts = dict(Page.objects.filter(pk__in=[page.pk for page in pages]).values_list("pk", body))
    return [
        Hit(
            title=engine.highlight(page.title, query),
            url=page.get_url(),
            excerpt=engine.snippet(texts.get(page.pk, ""), query),
            # A page not yet translated is an alias: its text is in the original's language.
            language=language_code(page.alias_of.locale_id if page.alias_of_id else page.locale_id),
        )
        for page in pages
    ]


def _consultation_pages(keys):
    """For each consultation (translation key): its page in the reader's
    language where it has one, else in any language it has.  One query."""
    active = Locale.get_active().pk
    chosen = {}
    pages = ConsultationPage.objects.live().public().filter(translation_key__in=set(keys))
    for page in pages.order_by("pk").only("pk", "title", "url_path", "locale_id", "translation_key"):
        if page.translation_key not in chosen or page.locale_id == active:
            chosen[page.translation_key] = page
    return chosen


def _on_consultation(item, pages, query, *, anchor, title, text):
    """A comment or proposal found, linked where it stands on its consultation's page."""
    page = pages.get(item.consultation_key)
    return Hit(
        title=engine.highlight(title or (page.title if page else ""), query),
        url=f"{page.get_url() if page else ''}#{anchor}-{item.pk}",
        excerpt=engine.snippet(text, query),
        language=item.language,
        detail=page.title if page and title else "",
    )


def _comments(query):
    comments = Comment.objects.filter(state=Comment.State.PUBLISHED, consultation_key__in=_public_consultation_keys())
    return _within(Comment, query, ["text"], comments).order_by("-created_at", "-pk")


def _comment_hits(comments, query):
    comments = list(comments)
    pages = _consultation_pages(comment.consultation_key for comment in comments)
    return [
        _on_consultation(comment, pages, query, anchor="comment", title="", text=comment.text) for comment in comments
    ]


def _proposals(query):
    proposals = Proposal.objects.filter(is_hidden=False, consultation_key__in=_public_consultation_keys())
    return _within(Proposal, query, ["title", "text"], proposals).order_by("-created_at", "-pk")


def _proposal_hits(proposals, query):
    proposals = list(proposals)
    pages = _consultation_pages(proposal.consultation_key for proposal in proposals)
    return [
        _on_consultation(proposal, pages, query, anchor="proposal", title=proposal.title, text=proposal.text)
        for proposal in proposals
    ]


# A council record is found by its original and by its translations into any of
# the site's languages (a resident may search in the language they read best),
# and shown in the reader's language where it has been translated.
RECORD_TRANSLATED_FIELDS = ["translations__title", "translations__text"]


def _motions(query):
    motions = (
        Motion.objects.exclude(state=Motion.State.DRAFT)
        .select_related("term")
        .prefetch_related(translations_prefetch())
    )
    fields = ["title", "text", "rationale", *RECORD_TRANSLATED_FIELDS]
    return _within(Motion, query, fields, motions).order_by("-created_at", "-pk")


def _record_hits(records, query):
    """Hits for council motions or resolutions: both have a title, a text, a language and a label."""
    hits = []
    for record in records:
        shown = record.shown
        hits.append(
            Hit(
                title=engine.highlight(shown.title, query),
                url=record.get_absolute_url(),
                excerpt=engine.snippet(shown.text, query),
                language=shown.language,
                detail=str(record.label),
            )
        )
    return hits


def _resolutions(query):
    resolutions = Resolution.objects.select_related("term").prefetch_related(translations_prefetch())
    fields = ["title", "text", *RECORD_TRANSLATED_FIELDS]
    return _within(Resolution, query, fields, resolutions).order_by("-adopted_on", "-number")


def _meetings(query):
    # An agenda item's title is found in each language it has been given in.
    titles = [f"agenda_items__title_{code}" for code in LANGUAGE_CODES]
    fields = ["place", "agenda_items__title", *titles, "agenda_items__description"]
    items = AgendaItem.objects.select_related("motion__term").prefetch_related(
        translations_prefetch("motion__translations")
    )
    return _within(Meeting, query, fields, Meeting.objects.all()).prefetch_related(Prefetch("agenda_items", items))


def _meeting_hits(meetings, query):
    hits = []
    for meeting in meetings:
        titles = []
        for item in meeting.agenda_items.all():
            item.meeting = meeting  # its title falls back to the meeting's language
            titles.append(item.title_shown)
        agenda = " · ".join(text for text, _language in titles)
        languages = {language for _text, language in titles}
        hits.append(
            Hit(
                title=engine.highlight(str(meeting), query),
                url=meeting.get_absolute_url(),
                excerpt=engine.snippet(f"{meeting.place} — {agenda}" if agenda else meeting.place, query),
                language=languages.pop() if len(languages) == 1 else meeting.language,
                when=meeting.starts_at,
            )
        )
    return hits


def _glossary(query):
    terms = GlossaryTerm.objects.filter(locale=Locale.get_active())
    return _within(GlossaryTerm, query, ["term", "forms", "explanation"], terms).order_by("term")


def _glossary_hits(terms, query):
    url = reverse("plainlanguage:glossary")
    return [
        Hit(
            title=engine.highlight(term.term, query),
            url=f"{url}#{term.anchor}",
            excerpt=engine.snippet(term.explanation, query),
            language=language_code(term.locale_id),
        )
        for term in terms
    ]


def _events(query):
    events = Event.objects.filter(is_cancelled=False).filter(
        Q(consultation_key__isnull=True) | Q(consultation_key__in=_public_consultation_keys())
    )
    return _within(Event, query, ["title", "description", "place"], events).order_by("-starts_at", "-pk")


def _event_hits(events, query):
    return [
        Hit(
            title=engine.highlight(event.title, query),
            url=event.get_absolute_url(),
            excerpt=engine.snippet(event.description or event.place, query),
            language=event.language,
            when=event.starts_at,
        )
        for event in events
    ]


# kind: (heading, the matching rows, what a reader sees of them)
SEARCH_KINDS = {
    "pages": (_("Pages"), lambda query: _pages(query, consultations=False), _page_hits),
    "consultations": (_("Consultations"), lambda query: _pages(query, consultations=True), _page_hits),
    "proposals": (_("Proposals"), _proposals, _proposal_hits),
    "comments": (_("Comments"), _comments, _comment_hits),
    "glossary": (_("Glossary"), _glossary, _glossary_hits),
    "events": (_("Events"), _events, _event_hits),
    "motions": (_("Council motions"), _motions, _record_hits),
    "resolutions": (_("Council resolutions"), _resolutions, _record_hits),
    "meetings": (_("Council meetings"), _meetings, _meeting_hits),
}


def search(*, query, kind=None, page_number=None):
    """What the public may see that matches ``query``, in the reader's language
    where content has languages: for each kind, its count and its first
    results; with ``kind``, a page of that kind's results only.  Two queries
    per kind (the count and the rows), and one more for pages' and comments' texts or links."""
    if kind in SEARCH_KINDS:
        heading, rows, hits = SEARCH_KINDS[kind]
        page = Paginator(rows(query), SEARCH_RESULTS_PER_PAGE).get_page(page_number)
        page.object_list = hits(page.object_list, query)
        return {"groups": [Group(kind, heading, page.paginator.count, page.object_list)], "page": page}
    groups = []
    for name, (heading, rows, hits) in SEARCH_KINDS.items():
        matched = rows(query)
        count = matched.count()
        if count:
            groups.append(Group(name, heading, count, hits(matched[:SEARCH_RESULTS_PER_GROUP], query)))
    return {"groups": groups, "page": None}
