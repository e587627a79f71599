"""Reads of the council's record for pages, the API and the minutes.

Each function does a fixed number of queries, whatever the number of members,
items, polls or ballots (the tests hold them to it)."""

import datetime
import statistics

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Min, Prefetch, Q, Value, When
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import DataSection
from core import opinions
from core.language import current_language

from . import rules
from .follow_up import ANSWERS, CityResponseUpdate, FollowUp
from .models import (
    AgendaItem,
    Attendance,
    Ballot,
    CouncilPage,
    Meeting,
    Membership,
    Minutes,
    Motion,
    Poll,
    PollOption,
    Resolution,
    Role,
    SpeakerRequest,
    Term,
)
from .recruitment import Substitute
from .translations import RecordTranslation, translations_prefetch

ROLE_ORDER = Case(
    When(role=Role.CHAIR, then=Value(0)),
    When(role=Role.VICE_CHAIR, then=Value(1)),
    When(role=Role.SECRETARY, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def council_page():
    """The council's page in the active language, for links and breadcrumbs."""
    return CouncilPage.objects.live().public().filter(locale__language_code=current_language()).first()


def current_term(today=None):
    today = today or timezone.localdate()
    return Term.objects.covering(today).first() or Term.objects.order_by("-starts_on").first()


def members_of(term, day):
    if term is None:
        return Membership.objects.none()
    return (
        Membership.objects.current_on(day)
        .filter(term=term)
        .select_related("user", "photo", "term")
        .annotate(role_order=ROLE_ORDER)
        .order_by("role_order", "user__display_name", "pk")
    )


def term_numbered(number):
    """The term with ``number``, or None."""
    return Term.objects.filter(number=number).first() if number is not None else None


def terms():
    return Term.objects.all()


def member_list(term, *, today):
    """The members of ``term`` as they are today, or as they were on its last day."""
    day = today if term is None or term.starts_on <= today <= term.ends_on else term.ends_on
    return {"term": term, "members": members_of(term, day), "terms": terms()}


def member(pk):
    return Membership.objects.select_related("user", "term", "photo").filter(pk=pk).first()


def member_record(member):
    """A member's public record: their votes in closed named polls, their motions."""
    ballots = (
        Ballot.objects.filter(member=member, secret=False, poll__state=Poll.State.CLOSED)
        .select_related("poll__agenda_item__meeting", "option")
        .order_by("-poll__closed_at")[:50]
    )
    motions = public_motions(member.term).filter(submitter=member.user)
    return {"member": member, "ballots": ballots, "motions": motions}


def meetings():
    return Meeting.objects.select_related("term").order_by("-starts_at")


def meeting(pk):
    return (
        Meeting.objects.select_related("term", "current_item__motion__term", "current_item__meeting")
        .filter(pk=pk)
        .first()
    )


def seat_in(meeting, pk):
    """The seat ``pk`` of the meeting's term, or None."""
    return Membership.objects.filter(pk=pk, term_id=meeting.term_id).first() if pk is not None else None


def agenda_item(meeting, pk):
    item = AgendaItem.objects.select_related("motion").filter(pk=pk, meeting=meeting).first()
    if item is not None:
        item.meeting = meeting  # its title falls back to the meeting's language
    return item


def poll(pk):
    return Poll.objects.select_related("agenda_item__meeting__term").filter(pk=pk).first()


def minutes_of(meeting):
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None:
        minutes.meeting = meeting  # the minutes are in the meeting's language, without a query
    return minutes


def speaker_request(meeting, pk):
    return SpeakerRequest.objects.filter(pk=pk, meeting=meeting).first()


def speaker_state(meeting, user):
    """Where ``user`` stands on the meeting's speakers' list, or None."""
    if not user.is_authenticated:
        return None
    return meeting.speakers.filter(user=user, state__in=SpeakerRequest.ACTIVE).values_list("state", flat=True).first()


def attendance_state(meeting, seat):
    if seat is None:
        return None
    return meeting.attendance.filter(membership=seat).values_list("state", flat=True).first()


def has_voted(poll, seat):
    return seat is not None and Ballot.objects.filter(poll=poll, member=seat).exists()


def motion(pk):
    return Motion.objects.select_related("term", "submitter").filter(pk=pk).first()


def motion_record(motion):
    """What a motion's page shows: its sponsors, history, agenda items, resolution
    and the consultation it gives an opinion on."""
    return {
        "motion": motion,
        "sponsors": motion.sponsors.all(),
        "events": motion.events.select_related("actor"),
        "agenda_items": motion.agenda_items.select_related("meeting"),
        "resolution": Resolution.objects.filter(motion=motion).select_related("term").first(),
        "opinion_subject": opinion_subject(motion),
    }


def opinion_subject(motion):
    """The consultation ``motion`` gives (once adopted) the council's opinion on,
    as a ``core.opinions.Subject`` in the reader's language where translated;
    None when it names none, or one that is no longer published and public."""
    if motion.consultation_key is None:
        return None
    return opinions.subject_of(motion.consultation_key, current_language())


def meetings_open_in(term):
    """The meetings of ``term`` a motion can still be put on."""
    return Meeting.objects.filter(term=term).exclude(status=Meeting.Status.CLOSED)


def resolutions(term=None):
    found = (
        Resolution.objects.select_related("term", "meeting")
        .prefetch_related(translations_prefetch())
        .order_by("-adopted_on", "-number")
    )
    return found.filter(term=term) if term is not None else found


def resolution(pk):
    return Resolution.objects.select_related("term", "meeting", "motion__submitter", "poll").filter(pk=pk).first()


def council_overview(*, today):
    term = current_term(today)
    if term is None:
        return {"term": None, "members": [], "upcoming": [], "past": [], "resolutions": []}
    start_of_day = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    meetings = Meeting.objects.filter(term=term)
    return {
        "term": term,
        "members": list(members_of(term, today)),
        "upcoming": list(
            meetings.filter(
                Q(status=Meeting.Status.LIVE) | Q(status=Meeting.Status.SCHEDULED, starts_at__gte=start_of_day)
            ).order_by("starts_at")[:3]
        ),
        "past": list(meetings.filter(status=Meeting.Status.CLOSED).order_by("-starts_at")[:5]),
        "resolutions": list(
            Resolution.objects.filter(term=term)
            .select_related("term")
            .prefetch_related(translations_prefetch())
            .order_by("-number")[:5]
        ),
        "city_answers": city_answer_totals(term=term, today=today),
        "substitutes": list(
            Substitute.objects.filter(term=term, public=True, seat__isnull=True).select_related("user")
        ),
    }


def _polls(include_drafts):
    polls = (
        Poll.objects.order_by("created_at", "pk")
        .annotate(ballot_count=Count("ballots"))
        .prefetch_related(
            Prefetch("options", queryset=PollOption.objects.order_by("position")),
            Prefetch(
                "ballots",
                queryset=Ballot.objects.filter(secret=False, poll__state=Poll.State.CLOSED)
                .select_related("member__user", "option")
                .order_by("member__user__display_name", "pk"),
                to_attr="public_ballots",
            ),
        )
    )
    if not include_drafts:
        polls = polls.exclude(state=Poll.State.DRAFT)
    return polls.select_related("motion__term")


def meeting_record(meeting, *, include_drafts=False):
    """Everything a meeting page, the console or the minutes show."""
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("sort_order", "pk")
        .select_related("motion__term", "motion__resolution__term")
        .prefetch_related(
            "documents",
            Prefetch("polls", queryset=_polls(include_drafts)),
            translations_prefetch("motion__translations"),
        )
    )
    for item in items:
        item.meeting = meeting  # its title falls back to the meeting's language, without a query
    members = list(members_of(meeting.term, meeting.day))
    states = dict(Attendance.objects.filter(meeting=meeting).values_list("membership_id", "state"))
    for member in members:
        member.attendance_state = states.get(member.pk)
    present = [m for m in members if m.attendance_state == Attendance.State.PRESENT]
    required = rules.quorum_required(entitled=len(members))
    polls = [poll for item in items for poll in item.polls.all()]
    return {
        "meeting": meeting,
        "items": items,
        "members": members,
        "present": present,
        "absent": [m for m in members if m.attendance_state != Attendance.State.PRESENT],
        "checked_in": [m for m in members if m.attendance_state == Attendance.State.CHECKED_IN],
        "quorum_required": required,
        "quorum_reached": len(present) >= required,
        "polls": polls,
        "open_poll": next((poll for poll in polls if poll.is_open), None),
        "resolutions": list(
            meeting.resolutions.select_related("term").prefetch_related(translations_prefetch()).order_by("number")
        ),
    }


def open_poll(meeting):
    poll = (
        Poll.objects.filter(agenda_item__meeting=meeting, state=Poll.State.OPEN)
        .select_related("agenda_item", "motion__term")
        .prefetch_related(Prefetch("options", queryset=PollOption.objects.order_by("position")))
        .first()
    )
    if poll is not None:
        poll.agenda_item.meeting = meeting  # its question falls back to the meeting's language, without a query
    return poll


def public_motions(term=None, *, state=""):
    """The motions anyone may read (every one but drafts), newest first; of one
    ``state`` when it names a public one, else of all."""
    motions = (
        Motion.objects.exclude(state=Motion.State.DRAFT)
        .select_related("term", "submitter")
        .prefetch_related(translations_prefetch())
    )
    if term is not None:
        motions = motions.filter(term=term)
    if state in Motion.State.values and state != Motion.State.DRAFT:
        motions = motions.filter(state=state)
    return motions.annotate(sponsor_count=Count("sponsors")).order_by("-number", "-pk")


def drafts_of(term):
    """Drafts the members of ``term`` may see and co-sponsor."""
    return (
        Motion.objects.filter(term=term, state=Motion.State.DRAFT)
        .select_related("term", "submitter")
        .prefetch_related(translations_prefetch())
        .annotate(sponsor_count=Count("sponsors"))
        .order_by("-created_at")
    )


def home_summary(*, today):
    """The home page's council cards: the meeting in progress or the next one, the latest resolutions."""
    start_of_day = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    next_meeting = (
        Meeting.objects.filter(
            Q(status=Meeting.Status.LIVE) | Q(status=Meeting.Status.SCHEDULED, starts_at__gte=start_of_day)
        )
        .order_by("starts_at")
        .first()
    )
    latest = (
        Resolution.objects.select_related("term")
        .prefetch_related(translations_prefetch())
        .order_by("-adopted_on", "-number")[:3]
    )
    return {"next_meeting": next_meeting, "latest_resolutions": list(latest)}


# --- live state -------------------------------------------------------------------


def live_meeting(meeting_id):
    return (
        Meeting.objects.select_related("term", "current_item__motion__term", "current_item__meeting")
        .filter(pk=meeting_id)
        .first()
    )


def live_poll(meeting):
    """The poll being voted on, else the one closed last, with its options."""
    polls = (
        Poll.objects.filter(agenda_item__meeting=meeting)
        .annotate(ballot_count=Count("ballots"))  # in the same query: read after every ballot
        .select_related("agenda_item")
        .prefetch_related(Prefetch("options", queryset=PollOption.objects.order_by("position")))
    )
    poll = polls.filter(state=Poll.State.OPEN).first()
    if poll is None:
        poll = polls.filter(state=Poll.State.CLOSED).order_by("-closed_at", "-pk").first()
    if poll is not None:
        poll.agenda_item.meeting = meeting  # its question falls back to the meeting's language, without a query
        poll.public_ballots = []
        poll.prepared_next_round = (
            poll.next_rounds.prefetch_related(Prefetch("options", queryset=PollOption.objects.order_by("position")))
            .order_by("-pk")
            .first()
            if poll.is_closed and poll.is_election
            else None
        )
    return poll


def live_state(meeting, context=None):
    """The public state of a meeting as the websocket carries it (JSON).

    A secret poll shows only how many ballots were cast until it closes; a
    named poll's counts are public while it is open, its list of who voted
    what once it is closed (on the meeting page and in the JSON API)."""
    context = context or live_context(meeting)
    item = meeting.current_item
    poll = context["live_poll"]

    def one(request):
        return {"id": request.pk, "name": request.name, "member": request.is_member}

    def speaking(request):
        # The start and the limit, with the server's clock when the message was
        # made: clients count down locally from them and stay in step.
        return {
            **one(request),
            "started_at": request.started_at.isoformat() if request.started_at else None,
            "time_limit": request.time_limit,
            "server_time": context["server_time"].isoformat(),
        }

    current = context["current_speaker"]
    return {
        "meeting": {"id": meeting.pk, "number": meeting.number, "status": meeting.status},
        "item": {"id": item.pk, "title": item.title} if item else None,
        "attendance": {
            "present": context["live_present"],
            "members": context["live_members"],
            "quorum_required": context["quorum_required"],
            "quorum_reached": context["quorum_reached"],
        },
        "poll": _live_poll_state(poll) if poll else None,
        "speakers": {
            "current": speaking(current) if current else None,
            "queue": [one(request) for request in context["speaker_queue"]],
        },
    }


def speakers(meeting):
    """``(current, queue)``: who has the floor and who waits, in order of asking."""
    active = list(
        SpeakerRequest.objects.filter(meeting=meeting, state__in=SpeakerRequest.ACTIVE)
        .select_related("user")
        .order_by("requested_at", "pk")
    )
    current = next((r for r in active if r.state == SpeakerRequest.State.SPEAKING), None)
    return current, [r for r in active if r.state == SpeakerRequest.State.WAITING]


def _live_poll_state(poll):
    data = {
        "id": poll.pk,
        "state": poll.state,
        "kind": poll.kind,
        "method": poll.method,
        "majority": poll.majority,
        "question": poll.question,
        "choices": [{"id": o.pk, "kind": o.kind, "text": o.text} for o in poll.options.all()],
        "cast": poll.ballot_count,
        "base": poll.base,
        "quorum_rule": poll.quorum_rule,
        "seats": poll.seats,
        "votes_per_ballot": poll.votes_per_ballot,
        "round": poll.round,
        "previous_round": poll.previous_round_id,
    }
    if (counts := poll.public_counts(poll.options.all())) is not None:
        data["counts"] = counts
    if (paper := poll.paper_counts(poll.options.all())) is not None:
        data["paper"] = {"counts": paper, "ballots": poll.paper_ballots, "invalid": poll.invalid_ballots}
    if (result := poll.frozen_result()) is not None:
        data["result"] = result | {"elected": poll.elected_ids(poll.options.all())}
    following = getattr(poll, "prepared_next_round", None)
    if following is not None:
        data["next_round"] = {
            "id": following.pk,
            "round": following.round,
            "seats": following.seats,
            "candidates": [{"id": o.pk, "text": o.text} for o in following.options.all() if o.kind == "option"],
        }
    return data


def live_context(meeting):
    """What the live panel and the live state are made of, read once."""
    members = members_of(meeting.term, meeting.day).count()
    present = Attendance.objects.filter(meeting=meeting, state=Attendance.State.PRESENT).count()
    required = rules.quorum_required(entitled=members)
    current_speaker, queue = speakers(meeting)
    return {
        "meeting": meeting,
        "current_speaker": current_speaker,
        "speaker_queue": queue,
        "live_poll": live_poll(meeting),
        "live_present": present,
        "live_members": members,
        "quorum_required": required,
        "quorum_reached": present >= required,
        "server_time": timezone.now(),
    }


def live_fragments(meeting, context=None):
    """The live panel, rendered in the active language, as the pages include it."""
    context = context or live_context(meeting)
    return {"panel": render_to_string("council/includes/live_panel.html", context).strip()}


# --- feeds, calendars and the sitemap --------------------------------------------------


def latest_resolutions(*, limit):
    """The latest resolutions with what their feed entries show, in one query."""
    return list(
        Resolution.objects.select_related("term", "meeting", "poll", "motion")
        .prefetch_related(translations_prefetch())
        .order_by("-adopted_on", "-number", "-pk")[:limit]
    )


def meetings_for_calendar():
    """Every meeting, scheduled, live or past, oldest first, in one query."""
    return list(Meeting.objects.select_related("term").order_by("starts_at", "pk"))


def public_records():
    """The council's public records that have a page of their own, for the
    sitemap: one query each, whatever their number."""
    return {
        "members": Membership.objects.order_by("term_id", "pk"),
        "meetings": Meeting.objects.order_by("starts_at", "pk"),
        "motions": Motion.objects.exclude(state=Motion.State.DRAFT).order_by("term_id", "number", "pk"),
        "minutes": Minutes.objects.filter(state=Minutes.State.PUBLISHED).order_by("meeting_id"),
        "resolutions": Resolution.objects.order_by("term_id", "number", "pk"),
    }


# --- the chair's console ------------------------------------------------------------


def quorum_for(poll):
    """Whether the meeting has the quorum ``poll`` needs right now: the members
    present, the members entitled and the number required (the poll's own
    quorum, else half of the members), counted as closing the poll counts them."""
    meeting = poll.agenda_item.meeting
    entitled = members_of(meeting.term, meeting.day).count()
    present = Attendance.objects.filter(meeting=meeting, state=Attendance.State.PRESENT).count()
    required = rules.quorum_required(entitled=entitled, quorum=poll.quorum)
    return {"entitled": entitled, "present": present, "required": required, "reached": present >= required}


def polls_with_next_round(meeting):
    """Ids of the meeting's elections whose next round is prepared."""
    return set(
        Poll.objects.filter(agenda_item__meeting=meeting, previous_round__isnull=False).values_list(
            "previous_round_id", flat=True
        )
    )


def closing_effects(meeting):
    """What closing ``meeting`` would do, for the chair to confirm first."""
    polls = Poll.objects.filter(agenda_item__meeting=meeting)
    return {
        "open_poll": polls.filter(state=Poll.State.OPEN).first(),
        "drafts": list(
            polls.filter(state=Poll.State.DRAFT).select_related("agenda_item__meeting").order_by("created_at", "pk")
        ),
        "motions_back": list(
            Motion.objects.filter(agenda_items__meeting=meeting, state=Motion.State.SCHEDULED)
            .select_related("term")
            .distinct()
            .order_by("number", "pk")
        ),
        "waiting_speakers": meeting.speakers.filter(state=SpeakerRequest.State.WAITING).count(),
    }


def personal_data(*, user):
    """What the council holds about ``user`` (``accounts.signals.collecting``):
    seats, motions submitted and co-sponsored, places on speakers' lists,
    check-ins and how they voted in named polls.  A secret poll stores no
    choice linked to a person, so there is none to give."""
    seats = list(Membership.objects.filter(user=user).select_related("term").order_by("starts_on", "pk"))
    motions = Motion.objects.filter(submitter=user).select_related("term").order_by("created_at", "pk")
    sponsored = Motion.objects.filter(sponsors=user).select_related("term").order_by("created_at", "pk")
    speaking = SpeakerRequest.objects.filter(user=user).select_related("meeting").order_by("requested_at", "pk")
    attendance = Attendance.objects.filter(membership__user=user).select_related("meeting").order_by("meeting_id")
    ballots = (
        Ballot.objects.filter(member__user=user, secret=False)
        .select_related("poll__agenda_item__meeting", "option")
        .order_by("poll_id")
    )

    def motion_row(motion):
        return {
            "motion": str(motion.label),
            "title": motion.title,
            "state": motion.state,
            "created_at": motion.created_at,
        }

    return [
        DataSection(
            "council_seats",
            _("Your seats on the council"),
            [
                {"term": str(seat.term), "role": seat.role, "from": seat.starts_on, "until": seat.ends_on}
                for seat in seats
            ],
        ),
        DataSection("motions", _("Motions you submitted"), [motion_row(motion) for motion in motions]),
        DataSection("motions_sponsored", _("Motions you co-sponsored"), [motion_row(motion) for motion in sponsored]),
        DataSection(
            "speaker_requests",
            _("Your places on speakers' lists"),
            [
                {"meeting": str(request.meeting), "state": request.state, "requested_at": request.requested_at}
                for request in speaking
            ],
        ),
        DataSection(
            "attendance",
            _("Your attendance at meetings"),
            [{"meeting": str(row.meeting), "state": row.state, "changed_at": row.changed_at} for row in attendance],
        ),
        DataSection(
            "council_translations",
            _("Your translations of the council's records"),
            [
                {
                    "record": f"{row.record._meta.model_name} {row.record.pk}",
                    "into": row.language,
                    "title": row.title,
                    "text": row.text,
                    "translated_at": row.translated_at,
                }
                for row in RecordTranslation.objects.filter(translated_by=user).order_by("translated_at", "pk")
            ],
        ),
        DataSection(
            "named_votes",
            _("Your votes in named polls"),
            [
                {
                    "meeting": str(ballot.poll.agenda_item.meeting),
                    "question": ballot.poll.question,
                    "choice": str(ballot.option.label),
                }
                for ballot in ballots
            ],
        ),
    ]


# --- the city's follow-up of resolutions ----------------------------------------------


def city_follow_up(resolution, *, today):
    """The city's follow-up of one resolution, its updates in date order."""
    return FollowUp(resolution, resolution.city_updates.order_by("date", "created_at", "pk"), today)


def city_updates_prefetch():
    """For a list of resolutions: their follow-up in one more query (``FollowUp``'s order)."""
    return Prefetch("city_updates", queryset=CityResponseUpdate.objects.order_by("date", "created_at", "pk"))


def city_answer_totals(*, term=None, area=None, today):
    """{resolutions, answered, overdue, median_days}: how many resolutions (of
    ``term``, of ``area``) the city has answered, how many wait longer than
    ``RADA_CITY_ANSWER_DAYS``, and the median number of days from adoption to
    the first answer, in whole days (None when none is answered).  One query."""
    found = Resolution.objects.all()
    if term is not None:
        found = found.filter(term=term)
    if area:
        found = found.filter(motion__area=area)
    rows = found.annotate(
        answered_on=Min("city_updates__date", filter=Q(city_updates__status__in=ANSWERS))
    ).values_list("adopted_on", "answered_on")
    days, overdue, total = [], 0, 0
    for adopted_on, answered_on in rows:
        total += 1
        if answered_on is not None:
            days.append((answered_on - adopted_on).days)
        elif (today - adopted_on).days > settings.RADA_CITY_ANSWER_DAYS:
            overdue += 1
    return {
        "resolutions": total,
        "answered": len(days),
        "overdue": overdue,
        "median_days": round(statistics.median(days)) if days else None,
    }


# --- records in every language, and as PDF files ------------------------------------


def resolution_vote(resolution):
    """The poll that adopted ``resolution``, with its options and, for a named
    poll, each member's vote (``public_ballots``); a secret poll has none."""
    return _polls(include_drafts=False).select_related("agenda_item__meeting").filter(pk=resolution.poll_id).first()
