"""Read-only JSON and downloads of the council's public record: /api/v1/council/…

A named poll lists each member's vote once it is closed (``/votes/``).  A
secret poll gives totals only: no member appears anywhere near it — there is
nothing in the database to take them from.  Each kind of item is declared once
(:class:`core.jsonapi.Record`: its fields with their schemas) and each listing
once (:class:`core.jsonapi.Listing`), which serve pages of JSON, CSV and JSON
downloads and their part of the OpenAPI document."""

from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation

from core import opinions
from core.areas import Area
from core.jsonapi import (
    BOOLEAN,
    DATE,
    DATETIME,
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
    date_range,
    enum,
    language_filter,
    nullable,
    obj,
)
from core.language import LANGUAGE_CODES, current_language

from .follow_up import CityStatus
from .models import AgendaItem, Attendance, Ballot, Meeting, Minutes, Motion, Poll, Resolution
from .selectors import city_updates_prefetch
from .translations import original_of, shown, translations_prefetch

AREA = enum(Area.values)


def _url(item, context):
    return context.absolute(item.get_absolute_url())


def _api(path):
    return lambda item, context: context.absolute(f"/api/v1/council/{path.format(item=item)}")


TERM = Filter(
    "term", "Only items of this council term (its number).", lambda qs, n: qs.filter(term__number=n), kind="integer"
)

# --- records in the language asked for ---------------------------------------------

LANG = Filter(
    "lang",
    "The language to give each record's title and text in: its translation into it when there is one, "
    "else the original. Without it, the original.",
    None,
    choices=LANGUAGE_CODES,
)
TRANSLATED_BY = nullable(
    obj(
        {"name": STRING, "date": DATE},
        "Who translated the text given and when (their public name); null when it is the original.",
    )
)


def asked_language(request):
    """The ``lang`` asked for, or None (then each record is given as written)."""
    raw = request.GET.get("lang")
    return LANG.parse(raw) if raw not in (None, "") else None


def _with_translations(request, records):
    """``{"lang": …}`` for a batch's fields, the batch's translations into it
    fetched in one query, whatever their number."""
    code = asked_language(request)
    if code is not None and records:
        prefetch_related_objects(list(records), translations_prefetch(code=code))
    return {"lang": code}


def _shown(record, context):
    return shown(record, context.lang) if context.lang else original_of(record)


def record_fields(*, title=True):
    """The fields every translatable record gives: its title and text in the
    language asked for, that language, the original's, and who translated it."""
    fields = [Field("title", STRING, lambda record, context: _shown(record, context).title)] if title else []
    return [
        *fields,
        Field(
            "text",
            {"type": "string", "description": "In the language given by `language`."},
            lambda record, context: _shown(record, context).text,
        ),
        Field(
            "language",
            {**LANGUAGE, "description": "The language of `title` and `text` as given."},
            lambda record, context: _shown(record, context).language,
        ),
        Field(
            "original_language",
            {**LANGUAGE, "description": "The language the record was written in."},
            lambda record, context: record.language,
        ),
        Field("translated_by", TRANSLATED_BY, lambda record, context: _shown(record, context).translated_by),
    ]


# --- the consultation a motion gives the council's opinion on ------------------------

OPINION_ON = nullable(
    obj(
        {
            "key": {**UUID, "description": "The consultation's `translation_key`, as the consultations API has it."},
            "title": STRING,
            "url": URI,
            "language": {**LANGUAGE, "description": "The language `title` and the page's text are written in."},
        },
        "The city consultation this gives the council's opinion on: its title and page in `lang` (without it, in "
        "the language of `url`) where it has one, else in another language; null when it names none, or one no "
        "longer published and public.",
    )
)


def _with_subjects(request, motions):
    """``{"subjects": {key: Subject}}``: the consultations a batch of motions
    names, in the language asked for (else the request's, as ``url``), in one
    lookup whatever the batch's size, and none when no motion names one."""
    language = asked_language(request) or current_language()
    return {"subjects": opinions.subjects_of((motion.consultation_key for motion in motions), language)}


