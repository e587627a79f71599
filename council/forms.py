from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from core import opinions
from core.areas import Area
from core.language import LANGUAGE_CODES, current_language

from .models import MINUTES_MAX_LENGTH, MOTION_TEXT_MAX_LENGTH, MOTION_TITLE_MAX_LENGTH, Poll
from .recruitment import CANDIDATE_LINE_MAX_LENGTH, MOTIVATION_MAX_LENGTH
from .services import MAX_OPTIONS, PAPER_COUNT_MAX, QUESTION_MAX_LENGTH
from .translations import TRANSLATED_TEXT_MAX_LENGTH, TRANSLATED_TITLE_MAX_LENGTH


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
        self.fields["consultation_key"].choices = [
            ("", _("None")),
            *((subject.key, subject.title) for subject in opinions.subjects(current_language())),
        ]


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
    base = forms.ChoiceField(
        label=_("Majority counted of"),
        choices=Poll.Base.choices,
        required=False,
        help_text=_(
            "For a qualified majority (more than half, three fifths, two thirds). The statutory membership is"
            " every seat of the council on the day of the meeting, however many members came."
        ),
    )
    seats = forms.IntegerField(
        label=_("Seats to fill"),
        required=False,
        min_value=1,
        max_value=MAX_OPTIONS,
        initial=1,
        help_text=_("For an election: how many candidates are elected."),
    )
    votes_per_ballot = forms.IntegerField(
        label=_("Votes per ballot"),
        required=False,
        min_value=1,
        max_value=MAX_OPTIONS,
        initial=1,
        help_text=_("For an election: how many candidates each member may choose, at most one per seat."),
    )
    quorum_rule = forms.ChoiceField(label=_("Quorum rule"), choices=Poll.QuorumRule.choices, required=False)
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

    def __init__(self, *args, has_motion=False, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The question in the other languages, right after it: the meeting's
        # own (``language``) is the question itself, so it has no field.
        self.translation_codes = [code for code in LANGUAGE_CODES if code != language]
        for position, code in enumerate(self.translation_codes):
            self.fields[f"question_{code}"] = forms.CharField(
                label=capfirst(Poll._meta.get_field(f"question_{code}").verbose_name),
                max_length=QUESTION_MAX_LENGTH,
                required=False,
                widget=forms.TextInput(attrs={"lang": code}),
                help_text=(
                    ""
                    if position
                    else _("Optional. Readers of another language see the question in the meeting's language.")
                ),
            )
        self.order_fields(["question", *(f"question_{code}" for code in self.translation_codes)])
        self.fields["method"].initial = Poll.Method.YES_NO
        self.fields["kind"].initial = Poll.Kind.NAMED
        self.fields["majority"].initial = Poll.Majority.SIMPLE
        self.fields["base"].initial = Poll.Base.CAST
        self.fields["quorum_rule"].initial = Poll.QuorumRule.HALF
        if not has_motion:
            del self.fields["on_motion"]

    def clean(self):
        # Left out, the rules every poll followed before they could be chosen.
        data = super().clean()
        data["base"] = data.get("base") or Poll.Base.CAST
        data["quorum_rule"] = data.get("quorum_rule") or Poll.QuorumRule.HALF
        data["seats"] = data.get("seats") or 1
        data["votes_per_ballot"] = data.get("votes_per_ballot") or 1
        return data

    def translations(self):
        """``{language: question}`` as written in the form, for ``services.poll_create``."""
        return {code: self.cleaned_data.get(f"question_{code}", "") for code in self.translation_codes}


class PaperCountForm(forms.Form):
    """The secretary's count of a show of hands or of paper ballots: one
    number per option, the invalid ballots, and, when a ballot carries several
    votes, the number of valid paper ballots."""

    def __init__(self, *args, poll, **kwargs):
        kwargs.setdefault("auto_id", f"id_poll{poll.pk}_%s")  # several polls may stand on one page
        super().__init__(*args, **kwargs)
        self.poll = poll
        for option in poll.options.all():
            self.fields[f"option_{option.pk}"] = forms.IntegerField(
                label=option.label, min_value=0, max_value=PAPER_COUNT_MAX, initial=option.paper_votes
            )
        if poll.several_votes:
            self.fields["ballots"] = forms.IntegerField(
                label=_("Valid paper ballots"), min_value=0, max_value=PAPER_COUNT_MAX, initial=poll.paper_ballots
            )
        self.fields["invalid"] = forms.IntegerField(
            label=_("Invalid ballots"), min_value=0, max_value=PAPER_COUNT_MAX, initial=poll.invalid_ballots
        )
        for field in self.fields.values():
            field.widget.attrs["inputmode"] = "numeric"

    def counts(self):
        return {option.pk: self.cleaned_data[f"option_{option.pk}"] for option in self.poll.options.all()}


class MinutesForm(forms.Form):
    text = forms.CharField(
        label=_("Minutes"),
        max_length=MINUTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_("Assembled from the record; add what was said. The voting record is attached as it stands."),
    )


class RecordTranslationsForm(forms.Form):
    """The record's title and text in each of the site's other languages, as
    the author or the secretary writes them; an emptied text removes that
    language's translation."""

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = [code for code in LANGUAGE_CODES if code != record.language]
        self.with_title = record._meta.model_name != "minutes"
        existing = {found.language: found for found in record.translations.all()}
        for code in self.codes:
            name = get_language_info(code)["name_translated"]
            found = existing.get(code)
            if self.with_title:
                self.fields[f"title_{code}"] = forms.CharField(
                    label=_("Title in %(language)s") % {"language": name},
                    max_length=TRANSLATED_TITLE_MAX_LENGTH,
                    required=False,
                    initial=found.title if found else "",
                )
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("Text in %(language)s") % {"language": name},
                max_length=TRANSLATED_TEXT_MAX_LENGTH,
                required=False,
                widget=forms.Textarea(attrs={"rows": 8, "lang": code}),
                initial=found.text if found else "",
            )
            if self.with_title:
                self.fields[f"title_{code}"].widget.attrs["lang"] = code

    def translations(self):
        """``[(language, title, text)]`` as written in the form."""
        data = self.cleaned_data
        return [(code, data.get(f"title_{code}", ""), data.get(f"text_{code}", "")) for code in self.codes]


class CandidacyForm(forms.Form):
    """An application to a call for candidates; the rules are in ``recruitment_services``."""

    motivation = forms.CharField(
        label=_("Why would you like to serve on the council?"),
        max_length=MOTIVATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("In any language. What you would like to bring to the council, and your experience."),
    )
    languages = forms.CharField(
        label=_("Languages you speak"),
        max_length=CANDIDATE_LINE_MAX_LENGTH,
        help_text=_("For example: Ukrainian, Polish, English."),
    )
    community = forms.CharField(
        label=_("Community or organisation"),
        max_length=CANDIDATE_LINE_MAX_LENGTH,
        required=False,
        help_text=_("Optional: the community or organisation you are part of."),
    )
    language = forms.ChoiceField(label=_("Language of your application"), choices=settings.LANGUAGES)
    consent_to_publish = forms.BooleanField(
        label=_("I agree that my name, languages, community and motivation are published on the list of candidates"),
        required=False,
        help_text=_("Without your agreement your application is seen only by the officials who review it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()
