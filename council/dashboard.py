"""Reads for the officials' dashboard in the Wagtail admin: the council's
next meeting and the motions that wait for an agenda.  Three queries."""

from .models import AgendaItem, Meeting, Motion


def next_agenda(*, now):
    """The next scheduled meeting (or None) and the motions on its agenda, in order."""
    meeting = (
        Meeting.objects.filter(status=Meeting.Status.SCHEDULED, starts_at__gte=now).order_by("starts_at", "pk").first()
    )
    if meeting is None:
        return None, []
    items = (
        AgendaItem.objects.filter(meeting=meeting, motion__isnull=False)
        .select_related("motion__term")
        .order_by("sort_order", "pk")
    )
    return meeting, [item.motion for item in items]


def motions_waiting_for_an_agenda():
    return Motion.objects.filter(state=Motion.State.SUBMITTED).count()
