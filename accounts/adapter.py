import hashlib
import re

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_username
from allauth.core.exceptions import ImmediateHttpResponse
from anyascii import anyascii
from django.conf import settings
from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from core.language import current_language, language_home
from core.ratelimit import client_address, failure_count, failures_exceeded, too_many_requests, window_left

# The message allauth shows after it signs a person in; after the e-mail
# confirmation that ends a sign-up it is replaced by Rada's welcome.
LOGGED_IN = "account/messages/logged_in.txt"
EMAIL_CONFIRMED = "account/messages/email_confirmed.txt"


def username_base(text):
    """A readable ASCII username stem: ``"Олена К."`` → ``"olena.k"``.

    allauth's own stem drops every non-ASCII letter, so a Cyrillic public name
    left only its punctuation and a random suffix (``.54``).  Transliterating
    first keeps the name recognisable in every script."""
    ascii_text = anyascii(text or "").lower()
    return re.sub(r"[^a-z0-9]+", ".", ascii_text).strip(".")[:30].strip(".")


def user_display(user):
    """How allauth names a person in its messages and e-mails: by the public
    name they chose (``ACCOUNT_USER_DISPLAY``), never the username."""
    return user.public_name


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up asks for an e-mail address, a public name and a password.

    The username, which a person may also log in with, is made from the public
    name and made unique; nobody has to invent one.
    """

    def save_user(self, request, user, form, commit=True):
        user.display_name = form.cleaned_data["display_name"]
        user.language = current_language()  # e-mails come in the language the person signed up in
        return super().save_user(request, user, form, commit=commit)

    def populate_username(self, request, user):
        if not user_username(user):
            candidates = [username_base(user.display_name), username_base(user.email.split("@")[0]), "resident"]
            user_username(user, self.generate_unique_username([c for c in candidates if c]))

    def get_login_redirect_url(self, request):
        """After login, the home page in the language the person was reading."""
        return language_home()

    def get_signup_redirect_url(self, request):
        """After sign-up and the e-mail confirmation that completes it: the
        person's account page, in the language they signed up in."""
        return reverse("my_participation")

    def get_logout_redirect_url(self, request):
        return language_home()

    def add_message(self, request, level, message_template=None, message_context=None, extra_tags="", message=None):
        if message_template == EMAIL_CONFIRMED:
            request.rada_email_confirmed = True
        elif message_template == LOGGED_IN and getattr(request, "rada_email_confirmed", False):
            user = (message_context or {}).get("user") or request.user
            messages.success(
                request,
                gettext(
                    "Welcome to Rada, %(name)s! Your account is ready. Next, open a consultation and say what "
                    "you think, support a proposal, or follow the council's meetings. Here you can see and "
                    "change everything about your account."
                )
                % {"name": user.public_name},
            )
            return
        super().add_message(
            request, level, message_template, message_context=message_context, extra_tags=extra_tags, message=message
        )

    # --- failed logins ---------------------------------------------------------------
    # Counted per client address and login together, and per address alone, never
    # per login alone: whoever knows a username cannot lock its owner out from
    # elsewhere.  The counters fall back to this process's memory when the cache
    # is down (core/ratelimit.py), so an outage does not open the door to guessing.

    def _login_failure_keys(self, request, credentials):
        login = (credentials.get("email") or credentials.get("username") or "").strip().lower()
        address = client_address(request)
        digest = hashlib.sha256(f"{address}\n{login}".encode()).hexdigest()[:32]
        return (
            (f"login-failed:{digest}", settings.RADA_RATELIMIT_LOGIN_FAILURES),
            (f"login-failed-address:{address}", settings.RADA_RATELIMIT_LOGIN_FAILURES_PER_ADDRESS),
        )

    def pre_authenticate(self, request, **credentials):
        window = settings.RADA_RATELIMIT_LOGIN_WINDOW
        for key, limit in self._login_failure_keys(request, credentials):
            if failures_exceeded(key, limit=limit, seconds=window):
                message = _("Too many failed logins from your connection. Please wait a few minutes and try again.")
                raise ImmediateHttpResponse(
                    too_many_requests(request, retry_after=window_left(window), message=message)
                )
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request, **credentials):
        for key, _limit in self._login_failure_keys(request, credentials):
            failure_count(key, seconds=settings.RADA_RATELIMIT_LOGIN_WINDOW)
        super().authentication_failed(request, **credentials)
