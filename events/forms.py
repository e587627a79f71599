import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from consultations.models import ConsultationPage

from .models import MAX_CHILDREN, NOTE_MAX_LENGTH, OTHER_LANGUAGE, AccessRequest


def interpreter_choices():
    return [("", _("No interpreter needed")), *settings.LANGUAGES, (OTHER_LANGUAGE, _("Another language"))]


class RegistrationForm(forms.Form):
    interpreter_language = forms.ChoiceField(label=_("Interpreter into"), choices=interpreter_choices, required=False)
    other_language = forms.CharField(
        label=_("Other language"),
        max_length=60,
        required=False,
        help_text=_("If you chose another language: which one?"),
    )
    sign_language = forms.BooleanField(label=_("I need a Polish Sign Language (PJM) interpreter"), required=False)
    children = forms.IntegerField(
        label=_("Childcare: number of children"),
        min_value=0,
        max_value=MAX_CHILDREN,
        required=False,
        initial=0,
    )
    children_ages = forms.CharField(label=_("Ages of the children (optional)"), max_length=100, required=False)
    step_free = forms.BooleanField(label=_("I need step-free access"), required=False)
    note = forms.CharField(
        label=_("Anything else the organisers should know (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX_LENGTH,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("interpreter_language") == OTHER_LANGUAGE and not (data.get("other_language") or "").strip():
            self.add_error("other_language", _("Please write which language you need an interpreter into."))
        data["children"] = data.get("children") or 0
        return data


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (AccessRequest.Status.CONFIRMED, AccessRequest.Status.CONFIRMED.label),
            (AccessRequest.Status.DECLINED, AccessRequest.Status.DECLINED.label),
        ],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Note to the resident (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=NOTE_MAX_LENGTH,
        required=False,
    )


def consultation_choices():
    """One choice per consultation (not per translation), titled in the default language when it exists."""
    titles = {}
    for key, title, language in ConsultationPage.objects.order_by("pk").values_list(
        "translation_key", "title", "locale__language_code"
    ):
        if key not in titles or language == settings.LANGUAGE_CODE:
            titles[key] = title
    return [(key, title) for key, title in sorted(titles.items(), key=lambda item: item[1])]


class EventAdminForm(WagtailAdminModelForm):
    consultation_key = forms.TypedChoiceField(
        label=_("Consultation"),
        choices=lambda: [("", _("None: an event of its own")), *consultation_choices()],
        coerce=uuid.UUID,
        empty_value=None,
        required=False,
    )
    spoken_languages = forms.MultipleChoiceField(
        label=_("Languages spoken at the event"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Without an interpreter."),
    )

    def clean(self):
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("An event must end after it starts."))
        return data
