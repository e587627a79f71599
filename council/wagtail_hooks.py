"""The council in the Wagtail admin: officials keep the terms, the members'
seats and profiles, and the meetings with their agendas.  Everything that
happens in a meeting (attendance, votes, minutes) is done on the site by the
chair and the secretary, and is never edited here."""

from django import forms
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

from . import dashboard, follow_up_services, recruitment_services
from .follow_up import CityResponseUpdate
from .models import Meeting, Membership, Resolution, Term
from .recruitment import Candidacy, CandidateCall, Substitute, Vacancy


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


# --- membership over time: calls for candidates, decisions, substitutes, vacated seats ---
# The decisions and the seats go through ``recruitment_services``, which holds
# the rules; an application itself is the resident's and is never edited here.


class _RuleBrokenOnTheForm:
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RuleBroken as broken:
            form.add_error(None, broken.message)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class CandidateCallForm(WagtailAdminModelForm):
    class Meta:
        model = CandidateCall
        fields = [
            "term",
            "opens_at",
            "closes_at",
            *[f"title_{code}" for code in ("pl", "en", "uk", "ru")],
            *[f"description_{code}" for code in ("pl", "en", "uk", "ru")],
            "candidates_published",
        ]

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            raise ValidationError(gettext("Applications must close after they open."))
        if not any(data.get(f"title_{code}") for code in ("pl", "en", "uk", "ru")):
            raise ValidationError(gettext("Give the call a title in at least one language."))
        return data


class CandidateCallViewSet(ModelViewSet):
    model = CandidateCall
    icon = "form"
    menu_label = _("Calls for candidates")
    list_display = ["__str__", "term", "opens_at", "closes_at", "candidates_published"]
    list_filter = ["term", "candidates_published"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return CandidateCallForm


class CandidacyDecisionForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(label=_("Decision"), choices=Candidacy.Status.choices[1:])
    seat_from = forms.DateField(
        label=_("Seat held from"),
        required=False,
        help_text=_("When appointed: the first day of the seat. Empty: today, or the term's first day."),
    )

    class Meta:
        model = Candidacy
        fields = []


class CandidacyDecideView(_RuleBrokenOnTheForm, EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return recruitment_services.candidacy_decide(
            candidacy=self.object, status=data["decision"], seat_from=data.get("seat_from"), user=self.request.user
        )


class _Refused:
    """A view the admin offers for every model but that this record has not:
    it says why and goes back to the list."""

    refusal = ""

    def dispatch(self, request, *args, **kwargs):
        messages.error(request, self.refusal)
        return redirect(self.index_url_name)


class CandidacyAddView(_Refused, CreateView):
    refusal = _("Residents send their applications on the site.")


class VacancyDeleteView(_Refused, DeleteView):
    refusal = _("A vacated seat is part of the council's record and is not deleted.")


class CandidacyViewSet(ModelViewSet):
    model = Candidacy
    icon = "user"
    menu_label = _("Candidacies")
    list_display = ["__str__", "call", "status", "consent_to_publish", "created_at"]
    list_filter = ["call", "status", "consent_to_publish"]
    search_fields = ["user__display_name", "community", "languages", "motivation"]
    add_view_class = CandidacyAddView
    edit_view_class = CandidacyDecideView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "call",
        "user",
        "motivation",
        "languages",
        "community",
        "language",
        "consent_to_publish",
        "status",
        "created_at",
        "updated_at",
    ]

    def get_form_class(self, for_update=False):
        return CandidacyDecisionForm


class SubstituteViewSet(ModelViewSet):
    model = Substitute
    icon = "list-ol"
    menu_label = _("Substitutes")
    list_display = ["__str__", "term", "rank", "public", "seat"]
    list_filter = ["term", "public"]
    search_fields = ["user__display_name", "user__username"]
    form_fields = ["term", "user", "rank", "public"]
    copy_view_enabled = False


class VacancyForm(WagtailAdminModelForm):
    substitute_from = forms.DateField(
        label=_("Next substitute takes the seat on"),
        required=False,
        help_text=_("Empty: the seat stays vacant for now; set the date later here."),
    )

    class Meta:
        model = Vacancy
        fields = ["membership", "vacated_on", "reason", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = Membership.objects.filter(vacancy__isnull=True).select_related(
            "user", "term"
        )


class VacancyFillForm(WagtailAdminModelForm):
    substitute_from = forms.DateField(label=_("Next substitute takes the seat on"))

    class Meta:
        model = Vacancy
        fields = []


class VacancyCreateView(_RuleBrokenOnTheForm, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return recruitment_services.seat_vacate(
            membership=data["membership"],
            vacated_on=data["vacated_on"],
            reason=data["reason"],
            note=data.get("note", ""),
            substitute_from=data.get("substitute_from"),
            user=self.request.user,
        )


class VacancyFillView(_RuleBrokenOnTheForm, EditView):
    def save_instance(self):
        return recruitment_services.vacancy_fill(
            vacancy=self.object, starts_on=self.form.cleaned_data["substitute_from"], user=self.request.user
        )


class VacancyViewSet(ModelViewSet):
    model = Vacancy
    icon = "warning"
    menu_label = _("Vacated seats")
    list_display = ["__str__", "vacated_on", "reason", "filled_by"]
    list_filter = ["reason", "membership__term"]
    add_view_class = VacancyCreateView
    edit_view_class = VacancyFillView
    delete_view_class = VacancyDeleteView
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return VacancyFillForm if for_update else VacancyForm


class CouncilViewSetGroup(ViewSetGroup):
    menu_label = _("Council")
    menu_icon = "group"
    menu_order = 270
    items = (
        TermViewSet("council_terms"),
        MembershipViewSet("council_members"),
        MeetingViewSet("council_meetings"),
        CityUpdateViewSet("council_city_answers"),
        CandidateCallViewSet("council_calls"),
        CandidacyViewSet("council_candidacies"),
        SubstituteViewSet("council_substitutes"),
        VacancyViewSet("council_vacancies"),
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