def _opinion_on(motion, context):
    subject = context.subjects.get(str(motion.consultation_key)) if motion.consultation_key else None
    if subject is None:
        return None
    return {
        "key": subject.key,
        "title": subject.title,
        "url": context.absolute(subject.url),
        "language": subject.language,
    }


# --- meetings -----------------------------------------------------------------

MEETING = Record(
    "Meeting",
    [
        Field("id", INTEGER, "pk"),
        Field("term", INTEGER, "term.number"),
        Field("number", INTEGER),
        Field("status", enum(Meeting.Status.values)),
        Field("starts_at", DATETIME),
        Field("place", STRING),
        Field("online_url", nullable(URI), lambda meeting, context: meeting.online_url or None),
        Field("language", LANGUAGE),
        Field("url", URI, _url),
        Field("api_url", URI, _api("meetings/{item.pk}/")),
        Field(
            "attendance",
            obj({"members": INTEGER, "present": INTEGER}),
            lambda meeting, context: {"members": meeting.members_entitled, "present": meeting.present_count},
        ),
    ],
)


def _meeting_items(request, params):
    return (
        Meeting.objects.with_members_entitled()
        .select_related("term")
        .annotate(
            present_count=Count("attendance", filter=Q(attendance__state=Attendance.State.PRESENT), distinct=True),
        )
        .order_by("-starts_at", "-pk")
    )


meetings = Listing(
    name="meetings",
    summary="Council meetings, with attendance",
    items=_meeting_items,
    record=MEETING,
    filters=[
        Filter(
            "status", "Only meetings in this state.", lambda qs, s: qs.filter(status=s), choices=Meeting.Status.values
        ),
        TERM,
        *date_range("starts_at", "meetings held"),
    ],
)


@api_view("No such meeting.")
def meeting_list(request):
    return meetings.page(request)


# --- polls --------------------------------------------------------------------


def _public_polls():
    return (
        Poll.objects.exclude(state=Poll.State.DRAFT)
        .select_related("agenda_item__meeting__term")
        .prefetch_related("options")
        .annotate(ballot_count=Count("ballots"))
    )


def _question(poll, context):
    """``(text, language)``: the question in ``lang``, else as written."""
    if context.lang:
        return poll.question_in(context.lang)
    return poll.question, poll.agenda_item.meeting.language


def _options(poll):
    return sorted(poll.options.all(), key=lambda option: option.position)


def _csv_counts(row):
    """``Yes: 5, No: 2, Abstain: 1``: the counts with their options' labels."""
    labels = {str(option["id"]): option["label"] for option in row["options"]}
    counts = row["counts"] or {}
    return ", ".join(f"{labels[key]}: {counts[key]}" for key in labels if key in counts)


