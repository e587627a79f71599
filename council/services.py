"""Every change to the council's record goes through one function here.

Each function checks its rule (``permissions``), raising :class:`RuleBroken`
with a translated reason, and writes in one transaction.  The rows a rule
depends on are locked first: the meeting for chair actions, the poll for every
ballot and transition, the term for the next motion or resolution number.
Locks are always taken in that order (meeting, poll, motion, term), and only
on the row named (``of=("self",)``): PostgreSQL would otherwise also lock every
row joined by ``select_related``, and a ballot and a closing would deadlock.
"""

import random
import uuid

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Case, Count, F, Max, When
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import opinions
from core.errors import RuleBroken
from core.language import LANGUAGE_CODES, language_in_readers_words
from core.ratelimit import enforce
from core.text import clean_line, clean_text

from . import live, permissions, rules, selectors, translation_services
from .models import (
    MINUTES_MAX_LENGTH,
    MOTION_TEXT_MAX_LENGTH,
    MOTION_TITLE_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    AgendaItem,
    Attendance,
    Ballot,
    BallotBox,
    Meeting,
    Membership,
    Minutes,
    Motion,
    MotionEvent,
    PaperCount,
    Poll,
    PollOption,
    Resolution,
    SpeakerRequest,
    Term,
)

OPTION_MAX_LENGTH = 200
MAX_OPTIONS = 20


def _refuse_if(reason):
    if reason:
        raise RuleBroken(reason)


def _text(value, *, limit, empty_message, too_long_message, line=False):
    value = clean_line(value) if line else clean_text(value).strip()
    if not value:
        raise RuleBroken(empty_message)
    if len(value) > limit:
        raise RuleBroken(too_long_message % {"limit": limit, "length": len(value)})
    return value


def _locked_meeting(meeting):
    return Meeting.objects.select_for_update(of=("self",)).select_related("term").get(pk=meeting.pk)


def _locked_poll(poll):
    return Poll.objects.select_for_update().get(pk=poll.pk)


# --- meetings -----------------------------------------------------------------


