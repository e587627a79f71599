"""The council in the Wagtail admin: officials keep the terms, the members'
seats and profiles, and the meetings with their agendas.  Everything that
happens in a meeting (attendance, votes, minutes) is done on the site by the
chair and the secretary, and is never edited here."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.models import CreateView, DeleteView, EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_panels import Row, WaitingPanel
from core.errors import RuleBroken

from . import dashboard, follow_up_services
from .follow_up import CityResponseUpdate
from .models import Meeting, Membership, Resolution, Term


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


# --- the city's follow-up of resolutions -------------------------------------------
# Officials record each step through ``follow_up_services``, which holds the
# rules; a recorded step keeps its date and status (the council was told of
# it), only its unit and wording can be corrected.

TEXT_FIELDS = ["text_pl", "text_en", "text_uk", "text_ru"]


def _texts(data):
    return {field.removeprefix("text_"): data.get(field) or "" for field in TEXT_FIELDS}


class CityUpdateForm(WagtailAdminModelForm):
    class Meta:
        model = CityResponseUpdate
        fields = ["resolution", "date", "status", "unit", *TEXT_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resolution"].queryset = Resolution.objects.select_related("term").order_by(
            "-adopted_on", "-number"
        )
        self.fields["date"].initial = timezone.localdate

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        reason = follow_up_services.why_cannot_add(
            resolution=data["resolution"],
            date=data["date"],
            status=data["status"],
            unit=data["unit"],
            texts=_texts(data),
            today=timezone.localdate(),
        )
        if reason:
            raise ValidationError(reason)
        return data


class CityUpdateCorrectionForm(WagtailAdminModelForm):
    class Meta:
        model = CityResponseUpdate
        fields = ["unit", *TEXT_FIELDS]


class CityUpdateCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return follow_up_services.city_update_add(
            resolution=data["resolution"],
            date=data["date"],
            status=data["status"],
            unit=data["unit"],
            texts=_texts(data),
            user=self.request.user,
            today=timezone.localdate(),
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RuleBroken as broken:
            form.add_error(None, broken.message)
            return self.form_invalid(form)


class CityUpdateEditView(EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return follow_up_services.city_update_correct(update=self.object, unit=data["unit"], texts=_texts(data))

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RuleBroken as broken:
            form.add_error(None, broken.message)
            return self.form_invalid(form)


class CityUpdateViewSet(ModelViewSet):
    model = CityResponseUpdate
    icon = "tasks"
    menu_label = _("City's answers")
    list_display = ["resolution", "date", "status", "unit"]
    list_filter = ["status", "resolution__term"]
    search_fields = ["unit", "resolution__title"]
    add_view_class = CityUpdateCreateView
    edit_view_class = CityUpdateEditView
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return CityUpdateCorrectionForm if for_update else CityUpdateForm


class CouncilViewSetGroup(ViewSetGroup):
    menu_label = _("Council")
    menu_icon = "group"
    menu_order = 270
    items = (
        TermViewSet("council_terms"),
        MembershipViewSet("council_members"),
        MeetingViewSet("council_meetings"),
        CityUpdateViewSet("council_city_answers"),
    )


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