POLL = Record(
    "Poll",
    [
        Field("id", INTEGER, "pk"),
        Field("meeting", INTEGER, "agenda_item.meeting_id"),
        Field("agenda_item", INTEGER, "agenda_item_id"),
        Field("motion", nullable(INTEGER), "motion_id"),
        Field("question", {**STRING, "description": "As written, in the meeting's language."}),
        Field(
            "question_shown",
            {**STRING, "description": "The question in `lang` when it was translated, else as written."},
            lambda poll, context: _question(poll, context)[0],
        ),
        Field(
            "question_language",
            {**LANGUAGE, "description": "The language of `question_shown`."},
            lambda poll, context: _question(poll, context)[1],
        ),
        Field("state", enum(["open", "closed"])),
        Field("kind", enum(Poll.Kind.values)),
        Field("method", enum(Poll.Method.values)),
        Field("majority", enum(Poll.Majority.values)),
        Field("quorum", nullable(INTEGER)),
        Field("base", {**enum(Poll.Base.values), "description": "What a qualified majority is counted of."}),
        Field("quorum_rule", enum(Poll.QuorumRule.values)),
        Field("seats", {**INTEGER, "description": "Seats an election fills (1 for any other vote)."}),
        Field("votes_per_ballot", INTEGER),
        Field("round", INTEGER),
        Field("previous_round", nullable(INTEGER), "previous_round_id"),
        Field("opened_at", nullable(DATETIME)),
        Field("closed_at", nullable(DATETIME)),
        Field(
            "options",
            array(obj({"id": INTEGER, "kind": STRING, "label": STRING})),
            lambda poll, context: [
                {"id": option.pk, "kind": option.kind, "label": str(option.label)} for option in _options(poll)
            ],
            csv=lambda row: ", ".join(option["label"] for option in row["options"]),
        ),
        Field("api_url", URI, _api("polls/{item.pk}/")),
        Field(
            "cast",
            {**INTEGER, "description": "Ballots cast so far (or in the end)."},
            lambda poll, context: poll.cast if poll.is_closed else poll.ballot_count,
        ),
        Field(
            "counts",
            nullable(
                {
                    "type": "object",
                    "additionalProperties": INTEGER,
                    "description": (
                        "Votes per option id; null while a secret poll is open, and for a void one"
                        " (its ballot box was lost in a server failure)."
                    ),
                }
            ),
            lambda poll, context: poll.public_counts(_options(poll)),
            csv=_csv_counts,
        ),
        Field(
            "electronic",
            nullable({**INTEGER, "description": "Ballots cast on members' devices; null until the poll closes."}),
            lambda poll, context: poll.electronic,
        ),
        Field(
            "paper",
            {**INTEGER, "description": "Valid ballots counted in the room (paper ballots or a show of hands)."},
            "paper_ballots",
        ),
        Field(
            "invalid",
            {**INTEGER, "description": "Invalid paper ballots: recorded, counted for nothing."},
            "invalid_ballots",
        ),
        Field(
            "paper_counts",
            nullable(
                {
                    "type": "object",
                    "additionalProperties": INTEGER,
                    "description": (
                        "Of the counts, the votes per option id counted in the room; null when none were entered"
                        " and while a secret poll is open."
                    ),
                }
            ),
            lambda poll, context: poll.paper_counts(_options(poll)),
            csv=lambda row: _csv_counts({"options": row["options"], "counts": row["paper_counts"]}),
        ),
        Field(
            "elected",
            array(INTEGER, "Option ids of the candidates elected (in an election), when closed."),
            lambda poll, context: poll.elected_ids(_options(poll)),
            csv=lambda row: ", ".join(str(key) for key in row["elected"]),
        ),
        Field(
            "result",
            nullable(
                obj(
                    {
                        "entitled": nullable(INTEGER),
                        "present": nullable(INTEGER),
                        "cast": nullable(INTEGER),
                        "quorum_required": nullable(INTEGER),
                        "quorum_reached": nullable(BOOLEAN),
                        "outcome": STRING,
                        "winner": nullable(INTEGER),
                        "base": STRING,
                        "base_count": nullable(INTEGER),
                        "votes_needed": nullable(INTEGER),
                        "electronic": nullable(INTEGER),
                        "paper": INTEGER,
                        "invalid": INTEGER,
                        "tie": BOOLEAN,
                        "rule": STRING,
                    },
                    "Frozen when the poll closed.",
                )
            ),
            lambda poll, context: poll.frozen_result(),
        ),
    ],
    prepare=lambda request, polls: {"lang": asked_language(request)},
)


polls = Listing(
    name="polls",
    summary="Council polls (votes) that have been opened",
    items=lambda request, params: _public_polls().order_by("-opened_at", "-pk"),
    record=POLL,
    filters=[
        Filter("state", "Only polls in this state.", lambda qs, s: qs.filter(state=s), choices=("open", "closed")),
        Filter("kind", "Only named or only secret polls.", lambda qs, k: qs.filter(kind=k), choices=Poll.Kind.values),
        LANG,
        Filter(
            "meeting",
            "Only polls of this meeting (its id).",
            lambda qs, pk: qs.filter(agenda_item__meeting=pk),
            kind="integer",
        ),
        *date_range("opened_at", "polls opened"),
    ],
)


