from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_username

from core.language import current_language, language_home


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
