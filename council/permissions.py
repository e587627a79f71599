"""Who may do what in the council: one function per rule, used by views,
services and templates alike.  ``why_cannot_…`` functions return None when the
action is allowed and otherwise the reason, translated, to show as is."""

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Attendance, Meeting, Membership, Motion, Poll, Role

CHAIR_ROLES = (Role.CHAIR, Role.VICE_CHAIR)
RECORD_KEEPERS = (Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY)


def membership_of(user, term, day=None):
    """The user's seat in ``term`` held on ``day`` (today by default), or None.
    Remembered on the user object for the rest of the request."""
    if not getattr(user, "is_authenticated", False) or term is None:
        return None
    day = day or timezone.localdate()
    memo = user.__dict__.setdefault("_rada_memberships", {})
    key = (term.pk, day)
    if key not in memo:
        memo[key] = Membership.objects.current_on(day).filter(term=term, user=user).select_related("term").first()
    return memo[key]


def seat_at(user, meeting):
    """The user's seat on the day of ``meeting``."""
    return membership_of(user, meeting.term, meeting.day)


def can_chair(user, meeting):
    seat = seat_at(user, meeting)
    return seat is not None and seat.role in CHAIR_ROLES


def can_keep_attendance(user, meeting):
    seat = seat_at(user, meeting)
    return seat is not None and seat.role in RECORD_KEEPERS


def can_write_minutes(user, meeting):
    return can_keep_attendance(user, meeting)


def why_cannot_run(user, meeting):
    """For every chair action: the chair or vice-chair of the meeting's term."""
    if not getattr(user, "is_authenticated", False):
        return _("Log in to run a meeting.")
    if seat_at(user, meeting) is None:
        return _("You are not a member of the council in this term.")
    if not can_chair(user, meeting):
        return _("Only the chair or the vice-chair can do this.")
    return None


def why_cannot_keep_attendance(user, meeting):
    if not getattr(user, "is_authenticated", False):
        return _("Log in to keep the attendance list.")
    if not can_keep_attendance(user, meeting):
        return _("Only the chair, the vice-chair or the secretary keeps the attendance list.")
    if meeting.status != Meeting.Status.LIVE:
        return _("Attendance is kept while the meeting is in progress.")
    return None


def why_cannot_check_in(user, meeting):
    if not getattr(user, "is_authenticated", False):
        return _("Log in to check in.")
    if seat_at(user, meeting) is None:
        return _("You are not a member of the council in this term.")
    if meeting.status != Meeting.Status.LIVE:
        return _("You can check in while the meeting is in progress.")
    return None


def why_cannot_vote(user, poll, *, meeting=None, attendance_state=None, has_voted=False):
    """Why ``user`` may not vote in ``poll`` now.  The caller passes what it has
    read (under the poll's lock, for the service); every reason is specific."""
    meeting = meeting or poll.agenda_item.meeting
    if not getattr(user, "is_authenticated", False):
        return _("Log in to vote.")
    seat = seat_at(user, meeting)
    if seat is None:
        return _("You are not a member of the council in this term, so you cannot vote.")
    if poll.state == Poll.State.DRAFT:
        return _("This vote has not been opened yet.")
    if poll.state == Poll.State.CLOSED:
        return _("This vote is closed.")
    if meeting.status != Meeting.Status.LIVE:
        return _("The meeting is not in progress.")
    if has_voted:
        return _("You have already voted in this poll. A ballot is final.")
    if attendance_state == Attendance.State.CHECKED_IN:
        return _("Your check-in has not been confirmed yet. Ask the secretary to mark you present.")
    if attendance_state != Attendance.State.PRESENT:
        return _("Only members marked present can vote. Check in and ask the secretary to confirm you.")
    return None


