"""Read-only JSON of the council's public record: /api/v1/council/…

A named poll lists each member's vote once it is closed.  A secret poll gives
totals only: no ``ballots`` key and no member anywhere — there is nothing in
the database to take them from."""

from django.db.models import Count, Prefetch, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from cms.jsonapi import json_get, paginated_response

from .models import AgendaItem, Attendance, Ballot, Meeting, Motion, Poll, Resolution
from .selectors import members_of


def _url(request, obj):
    return request.build_absolute_uri(obj.get_absolute_url())


def _iso(value):
    return value.isoformat() if value else None


def _meeting_summary(request, meeting):
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
    }


@json_get("No such page of meetings.")
def meeting_list(request):
    meetings = Meeting.objects.select_related("term").order_by("-starts_at", "-pk")
    status = request.GET.get("status")
    if status in Meeting.Status.values:
        meetings = meetings.filter(status=status)
    return paginated_response(request, meetings, lambda meeting: _meeting_summary(request, meeting))


def _poll_summary(poll):
    data = {
        "id": poll.pk,
        "question": poll.question,
        "state": poll.state,
        "kind": poll.kind,
        "method": poll.method,
        "majority": poll.majority,
        "motion": poll.motion_id,
    }
    if poll.is_closed:
        data["outcome"] = poll.outcome
    return data


@json_get("No such meeting.")
def meeting_detail(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("term"), pk=pk)
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("sort_order", "pk")
        .select_related("motion")
        .prefetch_related(Prefetch("polls", queryset=Poll.objects.exclude(state=Poll.State.DRAFT).order_by("pk")))
    )
    counts = Attendance.objects.filter(meeting=meeting).aggregate(
        present=Count("pk", filter=Q(state=Attendance.State.PRESENT))
    )
    data = _meeting_summary(request, meeting)
    data["attendance"] = {"members": members_of(meeting.term, meeting.day).count(), "present": counts["present"]}
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
    data["polls"] = [_poll_summary(poll) for item in items for poll in item.polls.all()]
    data["resolutions"] = list(meeting.resolutions.order_by("number").values_list("pk", flat=True))
    return JsonResponse(data)


@json_get("No such poll.")
def poll_detail(request, pk):
    poll = get_object_or_404(
        Poll.objects.exclude(state=Poll.State.DRAFT).select_related("agenda_item__meeting", "winner"), pk=pk
    )
    options = list(poll.options.order_by("position"))
    data = _poll_summary(poll)
    data.update(
        meeting=poll.agenda_item.meeting_id,
        agenda_item=poll.agenda_item_id,
        quorum=poll.quorum,
        opened_at=_iso(poll.opened_at),
        closed_at=_iso(poll.closed_at),
        options=[{"id": option.pk, "kind": option.kind, "label": str(option.label)} for option in options],
    )
    if not poll.is_closed:
        data["cast"] = poll.ballots.count()
        if not poll.is_secret:
            data["counts"] = {str(option.pk): option.votes for option in options}
        return JsonResponse(data)
    data["result"] = {
        "entitled": poll.entitled,
        "present": poll.present,
        "cast": poll.cast,
        "quorum_required": poll.quorum_required,
        "quorum_reached": poll.quorum_reached,
        "counts": {str(option.pk): option.votes for option in options},
        "outcome": poll.outcome,
        "winner": poll.winner_id,
    }
    if not poll.is_secret:
        ballots = (
            Ballot.objects.filter(poll=poll)
            .select_related("member__user", "option")
            .order_by("member__user__display_name", "pk")
        )
        data["ballots"] = [
            {"member": {"id": ballot.member_id, "name": ballot.member.name}, "choice": ballot.option_id}
            for ballot in ballots
        ]
    return JsonResponse(data)


def _motion(request, motion):
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


@json_get("No such page of motions.")
def motion_list(request):
    motions = (
        Motion.objects.exclude(state=Motion.State.DRAFT)
        .select_related("term", "submitter")
        .annotate(sponsor_count=Count("sponsors"))
        .order_by("-term__number", "-number")
    )
    state = request.GET.get("state")
    if state in Motion.State.values:
        motions = motions.filter(state=state)
    return paginated_response(request, motions, lambda motion: _motion(request, motion))


@json_get("No such page of resolutions.")
def resolution_list(request):
    resolutions = Resolution.objects.select_related("term").order_by("-adopted_on", "-number")

    def serialize(resolution):
        return {
            "id": resolution.pk,
            "term": resolution.term.number,
            "number": resolution.number,
            "label": str(resolution.label),
            "title": resolution.title,
            "text": resolution.text,
            "language": resolution.language,
            "adopted_on": _iso(resolution.adopted_on),
            "motion": resolution.motion_id,
            "meeting": resolution.meeting_id,
            "poll": resolution.poll_id,
            "url": _url(request, resolution),
        }

    return paginated_response(request, resolutions, serialize)
