"""A council member's own record, for their page ("My participation"): their
motions (drafts too: only they see this), the meetings of their terms with
their attendance, and how they voted in named polls.  Secret ballots are not
listed: not even the member's own page may show a secret vote."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, Subquery

from .models import Attendance, Ballot, Meeting, Membership, Motion, Poll

LIMIT = 100  # per list; the member's public page and the data download hold the rest


@dataclass
class MemberRecord:
    memberships: list
    motions: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    ballots: list = field(default_factory=list)


def member_record_of(*, user):
    """``user``'s council record, or None when they never held a seat.  Four
    queries (one when they never did)."""
    memberships = list(Membership.objects.filter(user=user).select_related("term").order_by("-starts_on"))
    if not memberships:
        return None
    motions = list(
        Motion.objects.filter(Q(submitter=user) | Q(sponsors=user))
        .distinct()
        .select_related("term")
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    my_attendance = Attendance.objects.filter(meeting=OuterRef("pk"), membership__user=user).values("state")[:1]
    meetings = list(
        Meeting.objects.filter(term__in={m.term_id for m in memberships})
        .annotate(my_attendance=Subquery(my_attendance))
        .order_by("-starts_at")[:LIMIT]
    )
    states = dict(Attendance.State.choices)
    for meeting in meetings:
        meeting.my_attendance_label = states.get(meeting.my_attendance)
    ballots = list(
        Ballot.objects.filter(member__user=user, secret=False, poll__state=Poll.State.CLOSED)
        .select_related("poll__agenda_item__meeting", "poll__motion__term", "option")
        .order_by("-poll__closed_at", "-pk")[:LIMIT]
    )
    return MemberRecord(memberships=memberships, motions=motions, meetings=meetings, ballots=ballots)