@api_view("No such poll.")
def poll_list(request):
    return polls.page(request)


# --- each member's vote in named polls ----------------------------------------

VOTE = Record(
    "Vote",
    [
        Field("poll", INTEGER, "poll_id"),
        Field("meeting", INTEGER, "poll.agenda_item.meeting_id"),
        Field(
            "member",
            obj({"id": INTEGER, "name": STRING}),
            lambda ballot, context: {"id": ballot.member_id, "name": ballot.member.name},
        ),
        Field("choice", INTEGER, "option_id"),
        Field("choice_label", STRING, lambda ballot, context: str(ballot.option.label)),
    ],
    description="One member's vote in a closed named poll. Secret polls never have any.",
)


def _votes():
    """Ballots of closed named polls: public by design.  Secret polls' ballots
    hold no choice, and are excluded all the same."""
    return (
        Ballot.objects.filter(poll__kind=Poll.Kind.NAMED, poll__state=Poll.State.CLOSED)
        .select_related("member__user", "option", "poll__agenda_item")
        .order_by("-poll__closed_at", "poll_id", "member__user__display_name", "pk")
    )


votes = Listing(
    name="votes",
    summary="Each member's vote in closed named polls",
    items=lambda request, params: _votes(),
    record=VOTE,
    filters=[
        Filter("poll", "Only the votes of this poll (its id).", lambda qs, pk: qs.filter(poll=pk), kind="integer"),
        Filter(
            "meeting",
            "Only the votes of this meeting (its id).",
            lambda qs, pk: qs.filter(poll__agenda_item__meeting=pk),
            kind="integer",
        ),
        Filter(
            "member",
            "Only the votes of this member (their membership id).",
            lambda qs, pk: qs.filter(member=pk),
            kind="integer",
        ),
        *date_range("poll__closed_at", "votes of polls closed"),
    ],
)


@api_view("No such vote.")
def vote_list(request):
    return votes.page(request)


# --- one meeting, one poll ----------------------------------------------------

AGENDA_ITEM = obj(
    {
        "id": INTEGER,
        "position": INTEGER,
        "title": {
            **STRING,
            "description": "In the language asked for (Accept-Language) when translated, else as written.",
        },
        "language": {**LANGUAGE, "description": "The language `title` is in."},
        "description": STRING,
        "motion": nullable(INTEGER),
        "current": BOOLEAN,
        "polls": array(INTEGER),
    }
)


def _agenda(request, meetings):
    """The agenda of one meeting, with its public polls."""
    (meeting,) = meetings
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("sort_order", "pk")
        .select_related("motion__term")
        .prefetch_related(
            Prefetch("polls", queryset=_public_polls().order_by("pk")), translations_prefetch("motion__translations")
        )
    )
    for item in items:
        item.meeting = meeting  # an untranslated title is in the meeting's language, without a query
    minutes = Minutes.objects.filter(meeting=meeting, state=Minutes.State.PUBLISHED).first()
    if minutes is not None:
        minutes.meeting = meeting
    context = _with_translations(request, [minutes] if minutes else [])
    return {"agenda": items, "minutes": minutes, **context}


def _pdf_path(name, pk, context):
    code = context.lang or current_language()
    with translation.override(code):
        return reverse(f"council:{name}", args=[pk])


def _minutes(meeting, context):
    minutes = context.minutes
    if minutes is None:
        return None
    text = _shown(minutes, context)
    with translation.override(context.lang or current_language()):
        url = reverse("council:minutes", args=[meeting.pk])
    return {
        "text": text.text,
        "language": text.language,
        "original_language": minutes.language,
        "translated_by": text.translated_by,
        "published_at": minutes.published_at.isoformat(),
        "url": context.absolute(url),
        "pdf_url": context.absolute(_pdf_path("minutes_pdf", meeting.pk, context)),
    }


def _agenda_polls(items):
    return [poll for item in items for poll in item.polls.all()]