def meeting_start(*, meeting, user, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        if meeting.status != Meeting.Status.SCHEDULED:
            raise RuleBroken(_("This meeting has already started."))
        if timezone.localtime(now).date() != meeting.day:
            raise RuleBroken(
                _("This meeting is scheduled for %(day)s and can be started on that day.")
                % {"day": date_format(meeting.day, "DATE_FORMAT")}
            )
        meeting.status = Meeting.Status.LIVE
        meeting.started_at = now
        meeting.current_item = meeting.agenda_items.order_by("sort_order", "pk").first()
        meeting.save(update_fields=["status", "started_at", "current_item"])
        live.meeting_changed(meeting.pk)
    return meeting


def meeting_close(*, meeting, user, now=None):
    """Ends the meeting: prepared but unopened polls are dropped, motions not
    voted on go back to the list of submitted motions, and a draft of the
    minutes is assembled from the record."""
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        if meeting.status != Meeting.Status.LIVE:
            raise RuleBroken(_("Only a meeting in progress can be closed."))
        polls = Poll.objects.filter(agenda_item__meeting=meeting)
        if polls.filter(state=Poll.State.OPEN).exists():
            raise RuleBroken(_("A vote is still open. Close it before closing the meeting."))
        polls.filter(state=Poll.State.DRAFT).delete()
        for motion in Motion.objects.filter(agenda_items__meeting=meeting, state=Motion.State.SCHEDULED).distinct():
            _move(motion, Motion.State.SUBMITTED, user, now)
        meeting.speakers.filter(state=SpeakerRequest.State.SPEAKING).update(
            state=SpeakerRequest.State.DONE, ended_at=now
        )
        meeting.speakers.filter(state=SpeakerRequest.State.WAITING).update(state=SpeakerRequest.State.WITHDRAWN)
        meeting.status = Meeting.Status.CLOSED
        meeting.closed_at = now
        meeting.current_item = None
        meeting.save(update_fields=["status", "closed_at", "current_item"])
        Minutes.objects.create(meeting=meeting, text=minutes_assemble(meeting), updated_at=now, updated_by=user)
        live.meeting_changed(meeting.pk)
    return meeting


def agenda_item_select(*, meeting, item, user):
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        if meeting.status != Meeting.Status.LIVE:
            raise RuleBroken(_("The meeting is not in progress."))
        if item.meeting_id != meeting.pk:
            raise RuleBroken(_("That item is not on this meeting's agenda."))
        meeting.current_item = item
        meeting.save(update_fields=["current_item"])
        live.meeting_changed(meeting.pk)
    return meeting


# --- attendance -----------------------------------------------------------------


def attendance_check_in(*, meeting, user, now=None):
    """A member says they are here; the secretary confirms them."""
    now = now or timezone.now()
    _refuse_if(permissions.why_cannot_check_in(user, meeting))
    seat = permissions.seat_at(user, meeting)
    with transaction.atomic():
        row, created = Attendance.objects.select_for_update().get_or_create(
            meeting=meeting,
            membership=seat,
            defaults={"state": Attendance.State.CHECKED_IN, "changed_at": now, "changed_by": user},
        )
        if not created:
            if row.state == Attendance.State.PRESENT:
                raise RuleBroken(_("You are already marked present."))
            if row.state == Attendance.State.CHECKED_IN:
                raise RuleBroken(_("You have already checked in; the secretary will confirm you."))
            row.state, row.changed_at, row.changed_by = Attendance.State.CHECKED_IN, now, user
            row.save(update_fields=["state", "changed_at", "changed_by"])
        live.meeting_changed(meeting.pk)
    return row


def attendance_set(*, meeting, membership, present, user, now=None):
    now = now or timezone.now()
    _refuse_if(permissions.why_cannot_keep_attendance(user, meeting))
    if membership.term_id != meeting.term_id or not membership.is_current_on(meeting.day):
        raise RuleBroken(_("That person is not a member of the council in this term."))
    state = Attendance.State.PRESENT if present else Attendance.State.ABSENT
    with transaction.atomic():
        row, _created = Attendance.objects.update_or_create(
            meeting=meeting,
            membership=membership,
            defaults={"state": state, "changed_at": now, "changed_by": user},
        )
        live.meeting_changed(meeting.pk)
    return row


# --- the speakers' list --------------------------------------------------------------

GUEST_NAME_MAX_LENGTH = 100


def speaker_request(*, meeting, user, now=None):
    """A member (or a guest, when the chair allows it) asks for the floor."""
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if(permissions.why_cannot_ask_to_speak(user, meeting))
        try:
            with transaction.atomic():
                request = SpeakerRequest.objects.create(
                    meeting=meeting,
                    user=user,
                    is_member=permissions.seat_at(user, meeting) is not None,
                    requested_at=now,
                )
        except IntegrityError:
            raise RuleBroken(_("You are already on the speakers' list.")) from None
        live.meeting_changed(meeting.pk)
    return request


def speaker_withdraw(*, meeting, user, now=None):
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        request = meeting.speakers.filter(user=user, state=SpeakerRequest.State.WAITING).first()
        if request is None:
            raise RuleBroken(_("You are not waiting on the speakers' list."))
        request.state = SpeakerRequest.State.WITHDRAWN
        request.save(update_fields=["state"])
        live.meeting_changed(meeting.pk)
    return request


def speaker_add_guest(*, meeting, user, name, now=None):
    """The chair puts a guest in the room on the list by name (no account needed)."""
    now = now or timezone.now()
    name = _text(
        name,
        limit=GUEST_NAME_MAX_LENGTH,
        empty_message=_("Write the guest's name."),
        line=True,
        too_long_message=_("A name may be at most %(limit)d characters long; this one has %(length)d."),
    )
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        if meeting.status != Meeting.Status.LIVE:
            raise RuleBroken(_("The meeting is not in progress."))
        request = SpeakerRequest.objects.create(meeting=meeting, guest_name=name, is_member=False, requested_at=now)
        live.meeting_changed(meeting.pk)
    return request


SPEAKING_TIME_MIN_SECONDS = 15
SPEAKING_TIME_MAX_SECONDS = 60 * 60


def _speaking_time(seconds):
    """None (no limit) or a whole number of seconds within the bounds."""
    if seconds is None:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, int):
        raise RuleBroken(_("Give the speaking time as a whole number of seconds."))
    if not SPEAKING_TIME_MIN_SECONDS <= seconds <= SPEAKING_TIME_MAX_SECONDS:
        raise RuleBroken(
            _("The speaking time must be between %(low)d seconds and %(high)d minutes.")
            % {"low": SPEAKING_TIME_MIN_SECONDS, "high": SPEAKING_TIME_MAX_SECONDS // 60}
        )
    return seconds


def speaker_give_floor(*, request, user, now=None, time_limit=None):
    """The chair gives the floor, with a speaking time in seconds or none:
    whoever was speaking has finished."""
    now = now or timezone.now()
    time_limit = _speaking_time(time_limit)
    with transaction.atomic():
        meeting = _locked_meeting(request.meeting)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        request = SpeakerRequest.objects.select_for_update().get(pk=request.pk)
        if request.state != SpeakerRequest.State.WAITING:
            raise RuleBroken(_("That person is no longer waiting to speak."))
        meeting.speakers.filter(state=SpeakerRequest.State.SPEAKING).update(
            state=SpeakerRequest.State.DONE, ended_at=now
        )
        request.state, request.started_at, request.time_limit = SpeakerRequest.State.SPEAKING, now, time_limit
        request.save(update_fields=["state", "started_at", "time_limit"])
        live.meeting_changed(meeting.pk)
    return request


def speaker_set_time(*, meeting, user, time_limit):
    """The chair sets (or, with None, lifts) the speaking time of the person
    who has the floor; it still counts from the start of their turn."""
    time_limit = _speaking_time(time_limit)
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        request = meeting.speakers.select_for_update().filter(state=SpeakerRequest.State.SPEAKING).first()
        if request is None:
            raise RuleBroken(_("Nobody has the floor."))
        request.time_limit = time_limit
        request.save(update_fields=["time_limit"])
        live.meeting_changed(meeting.pk)
    return request


def speaker_finish(*, meeting, user, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        ended = meeting.speakers.filter(state=SpeakerRequest.State.SPEAKING).update(
            state=SpeakerRequest.State.DONE, ended_at=now
        )
        if not ended:
            raise RuleBroken(_("Nobody has the floor."))
        live.meeting_changed(meeting.pk)


def guests_allow(*, meeting, user, allowed):
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        meeting.guests_may_speak = allowed
        meeting.save(update_fields=["guests_may_speak"])
        live.meeting_changed(meeting.pk)
    return meeting


# --- motions --------------------------------------------------------------------


def _move(motion, state, actor, now):
    motion.state = state
    motion.updated_at = now
    motion.save(update_fields=["state", "updated_at"])
    MotionEvent.objects.create(motion=motion, state=state, actor=actor, at=now)


def _motion_fields(title, text, rationale):
    title = _text(
        title,
        limit=MOTION_TITLE_MAX_LENGTH,
        empty_message=_("A motion needs a title."),
        line=True,
        too_long_message=_("A title may be at most %(limit)d characters long; this one has %(length)d."),
    )
    text = _text(
        text,
        limit=MOTION_TEXT_MAX_LENGTH,
        empty_message=_("A motion needs a text: what the council is asked to decide."),
        too_long_message=_("The text may be at most %(limit)d characters long; this one has %(length)d."),
    )
    rationale = clean_text(rationale).strip()
    if len(rationale) > MOTION_TEXT_MAX_LENGTH:
        raise RuleBroken(
            _("The rationale may be at most %(limit)d characters long; this one has %(length)d.")
            % {"limit": MOTION_TEXT_MAX_LENGTH, "length": len(rationale)}
        )
    return title, text, rationale


def _opinion_subject(consultation_key):
    """The consultation a motion gives an opinion on, as a UUID, or None; refused
    when it is no consultation (``core.opinions`` asks the consultations app)."""
    if not consultation_key:
        return None
    try:
        key = uuid.UUID(str(consultation_key))
    except ValueError:
        key = None
    if key is None or not opinions.is_subject(key):
        raise RuleBroken(_("Choose one of the city's consultations, or none."))
    return key


def motion_draft(*, term, submitter, title, text, rationale="", area="", language, consultation_key=None, now=None):
    now = now or timezone.now()
    _refuse_if(permissions.why_cannot_write_motion(submitter, term))
    title, text, rationale = _motion_fields(title, text, rationale)
    consultation_key = _opinion_subject(consultation_key)
    enforce(
        f"motion-draft:{submitter.pk}",
        limit=settings.RADA_RATELIMIT_MOTION_DRAFTS,
        seconds=3600,
        message=_("You have written many motions in the last hour. Please try again later."),
    )
    with transaction.atomic():
        motion = Motion.objects.create(
            term=term,
            submitter=submitter,
            title=title,
            text=text,
            rationale=rationale,
            area=area,
            language=language,
            consultation_key=consultation_key,
            created_at=now,
            updated_at=now,
        )
        MotionEvent.objects.create(motion=motion, state=Motion.State.DRAFT, actor=submitter, at=now)
    return motion


def motion_update(*, motion, user, title, text, rationale="", area="", language, consultation_key=None, now=None):
    now = now or timezone.now()
    if not permissions.can_edit_motion(user, motion):
        raise RuleBroken(_("Only the member who drafted the motion can change it, and only before submitting it."))
    motion.title, motion.text, motion.rationale = _motion_fields(title, text, rationale)
    motion.consultation_key = _opinion_subject(consultation_key)
    motion.area, motion.language, motion.updated_at = area, language, now
    motion.save(update_fields=["title", "text", "rationale", "area", "language", "consultation_key", "updated_at"])
    return motion


def motion_sponsor_toggle(*, motion, user):
    """Adds ``user`` as a co-sponsor, or removes them; True when now a co-sponsor."""
    _refuse_if(permissions.why_cannot_sponsor(user, motion))
    if motion.sponsors.filter(pk=user.pk).exists():
        motion.sponsors.remove(user)
        return False
    motion.sponsors.add(user)
    return True


def motion_submit(*, motion, user, now=None):
    """Submits a draft and gives it the next number in its term."""
    now = now or timezone.now()
    with transaction.atomic():
        Term.objects.select_for_update().get(pk=motion.term_id)
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        _refuse_if(permissions.why_cannot_submit(user, motion))
        last = Motion.objects.filter(term_id=motion.term_id).aggregate(n=Max("number"))["n"] or 0
        motion.number = last + 1
        motion.save(update_fields=["number"])
        _move(motion, Motion.State.SUBMITTED, user, now)
    return motion


def motion_withdraw(*, motion, user, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        _refuse_if(permissions.why_cannot_withdraw(user, motion))
        Poll.objects.filter(motion=motion, state=Poll.State.DRAFT).delete()
        _move(motion, Motion.State.WITHDRAWN, user, now)
    return motion


def motion_schedule(*, motion, meeting, user, now=None):
    """Puts a submitted motion at the end of a meeting's agenda."""
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        _refuse_if(permissions.why_cannot_schedule(user, motion, meeting))
        last = meeting.agenda_items.aggregate(n=Max("sort_order"))["n"]
        # Only the motion's own title is stored: the item is shown titled from
        # the motion (its number in the reader's words, its title in the
        # reader's language when translated; ``AgendaItem.title_shown``).
        item = AgendaItem.objects.create(
            meeting=meeting,
            sort_order=0 if last is None else last + 1,
            title=motion.title[: AgendaItem._meta.get_field("title").max_length],
            motion=motion,
        )
        _move(motion, Motion.State.SCHEDULED, user, now)
        live.meeting_changed(meeting.pk)
    return item


# --- polls and ballots ------------------------------------------------------------------


def _not_votable(motion):
    return _("This motion cannot be voted on now. Its state: %(state)s.") % {"state": motion.get_state_display()}


def poll_create(
    *,
    item,
    user,
    question,
    kind,
    method,
    majority,
    options=(),
    quorum=None,
    on_motion=False,
    base=Poll.Base.CAST,
    quorum_rule=Poll.QuorumRule.HALF,
    seats=1,
    votes_per_ballot=1,
    previous_round=None,
    translations=None,
    now=None,
):
    """Prepares a poll on an agenda item.  A yes/no poll on a motion's item may
    decide the motion (``on_motion``); a choice offers ``options`` and abstain,
    and fills ``seats`` with up to ``votes_per_ballot`` votes on each ballot.
    ``base``, ``majority`` and ``quorum_rule`` are the rules of ``council.rules``.
    ``translations`` (``{"uk": "…", …}``) gives the question in other
    languages (see :func:`_question_translations`)."""
    now = now or timezone.now()
    meeting = item.meeting
    _refuse_if(permissions.why_cannot_run(user, meeting))
    if meeting.status != Meeting.Status.LIVE:
        raise RuleBroken(_("Votes are prepared while the meeting is in progress."))
    question = _text(
        question,
        limit=QUESTION_MAX_LENGTH,
        empty_message=_("Write the question the members vote on."),
        line=True,
        too_long_message=_("A question may be at most %(limit)d characters long; this one has %(length)d."),
    )
    translated = _question_translations(translations or {}, original=meeting.language)
    if kind not in Poll.Kind.values or method not in Poll.Method.values or majority not in Poll.Majority.values:
        raise RuleBroken(_("Choose the kind of vote, what is voted and the majority required."))
    if base not in Poll.Base.values or quorum_rule not in Poll.QuorumRule.values:
        raise RuleBroken(_("Choose what the majority is counted of and the quorum."))
    motion = None
    if on_motion:
        motion = item.motion
        if motion is None or method != Poll.Method.YES_NO:
            raise RuleBroken(_("Only a yes/no vote on an item with a motion can decide the motion."))
        if motion.state != Motion.State.SCHEDULED:
            raise RuleBroken(_not_votable(motion))
    texts = []
    if method == Poll.Method.CHOICE:
        texts = [clean_line(text) for text in options if clean_line(text)]
        if len(texts) < 2:
            raise RuleBroken(_("A choice needs at least two options, one per line."))
        if len(texts) > MAX_OPTIONS:
            raise RuleBroken(_("A choice may have at most %(limit)d options.") % {"limit": MAX_OPTIONS})
        if len(set(texts)) != len(texts):
            raise RuleBroken(_("Each option must be different."))
        if any(len(text) > OPTION_MAX_LENGTH for text in texts):
            raise RuleBroken(_("An option may be at most %(limit)d characters long.") % {"limit": OPTION_MAX_LENGTH})
    if quorum is not None and quorum < 1:
        raise RuleBroken(_("The quorum must be at least one member."))
    _check_seats(method=method, kind=kind, seats=seats, votes_per_ballot=votes_per_ballot, candidates=len(texts))
    with transaction.atomic():
        poll = Poll.objects.create(
            agenda_item=item,
            motion=motion,
            question=question,
            **translated,
            kind=kind,
            method=method,
            majority=majority,
            quorum=quorum,
            base=base,
            quorum_rule=quorum_rule,
            seats=seats,
            votes_per_ballot=votes_per_ballot,
            previous_round=previous_round,
            round=previous_round.round + 1 if previous_round else 1,
            created_at=now,
        )
        if method == Poll.Method.YES_NO:
            kinds = [(PollOption.Kind.YES, ""), (PollOption.Kind.NO, ""), (PollOption.Kind.ABSTAIN, "")]
        else:
            kinds = [(PollOption.Kind.OPTION, text) for text in texts] + [(PollOption.Kind.ABSTAIN, "")]
        PollOption.objects.bulk_create(
            PollOption(poll=poll, position=position, kind=option_kind, text=text)
            for position, (option_kind, text) in enumerate(kinds)
        )
    return poll


def _question_translations(translations, *, original):
    """``{"question_uk": …}`` for :func:`poll_create`: each translation
    cleaned as the question is (one line, control characters removed), at
    most as long; an empty one is no translation.  The meeting's own language
    has none (the original is stored once, and no translation overrides it),
    so one given in it is left out, as are languages the site does not
    offer."""
    fields = {}
    for code in LANGUAGE_CODES:
        text = clean_line(translations.get(code) or "")
        if code == original or not text:
            continue
        if len(text) > QUESTION_MAX_LENGTH:
            raise RuleBroken(
                _("The question in %(language)s may be at most %(limit)d characters long; this one has %(length)d.")
                % {"language": language_in_readers_words(code), "limit": QUESTION_MAX_LENGTH, "length": len(text)}
            )
        fields[f"question_{code}"] = text
    return fields


def _check_seats(*, method, kind, seats, votes_per_ballot, candidates):
    if not isinstance(seats, int) or not isinstance(votes_per_ballot, int) or seats < 1 or votes_per_ballot < 1:
        raise RuleBroken(_("The seats and the votes per ballot must be whole numbers, at least one."))
    if method != Poll.Method.CHOICE:
        if seats != 1 or votes_per_ballot != 1:
            raise RuleBroken(_("Seats and several votes per ballot are for a choice between candidates."))
        return
    if seats > candidates:
        raise RuleBroken(_("There must be at least as many candidates as seats to fill."))
    if votes_per_ballot > seats:
        raise RuleBroken(_("A ballot may carry at most as many votes as there are seats."))
    if votes_per_ballot > 1 and kind != Poll.Kind.SECRET:
        # A named ballot records one choice per member; elections of persons
        # are secret in council statutes anyway.
        raise RuleBroken(_("Several votes per ballot are possible in a secret ballot only."))


def poll_discard(*, poll, user):
    with transaction.atomic():
        poll = _locked_poll(poll)
        _refuse_if(permissions.why_cannot_run(user, poll.agenda_item.meeting))
        if poll.state != Poll.State.DRAFT:
            raise RuleBroken(_("Only a vote that has not been opened can be removed."))
        poll.delete()


def poll_open(*, poll, user, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked_meeting(poll.agenda_item.meeting)
        poll = _locked_poll(poll)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        if meeting.status != Meeting.Status.LIVE:
            raise RuleBroken(_("Votes are opened while the meeting is in progress."))
        if poll.state != Poll.State.DRAFT:
            raise RuleBroken(_("This vote has already been opened."))
        if Poll.objects.filter(agenda_item__meeting=meeting, state=Poll.State.OPEN).exists():
            raise RuleBroken(_("Another vote is open. Close it first."))
        if poll.motion_id:
            motion = Motion.objects.select_for_update().get(pk=poll.motion_id)
            if motion.state != Motion.State.SCHEDULED:
                raise RuleBroken(_not_votable(motion))
            _move(motion, Motion.State.VOTING, user, now)
        poll.state = Poll.State.OPEN
        poll.opened_at = now
        poll.save(update_fields=["state", "opened_at"])
        meeting.current_item_id = poll.agenda_item_id
        meeting.save(update_fields=["current_item"])
        live.meeting_changed(meeting.pk)
    return poll


def _box_lost_message():
    return _("The ballot box was lost in a server failure; repeat the vote.")


def _box_is_whole(poll):
    """Whether the box holds one choice per marker.  PostgreSQL empties an
    unlogged table after a crash, while the logged markers survive: the
    counts then differ, and no tally can be trusted."""
    return BallotBox.objects.filter(poll=poll).count() == poll.ballots.count() * poll.votes_per_ballot


def _chosen(poll, option_ids):
    """The options a ballot marks: one, or in an election with several votes
    per ballot up to that many different candidates, or the abstention alone."""
    if isinstance(option_ids, str | int) or option_ids is None:
        option_ids = [option_ids]
    try:
        keys = {int(key) for key in option_ids}
    except (TypeError, ValueError, OverflowError):
        raise RuleBroken(_("Choose one of the options on the ballot.")) from None
    options = {option.pk: option for option in poll.options.all()}
    if not keys or not keys <= options.keys():
        raise RuleBroken(_("Choose one of the options on the ballot."))
    chosen = [options[key] for key in sorted(keys)]
    if len(chosen) > poll.votes_per_ballot:
        raise RuleBroken(
            ngettext(
                "You may choose at most %(count)d candidate.",
                "You may choose at most %(count)d candidates.",
                poll.votes_per_ballot,
            )
            % {"count": poll.votes_per_ballot}
        )
    if len(chosen) > 1 and any(option.kind != PollOption.Kind.OPTION for option in chosen):
        raise RuleBroken(_("An abstention cannot be combined with votes for candidates."))
    return chosen


def ballot_cast(*, poll, user, option_id=None, option_ids=None):
    """Records ``user``'s ballot.  The poll row is locked, so ballots and the
    closing are applied one after another; the unique constraint turns a second
    ballot that slipped past the check into the same plain refusal.

    In a named poll the ballot row holds the choice and raises its option's
    counter.  In a secret poll the row is only the marker that the member
    voted, and the choice goes into the ballot box, which the WAL never sees;
    nothing else is written, so no logged record depends on the choice."""
    with transaction.atomic():
        poll = Poll.objects.select_for_update(of=("self",)).select_related("agenda_item__meeting__term").get(pk=poll.pk)
        meeting = poll.agenda_item.meeting
        seat = permissions.seat_at(user, meeting)
        state = None
        voted = False
        if seat is not None:
            state = Attendance.objects.filter(meeting=meeting, membership=seat).values_list("state", flat=True).first()
            voted = Ballot.objects.filter(poll=poll, member=seat).exists()
        _refuse_if(permissions.why_cannot_vote(user, poll, meeting=meeting, attendance_state=state, has_voted=voted))
        chosen = _chosen(poll, option_ids if option_ids is not None else option_id)
        option = chosen[0]
        if poll.is_secret and not _box_is_whole(poll):
            # A ballot now would be counted with a box that lost the earlier ones.
            raise RuleBroken(_box_lost_message())
        try:
            with transaction.atomic():
                Ballot.objects.create(
                    poll=poll, member=seat, secret=poll.is_secret, option=None if poll.is_secret else option
                )
        except IntegrityError:
            raise RuleBroken(_("You have already voted in this poll. A ballot is final.")) from None
        if poll.is_secret:
            # As many rows as the ballot has votes, the unused ones empty, in
            # one statement: the box's size never tells how many were used.
            marks = [option.pk for option in chosen] + [None] * (poll.votes_per_ballot - len(chosen))
            random.SystemRandom().shuffle(marks)
            BallotBox.objects.bulk_create(BallotBox(poll=poll, option_id=pk) for pk in marks)
        else:
            PollOption.objects.filter(pk=option.pk).update(votes=F("votes") + 1)
        live.meeting_changed(meeting.pk)


def _entitled(meeting):
    return Membership.objects.current_on(meeting.day).filter(term_id=meeting.term_id)


BOX_LOCK_TIMEOUT = "5s"


def _count_box(poll):
    """The secret poll's choices as ``{option id: votes}``, and its box
    emptied.  ``TRUNCATE`` gives the table a new, empty file (the old one's
    pages, with whatever they held, are released at commit); it empties the
    boxes of all polls, so the ballots of other open polls (other meetings)
    are put back, with new random ids, in random order.  The box is locked
    against every other session meanwhile; a backup reading it (``pg_dump``
    holds its lock to the end) makes the closing wait at most
    ``BOX_LOCK_TIMEOUT``, then refuse, so the chair can try again."""
    table = BallotBox._meta.db_table
    if connection.vendor != "postgresql":
        counts = dict(BallotBox.objects.filter(poll=poll).values_list("option").annotate(n=Count("pk")).order_by())
        BallotBox.objects.filter(poll=poll).delete()
        return counts
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL lock_timeout = '{BOX_LOCK_TIMEOUT}'")
        try:
            with transaction.atomic():
                cursor.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        except OperationalError:
            raise RuleBroken(
                _("The ballot box is in use by a backup or another process. Try closing the vote again in a minute.")
            ) from None
        cursor.execute("SET LOCAL lock_timeout = DEFAULT")
    counts = dict(BallotBox.objects.filter(poll=poll).values_list("option").annotate(n=Count("pk")).order_by())
    others = list(
        BallotBox.objects.exclude(poll=poll).filter(poll__state=Poll.State.OPEN).values_list("poll_id", "option_id")
    )
    random.SystemRandom().shuffle(others)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {table}")
    BallotBox.objects.bulk_create(BallotBox(poll_id=poll_id, option_id=option_id) for poll_id, option_id in others)
    return counts


def poll_close(*, poll, user, now=None):
    """Closes the poll and freezes its result: entitled, present, cast, each
    option's votes, the quorum and the outcome.  A motion the poll decides is
    adopted (and becomes the next resolution of the term) or rejected; without
    a quorum it stays on the agenda to be voted again.

    A secret poll is counted from its ballot box, in this transaction, and the
    box emptied.  If the box lost ballots (a server crash empties it), the
    poll is closed as void, never with a wrong tally, and the same vote is
    prepared again for the chair to open."""
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked_meeting(poll.agenda_item.meeting)
        poll = _locked_poll(poll)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        if poll.state != Poll.State.OPEN:
            raise RuleBroken(_("Only an open vote can be closed."))
        electronic = poll.ballots.count()
        present = Attendance.objects.filter(meeting=meeting, state=Attendance.State.PRESENT).count()
        _refuse_if(_too_many_ballots(electronic, poll.paper_ballots, poll.invalid_ballots, present))
        void = False
        if poll.is_secret:
            counts = _count_box(poll)
            void = sum(counts.values()) != electronic * poll.votes_per_ballot
            if not void:
                # One statement writes the totals: the only version of the
                # counters a secret poll ever leaves besides the zeros.
                marked = ((pk, n) for pk, n in counts.items() if pk is not None)
                poll.options.update(votes=Case(*(When(pk=pk, then=n) for pk, n in marked), default=0))
        options = list(poll.options.values_list("pk", "kind", "votes", "paper_votes"))
        marks = sum(votes for _pk, _kind, votes, _paper in options)
        if not void and (
            marks > electronic * poll.votes_per_ballot or (poll.votes_per_ballot == 1 and marks != electronic)
        ):
            raise RuntimeError(f"poll {poll.pk}: the counters do not add up to the ballots")
        if not poll.is_secret:
            named = dict(poll.ballots.values_list("option").annotate(n=Count("pk")))
            if any(named.get(pk, 0) != votes for pk, _kind, votes, _paper in options):
                raise RuntimeError(f"poll {poll.pk}: the counters do not match the named ballots")
        entitled = _entitled(meeting).count()
        required = rules.quorum_required(entitled=entitled, quorum=poll.quorum, rule=poll.quorum_rule)
        cast = electronic + poll.paper_ballots
        if void:
            decision = rules.Decision(Poll.Outcome.VOID)
        else:
            decision = rules.decide(
                method=poll.method,
                majority=poll.majority,
                options=[(pk, kind, votes + paper) for pk, kind, votes, paper in options],
                quorum_reached=present >= required,
                base=poll.base,
                cast=cast,
                present=present,
                entitled=entitled,
                seats=poll.seats,
            )
        if decision.elected:
            poll.options.filter(pk__in=decision.elected).update(elected=True)
        poll.state = Poll.State.CLOSED
        poll.closed_at = now
        poll.entitled, poll.present, poll.cast = entitled, present, cast
        poll.quorum_required, poll.quorum_reached = required, present >= required
        poll.outcome = decision.outcome
        poll.winner_id = decision.winner
        poll.base_count, poll.votes_needed, poll.tie = decision.base_count, decision.votes_needed, decision.tie
        poll.save()
        if poll.motion_id:
            _decide_motion(poll, meeting, user, now)
        if void:
            poll.repeated_by = poll_repeat(poll=poll, user=user, now=now)
        live.meeting_changed(meeting.pk)
    return poll


def _too_many_ballots(electronic, paper, invalid, present):
    if electronic + paper + invalid > present:
        return _(
            "The counts make %(total)d ballots (%(electronic)d electronic, %(paper)d on paper, %(invalid)d invalid),"
            " but only %(present)d members are present. Correct the paper counts."
        ) % {
            "total": electronic + paper + invalid,
            "electronic": electronic,
            "paper": paper,
            "invalid": invalid,
            "present": present,
        }
    return None


def poll_repeat(*, poll, user, now=None):
    """Prepares the same vote again (question, kind, method, rules, seats,
    options, and the motion it decides) on the same agenda item, for a poll
    whose result could not be counted."""
    if poll.outcome != Poll.Outcome.VOID:
        raise RuleBroken(_("Only a vote declared void is repeated."))
    texts = [option.text for option in poll.options.all() if option.kind == PollOption.Kind.OPTION]
    return poll_create(
        item=poll.agenda_item,
        user=user,
        question=poll.question,
        translations=poll.question_translations,
        kind=poll.kind,
        method=poll.method,
        majority=poll.majority,
        options=texts,
        quorum=poll.quorum,
        on_motion=poll.motion_id is not None,
        base=poll.base,
        quorum_rule=poll.quorum_rule,
        seats=poll.seats,
        votes_per_ballot=poll.votes_per_ballot,
        previous_round=poll.previous_round,
        now=now,
    )


def poll_next_round(*, poll, user, now=None):
    """Prepares, with one click, the next round of an election that left seats
    open: between the best candidates not elected (``rules.next_round_candidates``),
    for the seats left, under the same rules.  The chair opens it as any vote."""
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked_meeting(poll.agenda_item.meeting)
        poll = _locked_poll(poll)
        _refuse_if(permissions.why_cannot_run(user, meeting))
        if meeting.status != Meeting.Status.LIVE:
            raise RuleBroken(_("Votes are prepared while the meeting is in progress."))
        options = list(poll.options.all())
        seats_left = poll.seats_left(options)
        if not seats_left:
            raise RuleBroken(_("Only an election that left seats open has another round."))
        if poll.next_rounds.exists():
            raise RuleBroken(_("The next round of this election is already prepared."))
        keys = rules.next_round_candidates(
            options=[(option.pk, option.kind, option.total) for option in options],
            elected=poll.elected_ids(options),
            seats_left=seats_left,
        )
        texts = {option.pk: option.text for option in options}
        if len(keys) < 2:
            raise RuleBroken(_("Fewer than two candidates are left for another round."))
        new = poll_create(
            item=poll.agenda_item,
            user=user,
            question=poll.question,
            translations=poll.question_translations,
            kind=poll.kind,
            method=poll.method,
            majority=poll.majority,
            options=[texts[key] for key in keys],
            quorum=poll.quorum,
            base=poll.base,
            quorum_rule=poll.quorum_rule,
            seats=min(seats_left, len(keys)),
            votes_per_ballot=min(poll.votes_per_ballot, seats_left),
            previous_round=poll,
            now=now,
        )
        live.meeting_changed(meeting.pk)
    return new


# --- paper counts in the room ----------------------------------------------------------------


def paper_count_enter(*, poll, user, counts, invalid=0, ballots=None, now=None):
    """The secretary's count of a show of hands or of paper ballots, for the
    members in the room without a device: ``counts`` maps each option id to
    its votes; ``invalid`` ballots are recorded but count for nothing;
    ``ballots`` (the valid paper ballots) is needed only when a ballot carries
    several votes, otherwise it is the sum of ``counts``.  A new entry replaces
    the previous one; who entered it and when is kept.  Electronic and paper
    ballots together never exceed the members present."""
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked_meeting(poll.agenda_item.meeting)
        poll = _locked_poll(poll)
        _refuse_if(permissions.why_cannot_keep_attendance(user, meeting))
        if poll.state != Poll.State.OPEN:
            raise RuleBroken(_("Paper counts are entered while the vote is open."))
        options = {str(option.pk): option for option in poll.options.all()}
        numbers = {}
        for key, value in {**dict.fromkeys(options, 0), **{str(k): v for k, v in counts.items()}}.items():
            if key not in options:
                raise RuleBroken(_("Count only the options on the ballot."))
            numbers[key] = _count(value)
        invalid = _count(invalid)
        votes = sum(numbers.values())
        if poll.votes_per_ballot == 1:
            ballots = votes
        else:
            ballots = _count(ballots)
            if votes > ballots * poll.votes_per_ballot or any(n > ballots for n in numbers.values()):
                raise RuleBroken(_("The votes counted do not fit the number of paper ballots."))
        present = Attendance.objects.filter(meeting=meeting, state=Attendance.State.PRESENT).count()
        _refuse_if(_too_many_ballots(poll.ballots.count(), ballots, invalid, present))
        poll.options.update(paper_votes=Case(*(When(pk=int(k), then=n) for k, n in numbers.items()), default=0))
        poll.paper_ballots, poll.invalid_ballots, poll.paper_entered_at = ballots, invalid, now
        poll.save(update_fields=["paper_ballots", "invalid_ballots", "paper_entered_at"])
        PaperCount.objects.create(
            poll=poll,
            entered_by=user,
            entered_at=now,
            ballots=ballots,
            invalid=invalid,
            counts={str(options[key].position): n for key, n in numbers.items()},
        )
        live.meeting_changed(meeting.pk)
    return poll


PAPER_COUNT_MAX = 999


def _count(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= PAPER_COUNT_MAX:
        raise RuleBroken(_("Each count must be a whole number from 0 to %(limit)d.") % {"limit": PAPER_COUNT_MAX})
    return value


def _decide_motion(poll, meeting, user, now):
    motion = Motion.objects.select_for_update().get(pk=poll.motion_id)
    if poll.outcome == Poll.Outcome.PASSED:
        _move(motion, Motion.State.ADOPTED, user, now)
        Term.objects.select_for_update().get(pk=motion.term_id)
        last = Resolution.objects.filter(term_id=motion.term_id).aggregate(n=Max("number"))["n"] or 0
        resolution = Resolution.objects.create(
            term_id=motion.term_id,
            number=last + 1,
            motion=motion,
            poll=poll,
            meeting=meeting,
            adopted_on=timezone.localtime(now).date(),
            title=motion.title,
            text=motion.text,
            language=motion.language,
        )
        translation_services.resolution_translations_copy(resolution=resolution)
    elif poll.outcome == Poll.Outcome.REJECTED:
        _move(motion, Motion.State.REJECTED, user, now)
    else:
        _move(motion, Motion.State.SCHEDULED, user, now)


# --- minutes -----------------------------------------------------------------------


def minutes_assemble(meeting):
    """A first draft of the minutes from the record, in the meeting's language."""
    with translation.override(meeting.language):
        return render_to_string("council/minutes_draft.txt", selectors.meeting_record(meeting)).strip()


def minutes_update(*, minutes, user, text, now=None):
    now = now or timezone.now()
    if not permissions.can_write_minutes(user, minutes.meeting):
        raise RuleBroken(_("Only the secretary, the chair or the vice-chair edits the minutes."))
    if minutes.is_published:
        raise RuleBroken(_("The minutes are published and can no longer be changed."))
    minutes.text = _text(
        text,
        limit=MINUTES_MAX_LENGTH,
        empty_message=_("The minutes cannot be empty."),
        too_long_message=_("The minutes may be at most %(limit)d characters long; these have %(length)d."),
    )
    minutes.updated_at, minutes.updated_by = now, user
    minutes.save(update_fields=["text", "updated_at", "updated_by"])
    return minutes


def minutes_publish(*, minutes, user, now=None):
    now = now or timezone.now()
    if not permissions.can_write_minutes(user, minutes.meeting):
        raise RuleBroken(_("Only the secretary, the chair or the vice-chair publishes the minutes."))
    with transaction.atomic():
        minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
        if minutes.is_published:
            raise RuleBroken(_("The minutes are already published."))
        minutes.state, minutes.published_at, minutes.published_by = Minutes.State.PUBLISHED, now, user
        minutes.save(update_fields=["state", "published_at", "published_by"])
    return minutes


# --- when a person leaves (receivers of accounts.signals, in signals.py) -------------


def speaker_requests_of(user):
    """Whether ``user`` ever had a place on a speakers' list."""
    return SpeakerRequest.objects.filter(user=user).exists()


def speaker_requests_hand_over(*, user, to):
    """``user``'s places on speakers' lists now stand under the stand-in ``to``
    ("a former participant"), because the account is being deleted: a meeting's
    record keeps that someone spoke, without saying who, and every request keeps
    a name (``speaker_has_a_name``).  A place still waiting is withdrawn; one
    being spoken from ends now."""
    now = timezone.now()
    mine = SpeakerRequest.objects.filter(user=user)
    meetings = set(mine.filter(state__in=SpeakerRequest.ACTIVE).values_list("meeting_id", flat=True))
    mine.filter(state=SpeakerRequest.State.WAITING).update(state=SpeakerRequest.State.WITHDRAWN)
    mine.filter(state=SpeakerRequest.State.SPEAKING).update(state=SpeakerRequest.State.DONE, ended_at=now)
    moved = mine.update(user=to)
    for meeting_id in meetings:
        live.meeting_changed(meeting_id)
    return {"speaker_requests": moved}
