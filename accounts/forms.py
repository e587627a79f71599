from django import forms
from django.conf import settings
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


# allauth's forms module imports this one for ``SignupForm`` (ACCOUNT_SIGNUP_FORM_CLASS)
# while it is being loaded; importing it only after ``SignupForm`` exists lets either
# module be imported first.
from allauth.account import forms as allauth_forms  # noqa: E402
from allauth.account.app_settings import EmailVerificationMethod  # noqa: E402
from allauth.account.utils import has_verified_email  # noqa: E402


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form with a label that says what may be typed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or e-mail")
        self.fields["login"].widget.attrs.update(autocomplete="username")
        for field in ("login", "password"):
            self.fields[field].widget.attrs.pop("placeholder", None)

    def _login_with_password(self, request, redirect_url, credentials):
        """Whoever joined with an invitation code may have no verified e-mail
        address: a partner organisation vouched for them instead, so allauth's
        mandatory e-mail verification is not asked of them."""
        user = getattr(self, "user", None)
        if user is not None and user.joined_with_invitation and not has_verified_email(user):
            self._login.email_verification = EmailVerificationMethod.NONE
        return super()._login_with_password(request, redirect_url, credentials)


class InvitationSignupForm(forms.Form):
    """Registering with an invitation code from a partner organisation: no e-mail needed."""

    code = forms.CharField(
        label=_("Invitation code"),
        max_length=40,
        help_text=_("The code the organisation gave you, for example ABCD-EFGH-JKLM."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    display_name = SignupForm.base_fields["display_name"]
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("Only if you have one and want e-mails from us. You can take part without it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    clean_display_name = SignupForm.clean_display_name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords are not the same."))
        return cleaned


class InvitationIssueForm(forms.Form):
    organisation = forms.CharField(label=_("Partner organisation"), max_length=120)
    count = forms.IntegerField(label=_("How many codes"), min_value=1, max_value=50, initial=10)
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=180, initial=30)


class AnonymiseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand: my comments and proposals will show “a former participant”, and this cannot be undone"),
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "anonymise-%s")
        super().__init__(*args, **kwargs)


class AccountDeleteForm(forms.Form):
    remove_contributions = forms.BooleanField(
        label=_("Also remove what I wrote"),
        required=False,
        help_text=_(
            "Otherwise your comments and proposals stay, shown as by “a former participant”. If you tick this, "
            "your comments are replaced by “deleted”, your proposals removed and your supports and ratings withdrawn."
        ),
    )
    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account is deleted for good"),
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        kwargs.setdefault("auto_id", "delete-%s")
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if self.user is None or not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


class AccountSettingsForm(forms.Form):
    """What a person changes about themself on their own page: the name others
    see, the language of Rada's e-mails, and whether replies are e-mailed."""

    display_name = forms.CharField(
        label=_("Public name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        help_text=_("Shown next to what you write. You may use a pseudonym."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    language = forms.ChoiceField(label=_("Language of e-mails"), choices=settings.LANGUAGES)
    notify_replies = forms.BooleanField(
        label=_("E-mail me when someone replies to me or the city answers my proposal"), required=False
    )

    @classmethod
    def for_user(cls, user, data=None):
        initial = {"display_name": user.display_name, "language": user.language, "notify_replies": user.notify_replies}
        return cls(data, initial=initial)
