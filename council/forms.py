from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core import opinions
from core.areas import Area
from core.language import current_language

from .models import MINUTES_MAX_LENGTH, MOTION_TEXT_MAX_LENGTH, MOTION_TITLE_MAX_LENGTH, Poll
from .services import QUESTION_MAX_LENGTH


class MotionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=MOTION_TITLE_MAX_LENGTH)
    text = forms.CharField(
        label=_("Text of the motion"),
        max_length=MOTION_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What the council is asked to decide, as it would stand in the resolution."),
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        max_length=MOTION_TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Why the council should adopt it."),
    )
    area = forms.ChoiceField(label=_("Thematic area"), choices=[("", _("None"))] + Area.choices, required=False)
    language = forms.ChoiceField(
        label=_("Language of the motion"),
        choices=settings.LANGUAGES,
        help_text=_("The language you write in; readers' browsers use it to show and read the text correctly."),
    )
    consultation_key = forms.ChoiceField(
        label=_("The council's opinion on a consultation"),
        required=False,
        help_text=_("If adopted, the resolution is shown on that consultation's page, and the city answers it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()
        self.fields["consultation_key"].choices = [("", _("None")), *opinions.subjects(current_language())]


class PollForm(forms.Form):
    question = forms.CharField(label=_("Question"), max_length=QUESTION_MAX_LENGTH)
    method = forms.ChoiceField(label=_("What is voted"), choices=Poll.Method.choices, widget=forms.RadioSelect)
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For a choice: one option per line (for example, one candidate per line)."),
    )
    kind = forms.ChoiceField(label=_("Kind of vote"), choices=Poll.Kind.choices, widget=forms.RadioSelect)
    majority = forms.ChoiceField(label=_("Majority required"), choices=Poll.Majority.choices)
    quorum = forms.IntegerField(
        label=_("Quorum"),
        required=False,
        min_value=1,
        max_value=999,
        help_text=_("Members who must be present for the vote to be valid. Empty: half of the members."),
    )
    on_motion = forms.BooleanField(
        label=_("This vote decides the motion on this item"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, has_motion=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].initial = Poll.Method.YES_NO
        self.fields["kind"].initial = Poll.Kind.NAMED
        self.fields["majority"].initial = Poll.Majority.SIMPLE
        if not has_motion:
            del self.fields["on_motion"]


class MinutesForm(forms.Form):
    text = forms.CharField(
        label=_("Minutes"),
        max_length=MINUTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_("Assembled from the record; add what was said. The voting record is attached as it stands."),
    )
