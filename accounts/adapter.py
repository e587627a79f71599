import hashlib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_username
from allauth.core.exceptions import ImmediateHttpResponse
from django.conf import settings
from django.utils.translation import gettext as _

from core.language import current_language, language_home
from core.ratelimit import client_address, failure_count, failures_exceeded, too_many_requests, window_left


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
            candidates = [user.display_name, user.email.split("@")[0], "resident"]
            user_username(user, self.generate_unique_username(candidates))

    def get_login_redirect_url(self, request):
        """After login, the home page in the language the person was reading."""
        return language_home()

    def get_logout_redirect_url(self, request):
        return language_home()

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
