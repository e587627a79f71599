"""The council in the Wagtail admin: officials keep the terms, the members'
seats and profiles, and the meetings with their agendas.  Everything that
happens in a meeting (attendance, votes, minutes) is done on the site by the
chair and the secretary, and is never edited here."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import DeleteView, EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_panels import Row, WaitingPanel

from . import dashboard
from .models import Meeting, Membership, Term


class TermViewSet(ModelViewSet):
    model = Term
    icon = "date"
    menu_label = _("Terms")
    list_display = ["__str__", "starts_on", "ends_on"]
    form_fields = ["number", "starts_on", "ends_on"]
    copy_view_enabled = False


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Members")
    list_display = ["user", "role", "term", "starts_on", "ends_on"]
    list_filter = ["term", "role"]
    search_fields = ["user__display_name", "user__username", "community"]
    copy_view_enabled = False


class _OnlyBeforeTheMeeting:
    """A meeting that has started is a record: its agenda is no longer edited here."""

    def dispatch(self, request, *args, **kwargs):
        if self.get_object().status != Meeting.Status.SCHEDULED:
            messages.error(request, _("This meeting has started; its record can no longer be changed."))
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


class MeetingEditView(_OnlyBeforeTheMeeting, EditView):
    pass


class MeetingDeleteView(_OnlyBeforeTheMeeting, DeleteView):
    pass


class MeetingViewSet(ModelViewSet):
    model = Meeting
    icon = "calendar"
    menu_label = _("Meetings")
    list_display = ["__str__", "term", "starts_at", "place", "status"]
    list_filter = ["term", "status"]
    edit_view_class = MeetingEditView
    delete_view_class = MeetingDeleteView
    copy_view_enabled = False


class CouncilViewSetGroup(ViewSetGroup):
    menu_label = _("Council")
    menu_icon = "group"
    menu_order = 270
    items = (TermViewSet("council_terms"), MembershipViewSet("council_members"), MeetingViewSet("council_meetings"))


@hooks.register("register_admin_viewset")
def register_council():
    return CouncilViewSetGroup()


@hooks.register("construct_homepage_panels")
def next_agenda_panel(request, panels):
    """Motions on the next meeting's agenda, and those submitted but on no agenda yet."""
    if not request.user.has_perm("council.change_meeting"):
        return
    meeting, motions = dashboard.next_agenda(now=timezone.now())
    rows = [
        Row(label=f"{motion.label}: {motion.title}", count=None, url=motion.get_absolute_url()) for motion in motions
    ]
    waiting = dashboard.motions_waiting_for_an_agenda()
    rows.append(Row(label=gettext("Submitted motions on no agenda yet"), count=waiting, url=reverse("council:motions")))
    if meeting is not None:
        heading = gettext("Motions on the next agenda: %(meeting)s, %(day)s") % {
            "meeting": meeting,
            "day": date_format(timezone.localtime(meeting.starts_at), "j E Y"),
        }
        rows.insert(
            0,
            Row(
                label=gettext("The meeting's agenda"),
                count=len(motions),
                url=reverse("council_meetings:edit", args=[meeting.pk]),
            ),
        )
    else:
        heading = gettext("Motions on the next agenda: no meeting is scheduled")
    panels.append(WaitingPanel(name="next-agenda", heading=heading, rows=rows, order=50, empty="", total=len(motions)))
