"""Forms of the interpreting requests: what an official asks for, and a
translator's answer.  They only parse input; the rules are in ``interpreting``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .languages import LANGUAGES
from .models import ANSWER_MAX_LENGTH, SUBJECT_MAX_LENGTH, InterpretingRequest


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format="%Y-%m-%dT%H:%M")


class InterpretingRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is needed"),
        choices=InterpretingRequest.Kind.choices,
        initial=InterpretingRequest.Kind.INTERPRETING,
    )
    source_language = forms.ChoiceField(label=_("From"), choices=LANGUAGES, initial="pl")
    target_language = forms.ChoiceField(label=_("Into"), choices=[("", "—"), *LANGUAGES])
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(
        label=_("Ends at"), widget=DateTimeInput(), help_text=_("For a written translation: the deadline.")
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    is_online = forms.BooleanField(label=_("Online"), required=False)
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX_LENGTH)
    unit = forms.CharField(label=_("City unit or organiser"), max_length=200)
    needs_sworn = forms.BooleanField(label=_("A sworn translator is needed"), required=False)


class AssignForm(forms.Form):
    translator = forms.IntegerField(widget=forms.HiddenInput)


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("I accept")), ("decline", _("I decline"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you accept or decline.")},
    )
    note = forms.CharField(
        label=_("Note for the city (optional)"),
        max_length=ANSWER_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