MEETING_DETAIL = MEETING.extended(
    "MeetingDetail",
    [
        Field(
            "agenda",
            array(AGENDA_ITEM),
            lambda meeting, context: [
                {
                    "id": item.pk,
                    "position": position,
                    "title": item.title_text,
                    "language": item.title_language,
                    "description": item.description,
                    "motion": item.motion_id,
                    "current": item.pk == meeting.current_item_id,
                    "polls": [poll.pk for poll in item.polls.all()],
                }
                for position, item in enumerate(context.agenda, start=1)
            ],
            csv=False,
        ),
        Field(
            "polls",
            array({"$ref": "#/components/schemas/Poll"}),
            lambda meeting, context: POLL.rows(
                context.request, [p for item in context.agenda for p in item.polls.all()]
            ),
            csv=False,
        ),
        Field(
            "resolutions",
            array(INTEGER),
            lambda meeting, context: list(meeting.resolutions.order_by("number").values_list("pk", flat=True)),
        ),
        Field(
            "minutes",
            nullable(
                obj(
                    {
                        "text": {"type": "string", "description": "In the language given by `language`."},
                        "language": {**LANGUAGE, "description": "The language of `text` as given."},
                        "original_language": {**LANGUAGE, "description": "The meeting's language."},
                        "translated_by": TRANSLATED_BY,
                        "published_at": DATETIME,
                        "url": URI,
                        "pdf_url": URI,
                    },
                    "The published minutes in `lang` when translated, else as written; null until published.",
                )
            ),
            _minutes,
            csv=False,
        ),
    ],
    prepare=_agenda,
)


def _poll_ballots(poll, context):
    if not poll.is_closed or poll.is_secret:
        return []
    return VOTE.rows(context.request, list(_votes().filter(poll=poll)))


POLL_DETAIL = POLL.extended(
    "PollDetail",
    [
        Field(
            "ballots",
            array({"$ref": "#/components/schemas/Vote"}, "Each member's vote once a named poll closed; else empty."),
            _poll_ballots,
            csv=False,
        ),
    ],
)


@api_view("No such meeting.")
def meeting_detail(request, pk):
    return JsonResponse(MEETING_DETAIL.row(request, get_object_or_404(_meeting_items(request, {}), pk=pk)))


@api_view("No such poll.")
def poll_detail(request, pk):
    return JsonResponse(POLL_DETAIL.row(request, get_object_or_404(_public_polls(), pk=pk)))


# --- motions ------------------------------------------------------------------

MOTION = Record(
    "Motion",
    [
        Field("id", INTEGER, "pk"),
        Field("term", INTEGER, "term.number"),
        Field("number", nullable(INTEGER)),
        Field("label", STRING, lambda motion, context: str(motion.label)),
        *record_fields(),
        Field("rationale", {**STRING, "description": "As written, in `original_language`."}),
        Field("area", nullable(AREA), lambda motion, context: motion.area or None),
        Field("state", enum(s for s in Motion.State.values if s != Motion.State.DRAFT)),
        Field("submitter", STRING, "submitter.public_name"),
        Field("sponsors", INTEGER, "sponsor_count"),
        Field("created_at", DATETIME),
        Field("updated_at", nullable(DATETIME)),
        Field("url", URI, _url),
        Field("opinion_on", OPINION_ON, _opinion_on),
    ],
    prepare=lambda request, motions: {**_with_translations(request, motions), **_with_subjects(request, motions)},
)

motions = Listing(
    name="motions",
    summary="Motions submitted to the council",
    items=lambda request, params: (
        Motion.objects.exclude(state=Motion.State.DRAFT)
        .select_related("term", "submitter")
        .annotate(sponsor_count=Count("sponsors"))
        .order_by("-term__number", "-number", "-pk")
    ),
    record=MOTION,
    filters=[
        Filter(
            "state",
            "Only motions in this state.",
            lambda qs, s: qs.filter(state=s),
            choices=tuple(s for s in Motion.State.values if s != Motion.State.DRAFT),
        ),
        LANG,
        Filter(
            "area", "Only motions of this thematic area.", lambda qs, a: qs.filter(area=a), choices=tuple(Area.values)
        ),
        language_filter(),
        TERM,
        *date_range("created_at", "motions written"),
    ],
)


