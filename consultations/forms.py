from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.detection import AUTO, language_choices, resolve_language
from core.language import current_language

from .models import COMMENT_MAX_LENGTH, PROPOSAL_TITLE_MAX_LENGTH, WORDING_MAX_LENGTH, Report, Source


class CommentForm(forms.Form):
    cached_markup = True  # core.formmarkup: its markup follows from its fields alone

    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=COMMENT_MAX_LENGTH,
        help_text=_("Plain text. Line breaks are kept; links are shown but not followed by search engines."),
        error_messages={"required": _("Please write something before sending.")},
    )
    language = forms.ChoiceField(
        label=_("Language of your comment"),
        choices=language_choices,
        initial=AUTO,
        help_text=_("So that readers and screen readers know which language it is in."),
    )
    section = forms.ChoiceField(label=_("About"), required=False)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    official = forms.BooleanField(label=_("Answer on behalf of the city"), required=False)

    def __init__(self, *args, sections=None, official=False, **kwargs):
        kwargs.setdefault("auto_id", "comment-%s")  # two forms share the page: ids must differ
        super().__init__(*args, **kwargs)
        if not official:
            del self.fields["official"]
        self.fields["section"].choices = [("", _("The whole consultation")), *(sections or {}).items()]

    def clean_language(self):
        """For "auto", the detected language (else the reader's); an explicit choice always wins."""
        return resolve_language(self.cleaned_data["language"], self.cleaned_data.get("text", ""))


class CommentEditForm(forms.Form):
    text = CommentForm.base_fields["text"]


class RatingForm(forms.Form):
    rating = forms.ChoiceField(choices=[("up", "up"), ("down", "down"), ("none", "none")])


class ProposalForm(forms.Form):
    cached_markup = True  # core.formmarkup: its markup follows from its fields alone

    title = forms.CharField(label=_("Title of your proposal"), max_length=PROPOSAL_TITLE_MAX_LENGTH)
    text = forms.CharField(
        label=_("What do you propose, and why?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={"required": _("Please write something before sending.")},
    )
    language = forms.ChoiceField(label=_("Language of your proposal"), choices=language_choices, initial=AUTO)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "proposal-%s")
        super().__init__(*args, **kwargs)

    def clean_language(self):
        return resolve_language(self.cleaned_data["language"], self.cleaned_data.get("text", ""))


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("What is wrong with this comment?"), choices=Report.Reason.choices)
    details = forms.CharField(
        label=_("Details (optional)"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, shown to the author"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={"required": _("Please give a reason; it is shown to the author and kept in the log.")},
    )


class FacilitatedCommentForm(forms.Form):
    """What a facilitator types in on behalf of a resident who agreed to it."""

    text = forms.CharField(
        label=_("The resident's comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=COMMENT_MAX_LENGTH,
        help_text=_("As the resident said or wrote it, in their language."),
        error_messages={"required": _("Please write something before sending.")},
    )
    language = forms.ChoiceField(label=_("Language of the comment"), choices=settings.LANGUAGES)
    section = forms.ChoiceField(label=_("About"), required=False)
    source = forms.ChoiceField(
        label=_("Where does it come from?"),
        choices=Source.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where the comment comes from.")},
    )
    resident_name = forms.CharField(
        label=_("Name the resident chose to be shown (optional)"),
        required=False,
        max_length=60,
        help_text=_("Leave empty to show “a resident”. Never a name the resident did not choose."),
    )
    consent = forms.BooleanField(
        label=_("The resident agreed that this comment is published here"),
        error_messages={"required": _("Record that the resident agreed to their comment being published here.")},
    )

    def __init__(self, *args, sections=None, **kwargs):
        kwargs.setdefault("auto_id", "facilitated-%s")
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()
        self.fields["section"].choices = [("", _("The whole consultation")), *(sections or {}).items()]


class PseudonymForm(forms.Form):
    """The name a resident writes under in one consultation."""

    cached_markup = True  # core.formmarkup: its markup follows from its fields alone

    name = forms.CharField(
        label=_("Your name in this consultation"),
        max_length=60,
        help_text=_("Shown instead of your public name on everything you write here. You may use a pseudonym."),
        error_messages={"required": _("Please enter the name you want to use in this consultation.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "pseudonym-%s")
        super().__init__(*args, **kwargs)


class WordingForm(forms.Form):
    text = forms.CharField(
        label=_("Your wording of this section"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=WORDING_MAX_LENGTH,
        strip=False,
        help_text=_("The section's text is filled in: change it where you want it changed."),
        error_messages={"required": _("Please write the wording you propose.")},
    )
    note = forms.CharField(
        label=_("Why? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "wording-%s")
        super().__init__(*args, **kwargs)
