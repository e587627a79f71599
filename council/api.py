"""Read-only JSON and downloads of the council's public record: /api/v1/council/…

A named poll lists each member's vote once it is closed (``/votes/``).  A
secret poll gives totals only: no member appears anywhere near it — there is
nothing in the database to take them from.  Each listing is declared once
(:class:`core.jsonapi.Listing`) and serves pages of JSON, CSV and JSON downloads
and its part of the OpenAPI document."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404

from core.areas import Area
from core.jsonapi import Filter, Listing, api_view, column, date_range, language_filter

from .models import AgendaItem, Attendance, Ballot, Meeting, Motion, Poll, Resolution


def _url(request, obj):
    return request.build_absolute_uri(obj.get_absolute_url())


def _api(request, path):
    return request.build_absolute_uri(f"/api/v1/council/{path}")


def _iso(value):
    return value.isoformat() if value else None


TERM = Filter(
    "term", "Only items of this council term (its number).", lambda qs, n: qs.filter(term__number=n), kind="integer"
)

# --- meetings -----------------------------------------------------------------


def _meeting_items(request, params):
    return (
        Meeting.objects.with_members_entitled()
        .select_related("term")
        .annotate(
            present_count=Count("attendance", filter=Q(attendance__state=Attendance.State.PRESENT), distinct=True),
        )
        .order_by("-starts_at", "-pk")
    )


def _meeting_row(request, meeting):
    return {
        "id": meeting.pk,
        "term": meeting.term.number,
        "number": meeting.number,
        "status": meeting.status,
        "starts_at": _iso(meeting.starts_at),
        "place": meeting.place,
        "online_url": meeting.online_url or None,
        "language": meeting.language,
        "url": _url(request, meeting),
        "api_url": _api(request, f"meetings/{meeting.pk}/"),
        "attendance": {"members": meeting.members_entitled, "present": meeting.present_count},
    }


meetings = Listing(
    name="meetings",
    items=_meeting_items,
    serialize=lambda request, items: [_meeting_row(request, meeting) for meeting in items],
    filters=[
        Filter(
            "status", "Only meetings in this state.", lambda qs, s: qs.filter(status=s), choices=Meeting.Status.values
        ),
        TERM,
        *date_range("starts_at", "meetings held"),
    ],
    columns=[
        column("id"),
        column("term"),
        column("number"),
        column("status"),
        column("starts_at"),
        column("place"),
        column("online_url"),
        column("language"),
        column("url"),
        column("attendance", "members"),
        column("attendance", "present"),
    ],
)


@api_view("No such meeting.")
def meeting_list(request):
    return meetings.page(request)


@api_view("No such meeting.")
def meeting_detail(request, pk):
    meeting = get_object_or_404(_meeting_items(request, {}), pk=pk)
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("sort_order", "pk")
        .select_related("motion")
        .prefetch_related(Prefetch("polls", queryset=_public_polls().order_by("pk")))
    )
    data = _meeting_row(request, meeting)
    data["agenda"] = [
        {
            "id": item.pk,
            "position": position,
            "title": item.title,
            "description": item.description,
            "motion": item.motion_id,
            "current": item.pk == meeting.current_item_id,
            "polls": [poll.pk for poll in item.polls.all()],
        }
        for position, item in enumerate(items, start=1)
    ]
    data["polls"] = _serialize_polls(request, [poll for item in items for poll in item.polls.all()])
    data["resolutions"] = list(meeting.resolutions.order_by("number").values_list("pk", flat=True))
    return JsonResponse(data)


# --- polls --------------------------------------------------------------------


def _public_polls():
    return (
        Poll.objects.exclude(state=Poll.State.DRAFT)
        .select_related("agenda_item__meeting__term")
        .prefetch_related("options")
        .annotate(ballot_count=Count("ballots"))
    )


def _serialize_polls(request, polls):
    rows = []
    for poll in polls:
        options = sorted(poll.options.all(), key=lambda option: option.position)
        data = {
            "id": poll.pk,
            "meeting": poll.agenda_item.meeting_id,
            "agenda_item": poll.agenda_item_id,
            "motion": poll.motion_id,
            "question": poll.question,
            "state": poll.state,
            "kind": poll.kind,
            "method": poll.method,
            "majority": poll.majority,
            "quorum": poll.quorum,
            "opened_at": _iso(poll.opened_at),
            "closed_at": _iso(poll.closed_at),
            "options": [{"id": option.pk, "kind": option.kind, "label": str(option.label)} for option in options],
            "api_url": _api(request, f"polls/{poll.pk}/"),
            "cast": poll.cast if poll.is_closed else poll.ballot_count,
            "counts": poll.public_counts(options),
            "result": poll.frozen_result(),
        }
        rows.append(data)
    return rows


def _poll_choice_counts(row):
    labels = {str(option["id"]): option["label"] for option in row["options"]}
    counts = row["counts"] or {}
    return [f"{labels[key]}: {counts[key]}" for key in labels if key in counts]


polls = Listing(
    name="polls",
    items=lambda request, params: _public_polls().order_by("-opened_at", "-pk"),
    serialize=_serialize_polls,
    filters=[
        Filter("state", "Only polls in this state.", lambda qs, s: qs.filter(state=s), choices=("open", "closed")),
        Filter("kind", "Only named or only secret polls.", lambda qs, k: qs.filter(kind=k), choices=Poll.Kind.values),
        Filter(
            "meeting",
            "Only polls of this meeting (its id).",
            lambda qs, pk: qs.filter(agenda_item__meeting=pk),
            kind="integer",
        ),
        *date_range("opened_at", "polls opened"),
    ],
    columns=[
        column("id"),
        column("meeting"),
        column("agenda_item"),
        column("motion"),
        column("question"),
        column("state"),
        column("kind"),
        column("method"),
        column("majority"),
        column("opened_at"),
        column("closed_at"),
        ("counts", _poll_choice_counts),
        column("result", "entitled"),
        column("result", "present"),
        column("result", "cast"),
        column("result", "quorum_required"),
        column("result", "quorum_reached"),
        column("result", "outcome"),
    ],
)


@api_view("No such poll.")
def poll_list(request):
    return polls.page(request)


@api_view("No such poll.")
def poll_detail(request, pk):
    poll = get_object_or_404(_public_polls(), pk=pk)
    data = _serialize_polls(request, [poll])[0]
    if poll.is_closed and not poll.is_secret:
        data["ballots"] = _serialize_votes(request, list(_votes().filter(poll=poll)))
    return JsonResponse(data)


# --- each member's vote in named polls ----------------------------------------


def _votes():
    """Ballots of closed named polls: public by design.  Secret polls' ballots
    hold no choice, and are excluded all the same."""
    return (
        Ballot.objects.filter(poll__kind=Poll.Kind.NAMED, poll__state=Poll.State.CLOSED)
        .select_related("member__user", "option", "poll__agenda_item")
        .order_by("-poll__closed_at", "poll_id", "member__user__display_name", "pk")
    )


def _serialize_votes(request, ballots):
    return [
        {
            "poll": ballot.poll_id,
            "meeting": ballot.poll.agenda_item.meeting_id,
            "member": {"id": ballot.member_id, "name": ballot.member.name},
            "choice": ballot.option_id,
            "choice_label": str(ballot.option.label),
        }
        for ballot in ballots
    ]


votes = Listing(
    name="votes",
    items=lambda request, params: _votes(),
    serialize=_serialize_votes,
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
    columns=[
        column("poll"),
        column("meeting"),
        column("member", "id"),
        column("member", "name"),
        column("choice"),
        column("choice_label"),
    ],
)


@api_view("No such vote.")
def vote_list(request):
    return votes.page(request)


# --- motions ------------------------------------------------------------------


def _motion_row(request, motion):
    return {
        "id": motion.pk,
        "term": motion.term.number,
        "number": motion.number,
        "label": str(motion.label),
        "title": motion.title,
        "text": motion.text,
        "rationale": motion.rationale,
        "area": motion.area or None,
        "language": motion.language,
        "state": motion.state,
        "submitter": motion.submitter.public_name,
        "sponsors": motion.sponsor_count,
        "created_at": _iso(motion.created_at),
        "updated_at": _iso(motion.updated_at),
        "url": _url(request, motion),
    }


motions = Listing(
    name="motions",
    items=lambda request, params: (
        Motion.objects.exclude(state=Motion.State.DRAFT)
        .select_related("term", "submitter")
        .annotate(sponsor_count=Count("sponsors"))
        .order_by("-term__number", "-number", "-pk")
    ),
    serialize=lambda request, items: [_motion_row(request, motion) for motion in items],
    filters=[
        Filter(
            "state",
            "Only motions in this state.",
            lambda qs, s: qs.filter(state=s),
            choices=tuple(s for s in Motion.State.values if s != Motion.State.DRAFT),
        ),
        Filter(
            "area", "Only motions of this thematic area.", lambda qs, a: qs.filter(area=a), choices=tuple(Area.values)
        ),
        language_filter(),
        TERM,
        *date_range("created_at", "motions written"),
    ],
    columns=[
        column(key)
        for key in (
            "id",
            "term",
            "number",
            "label",
            "title",
            "text",
            "rationale",
            "area",
            "language",
            "state",
            "submitter",
            "sponsors",
            "created_at",
            "updated_at",
            "url",
        )
    ],
)


@api_view("No such motion.")
def motion_list(request):
    return motions.page(request)


# --- resolutions --------------------------------------------------------------


def _resolution_row(request, resolution):
    return {
        "id": resolution.pk,
        "term": resolution.term.number,
        "number": resolution.number,
        "label": str(resolution.label),
        "title": resolution.title,
        "text": resolution.text,
        "language": resolution.language,
        "area": resolution.motion.area or None,
        "adopted_on": _iso(resolution.adopted_on),
        "motion": resolution.motion_id,
        "meeting": resolution.meeting_id,
        "poll": resolution.poll_id,
        "url": _url(request, resolution),
    }


resolutions = Listing(
    name="resolutions",
    items=lambda request, params: Resolution.objects.select_related("term", "motion").order_by(
        "-adopted_on", "-number"
    ),
    serialize=lambda request, items: [_resolution_row(request, resolution) for resolution in items],
    filters=[
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
    columns=[
        column(key)
        for key in (
            "id",
            "term",
            "number",
            "label",
            "title",
            "text",
            "language",
            "area",
            "adopted_on",
            "motion",
            "meeting",
            "poll",
            "url",
        )
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


@api_view("No such list.")
def download(request, listing, file_format):
    if listing not in LISTINGS:
        raise Http404
    return LISTINGS[listing].download(request, file_format)
