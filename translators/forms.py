from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from consultations.models import COMMENT_MAX_LENGTH, PROPOSAL_TITLE_MAX_LENGTH

from .models import OTHER_LANGUAGES_MAX_LENGTH, Translator, validate_other_languages


def pair_choices():
    """Every direction between two site languages: ("uk-pl", "Українська → Polski")."""
    return [
        (f"{source}-{target}", f"{source_name} → {target_name}")
        for source, source_name in settings.LANGUAGES
        for target, target_name in settings.LANGUAGES
        if source != target
    ]


class TranslatorForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("I translate as"), choices=Translator.Kind.choices, widget=forms.RadioSelect, initial="volunteer"
    )
    pairs = forms.MultipleChoiceField(
        label=_("I translate from → into"),
        choices=pair_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language pair.")},
    )
    is_sworn = forms.BooleanField(label=_("I am a sworn translator"), required=False)
    other_languages = forms.CharField(
        label=_("Other languages I can interpret (optional)"),
        required=False,
        max_length=OTHER_LANGUAGES_MAX_LENGTH,
        validators=[validate_other_languages],
        help_text=_("As codes, separated by commas: e.g. “be, ka, vi”."),
    )
    is_listed = forms.BooleanField(
        label=_("List me on the public page of translators"),
        required=False,
        help_text=_("Only your public name and your languages are shown; never your e-mail address."),
    )

    def cleaned_pairs(self):
        return [tuple(code.split("-", 1)) for code in self.cleaned_data["pairs"]]

    @classmethod
    def initial_for(cls, translator):
        if translator is None:
            return {}
        return {
            "kind": translator.kind,
            "pairs": [pair.code for pair in translator.pairs.all()],
            "is_sworn": translator.is_sworn,
            "other_languages": translator.other_languages,
            "is_listed": translator.is_listed,
        }


class TranslationForm(forms.Form):
    title = forms.CharField(label=_("Title, translated"), max_length=PROPOSAL_TITLE_MAX_LENGTH)
    text = forms.CharField(
        label=_("Translation"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={"required": _("Please write the translation before sending.")},
    )

    def __init__(self, *args, with_title=False, language=None, max_length=None, **kwargs):
        kwargs.setdefault("auto_id", "translation-%s")
        super().__init__(*args, **kwargs)
        if not with_title:
            del self.fields["title"]
        if max_length:  # a council record is longer than a comment
            self.fields["text"].max_length = max_length
            self.fields["text"].validators = [MaxLengthValidator(max_length)]
            self.fields["text"].widget.attrs["maxlength"] = str(max_length)
        if language:  # the translator writes in the target language: let spell checkers know
            for field in self.fields.values():
                field.widget.attrs["lang"] = language
