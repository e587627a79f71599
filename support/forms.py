import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.areas import Area
from core.detection import AUTO, language_choices, resolve_language

from .models import CODE_LENGTH, QUESTION_MAX_LENGTH, REPORT_TEXT_MAX_LENGTH, Report, normalise_code
from .services import report_closed_now

PHONE = re.compile(r"^\+?[0-9 ()\-]{7,25}$")


class AreaLanguageFilter(forms.Form):
    area = forms.ChoiceField(label=_("Thematic area"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)

    def __init__(self, *args, spoken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("All areas")), *Area.choices]
        self.fields["language"].choices = [("", _("Any language")), *spoken]

    def value(self, name):
        """The chosen value, or "" when none or not one of the choices (the other filter still applies)."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get(name) or ""


class AskForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Write in any language. Do not send documents or their numbers: the city will never ask for them here."
        ),
    )
    language = forms.ChoiceField(label=_("Language of your question"), initial=AUTO)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("We send the answer here. We use it for nothing else."),
    )
    may_publish = forms.BooleanField(
        label=_("The answer may be published without my name or details, to help others with the same question."),
        required=False,
    )

    def __init__(self, *args, has_address=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        if has_address:
            del self.fields["email"]
        else:
            self.fields["email"].required = True

    def cleaned_language(self):
        return resolve_language(self.cleaned_data["language"], self.cleaned_data.get("text", ""))


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("In the language of the question. It is e-mailed to the person who asked."),
    )
    publish = forms.BooleanField(label=_("Publish as a frequently asked question"), required=False)
    faq_question = forms.CharField(
        label=_("The question as everyone will read it"),
        max_length=500,
        required=False,
        help_text=_("Without names, dates, addresses or anything else that would identify the person."),
    )
    faq_answer = forms.CharField(
        label=_("The answer as everyone will read it"),
        max_length=QUESTION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    area = forms.ChoiceField(label=_("Thematic area"), required=False, choices=[("", "—"), *Area.choices])

    def __init__(self, *args, may_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            for name in ("publish", "faq_question", "faq_answer", "area"):
                del self.fields[name]


class ReportForm(forms.Form):
    what_happened = forms.CharField(
        label=_("What happened?"),
        max_length=REPORT_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("In any language, in your own words. Write only what you want to tell us."),
    )
    where = forms.CharField(
        label=_("Where did it happen?"),
        max_length=300,
        required=False,
        help_text=_("For example: a tram on line 8, an office, a shop, a website."),
    )
    when = forms.CharField(
        label=_("When did it happen?"), max_length=200, required=False, help_text=_("A date or roughly when.")
    )
    still_happening = forms.ChoiceField(
        label=_("Is it still happening?"), choices=Report.StillHappening.choices, widget=forms.RadioSelect
    )
    contact = forms.ChoiceField(
        label=_("Do you want a case worker to contact you?"),
        choices=Report.Contact.choices,
        widget=forms.RadioSelect,
        required=False,
        initial="",
    )
    contact_email = forms.EmailField(label=_("E-mail address (if you chose e-mail)"), required=False)
    contact_phone = forms.CharField(label=_("Phone number (if you chose phone)"), max_length=30, required=False)
    counted = forms.BooleanField(
        label=_(
            "You may count my report in the public statistics (only numbers, by area, kind and quarter; "
            "never what I wrote)."
        ),
        required=False,
    )

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Write the phone number with digits only, for example +48 500 600 700."))
        return phone

    def clean(self):
        cleaned = super().clean()
        contact = cleaned.get("contact")
        if contact == Report.Contact.EMAIL and not cleaned.get("contact_email") and "contact_email" not in self.errors:
            self.add_error("contact_email", _("Please give the e-mail address we may write to."))
        if contact == Report.Contact.PHONE and not cleaned.get("contact_phone") and "contact_phone" not in self.errors:
            self.add_error("contact_phone", _("Please give the phone number we may call."))
        return cleaned

    def cleaned_language(self):
        return resolve_language(AUTO, self.cleaned_data.get("what_happened", ""))


class StatusForm(forms.Form):
    code = forms.CharField(
        label=_("Reference code"),
        max_length=40,
        help_text=_("The 12 letters and digits you received when you sent the report, for example ABCD-EFGH-JKMN."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(_("A reference code has 12 letters and digits."))
        return code


class ReportAdminForm(WagtailAdminModelForm):
    """The case worker's form: closing a report records when, so that its
    personal data is deleted on time."""

    def save(self, commit=True):
        previous = Report.objects.filter(pk=self.instance.pk).values_list("status", flat=True).first()
        report_closed_now(self.instance, previous_status=previous)
        return super().save(commit=commit)
