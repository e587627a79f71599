from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DISPLAY_NAME_MAX_LENGTH


class SignupForm(forms.Form):
    """Extra sign-up field for allauth: the public name, which may be a pseudonym."""

    display_name = forms.CharField(
        label=_("Public name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        help_text=_("Shown next to what you write. You may use a pseudonym."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    field_order = ["email", "display_name", "password1", "password2"]

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter a public name."))
        return name

    def signup(self, request, user):
        """Required by allauth; the adapter has already stored the public name."""


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form with a label that says what may be typed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or e-mail")
        self.fields["login"].widget.attrs.update(autocomplete="username")
        for field in ("login", "password"):
            self.fields[field].widget.attrs.pop("placeholder", None)