def why_cannot_ask_to_speak(user, meeting):
    if not getattr(user, "is_authenticated", False):
        return _("Log in to ask to speak.")
    if meeting.status != Meeting.Status.LIVE:
        return _("You can ask to speak while the meeting is in progress.")
    if seat_at(user, meeting) is None and not meeting.guests_may_speak:
        return _("Only members of the council can ask to speak; the chair has not opened the list to guests.")
    return None


# --- motions ----------------------------------------------------------------


def can_view_motion(user, motion):
    """Submitted motions are public; a draft is seen by the members of its term."""
    return motion.is_public or membership_of(user, motion.term) is not None


def why_cannot_write_motion(user, term):
    if not getattr(user, "is_authenticated", False):
        return _("Log in to write a motion.")
    if term is None or membership_of(user, term) is None:
        return _("Only members of the council can write motions.")
    return None


def can_edit_motion(user, motion):
    return motion.state == Motion.State.DRAFT and motion.submitter_id == getattr(user, "pk", None)


def why_cannot_sponsor(user, motion):
    if membership_of(user, motion.term) is None:
        return _("Only members of the council can co-sponsor a motion.")
    if motion.submitter_id == user.pk:
        return _("You submitted this motion; co-sponsors are other members.")
    if motion.state not in (Motion.State.DRAFT, Motion.State.SUBMITTED):
        return _("A motion can be co-sponsored until it is put on an agenda.")
    return None


def why_cannot_submit(user, motion):
    if motion.submitter_id != getattr(user, "pk", None):
        return _("Only the member who drafted the motion can submit it.")
    if motion.state != Motion.State.DRAFT:
        return _("This motion has already been submitted.")
    if membership_of(user, motion.term) is None:
        return _("You are no longer a member of the council in this term.")
    return None


def why_cannot_withdraw(user, motion):
    if motion.submitter_id != getattr(user, "pk", None):
        return _("Only the member who submitted the motion can withdraw it.")
    if motion.state == Motion.State.VOTING:
        return _("The motion is being voted on; it can no longer be withdrawn.")
    if motion.state in Motion.FINAL:
        return _("The council has already decided on this motion.")
    return None


def why_cannot_schedule(user, motion, meeting=None):
    """Putting ``motion`` on the agenda of ``meeting`` (or, without one, of any meeting)."""
    if not getattr(user, "is_authenticated", False) or membership_of(user, motion.term) is None:
        return _("You are not a member of the council in this term.")
    if membership_of(user, motion.term).role not in CHAIR_ROLES:
        return _("Only the chair or the vice-chair puts motions on the agenda.")
    if motion.state != Motion.State.SUBMITTED:
        return _("Only a submitted motion that is not yet on an agenda can be scheduled.")
    if meeting is None:
        return None
    if meeting.term_id != motion.term_id:
        return _("The meeting belongs to another term.")
    if meeting.status == Meeting.Status.CLOSED:
        return _("That meeting is closed.")
    return None


# --- translations of the council's records ------------------------------------------


def can_translate_record(user, record):
    """Whether ``user`` writes translations of ``record`` as the council: the
    motion's author (of a motion, and of the resolution it became), or the
    secretary, the chair or the vice-chair of its term (of any record).
    Volunteer translators translate public records through their queue
    (``translators``), which checks who they are."""
    if not getattr(user, "is_authenticated", False):
        return False
    kind = record._meta.model_name
    motion = record if kind == "motion" else getattr(record, "motion", None)
    if motion is not None and motion.submitter_id == user.pk:
        return True
    term = record.meeting.term if kind == "minutes" else record.term
    seat = membership_of(user, term)
    return seat is not None and seat.role in RECORD_KEEPERS


def why_not_public_record(record):
    """None when ``record`` is public, so that anyone may read it and a
    volunteer may translate it; else why not."""
    kind = record._meta.model_name
    if kind == "motion" and not record.is_public:
        return _("A draft motion is not public yet.")
    if kind == "minutes" and not record.is_published:
        return _("The minutes are not published yet.")
    return None