@api_view("No such motion.")
def motion_list(request):
    return motions.page(request)


# --- resolutions --------------------------------------------------------------

CITY_STATUS = enum(CityStatus.values)
CITY_RESPONSE = obj(
    {
        "status": CITY_STATUS,
        "unit": nullable(STRING),
        "updates": array(
            obj(
                {
                    "date": DATE,
                    "status": enum(s for s in CityStatus.values if s != CityStatus.AWAITING),
                    "text": TEXT,
                    "language": nullable(LANGUAGE),
                },
                "One dated step; its text in the language asked for, else the first one written.",
            )
        ),
    },
    "The city's answer to the resolution and what it has done since, oldest step first.",
)


def _city_response(resolution, context):
    updates = list(resolution.city_updates.all())  # prefetched in FollowUp's order
    latest = updates[-1] if updates else None
    return {
        "status": latest.status if latest else CityStatus.AWAITING.value,
        "unit": latest.unit if latest else None,
        "updates": [
            {"date": u.date.isoformat(), "status": u.status, "text": u.text[1], "language": u.text[0]} for u in updates
        ],
    }


def _update_cells(row):
    return "; ".join(f"{u['date']} {u['status']}" for u in row["city_response"]["updates"])


RESOLUTION = Record(
    "Resolution",
    [
        Field("id", INTEGER, "pk"),
        Field("term", INTEGER, "term.number"),
        Field("number", INTEGER),
        Field("label", STRING, lambda resolution, context: str(resolution.label)),
        *record_fields(),
        Field("area", nullable(AREA), lambda resolution, context: resolution.motion.area or None),
        Field("adopted_on", DATE),
        Field("motion", INTEGER, "motion_id"),
        Field("meeting", INTEGER, "meeting_id"),
        Field("poll", INTEGER, "poll_id"),
        Field("url", URI, _url),
        Field(
            "pdf_url",
            {
                **URI,
                "description": "The resolution as a PDF file, with the vote: in `lang` (without it, in the "
                "request's language) where translated, else as written.",
            },
            lambda resolution, context: context.absolute(_pdf_path("resolution_pdf", resolution.pk, context)),
        ),
        Field(
            "city_response",
            CITY_RESPONSE,
            _city_response,
            csv={
                "status": lambda row: row["city_response"]["status"],
                "unit": lambda row: row["city_response"]["unit"],
                "updates": _update_cells,
            },
        ),
        Field("opinion_on", OPINION_ON, lambda resolution, context: _opinion_on(resolution.motion, context)),
    ],
    prepare=lambda request, resolutions: {
        **_with_translations(request, resolutions),
        **_with_subjects(request, [resolution.motion for resolution in resolutions]),
    },
)

resolutions = Listing(
    name="resolutions",
    summary="Resolutions of the council",
    items=lambda request, params: (
        Resolution.objects.select_related("term", "motion")
        .prefetch_related(city_updates_prefetch())
        .order_by("-adopted_on", "-number")
    ),
    record=RESOLUTION,
    filters=[
        LANG,
        TERM,
        Filter(
            "area",
            "Only resolutions of this thematic area.",
            lambda qs, a: qs.filter(motion__area=a),
            choices=tuple(Area.values),
        ),
        language_filter(),
        *date_range("adopted_on", "resolutions adopted", datetimes=False),
    ],
)


@api_view("No such resolution.")
def resolution_list(request):
    return resolutions.page(request)


# --- downloads ----------------------------------------------------------------

LISTINGS = {
    "meetings": meetings,
    "polls": polls,
    "votes": votes,
    "motions": motions,
    "resolutions": resolutions,
}
RECORDS = [MEETING, MEETING_DETAIL, POLL, POLL_DETAIL, VOTE, MOTION, RESOLUTION]


@api_view("No such list.")
def download(request, listing, file_format):
    if listing not in LISTINGS:
        raise Http404
    return LISTINGS[listing].download(request, file_format)
