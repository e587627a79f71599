import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "Another-strong-passw0rd"


def signup(client, language="en", **overrides):
    data = {
        "email": "olga@example.net",
        "display_name": "Olga from Wrzeszcz",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post(f"/{language}/accounts/signup/", data)


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_signup_asks_for_email_public_name_and_password_only(client):
    form = client.get("/en/accounts/signup/").context["form"]
    assert set(form.fields) == {"email", "display_name", "password1", "password2"}


def test_signup_creates_an_unverified_account_and_sends_a_verification_email(client):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="olga@example.net")
    assert user.display_name == "Olga from Wrzeszcz"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["olga@example.net"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert not is_logged_in(client)


def test_username_is_made_from_the_public_name(client):
    signup(client)
    assert User.objects.get(email="olga@example.net").username.startswith("olga")


def test_unverified_account_cannot_log_in(client):
    signup(client)
    mail.outbox.clear()
    response = client.post("/en/accounts/login/", {"login": "olga@example.net", "password": PASSWORD})
    assert not is_logged_in(client)
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]


def test_following_the_verification_link_verifies_and_logs_in(client):
    signup(client)
    url = link_in(mail.outbox[0])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="olga@example.net").verified
    assert is_logged_in(client)


def test_signup_with_empty_public_name_is_refused_with_a_translated_error(client):
    response = signup(client, language="pl", display_name="   ")
    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors
    assert "To pole jest wymagane." in response.content.decode()
    assert not User.objects.filter(email="olga@example.net").exists()


def test_signup_with_too_long_public_name_is_refused(client):
    response = signup(client, language="uk", display_name="x" * 61)
    errors = response.context["form"].errors["display_name"]
    assert errors and "60" in errors[0]
    assert not User.objects.filter(email="olga@example.net").exists()


def test_signup_keeps_what_was_typed_when_refused(client):
    response = signup(client, password2="different-passw0rd-X")
    html = response.content.decode()
    assert 'value="olga@example.net"' in html
    assert 'value="Olga from Wrzeszcz"' in html


def test_signup_with_an_email_already_in_use_creates_no_second_account(client):
    UserFactory(email="olga@example.net")
    signup(client)
    assert User.objects.filter(email__iexact="olga@example.net").count() == 1


def test_signup_with_mismatched_passwords_is_refused(client):
    response = signup(client, password2="something-else-9X")
    assert "password2" in response.context["form"].errors


def test_signup_with_a_common_password_is_refused(client):
    response = signup(client, password1="password", password2="password")
    assert "password1" in response.context["form"].errors


def test_login_by_username(client):
    UserFactory(username="iryna")
    client.post("/en/accounts/login/", {"login": "iryna", "password": PASSWORD})
    assert is_logged_in(client)


def test_login_by_email(client):
    UserFactory(email="pedro@example.org")
    client.post("/en/accounts/login/", {"login": "pedro@example.org", "password": PASSWORD})
    assert is_logged_in(client)


def test_login_with_wrong_password_is_refused_with_a_translated_error(client):
    UserFactory(username="iryna")
    response = client.post("/pl/accounts/login/", {"login": "iryna", "password": "wrong"})
    assert not is_logged_in(client)
    assert response.context["form"].errors
    assert "są niepoprawne" in response.content.decode()


def test_repeated_failed_logins_are_rate_limited(client):
    UserFactory(username="mewa")
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": "mewa", "password": "wrong"})
    response = client.post("/en/accounts/login/", {"login": "mewa", "password": PASSWORD})
    assert not is_logged_in(client)
    assert response.status_code == 429
    assert "Too many failed logins from your connection" in response.content.decode()


def test_header_shows_the_public_name_when_logged_in(client):
    user = UserFactory(display_name="Mewa z Oliwy")
    client.force_login(user)
    assert "Mewa z Oliwy" in client.get("/pl/").content.decode()


def test_public_name_is_escaped(client):
    user = UserFactory(display_name="<b>bold</b>")
    client.force_login(user)
    html = client.get("/en/").content.decode()
    assert "<b>bold</b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_logout_needs_a_post_and_logs_out(client):
    client.force_login(UserFactory())
    client.get("/en/accounts/logout/")
    assert is_logged_in(client)
    client.post("/en/accounts/logout/")
    assert not is_logged_in(client)


def test_password_reset_by_email_sets_a_new_password(client):
    user = UserFactory(email="reset@example.net")
    client.post("/en/accounts/password/reset/", {"email": "reset@example.net"})
    assert len(mail.outbox) == 1
    response = client.get(link_in(mail.outbox[0]), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else response.request["PATH_INFO"]
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.net"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "nobody@example.net" in mail.outbox[0].to
    assert "/password/reset/key/" not in mail.outbox[0].body


def test_login_returns_to_the_home_page_in_the_language_being_read(client):
    UserFactory(username="iryna")
    response = client.post("/uk/accounts/login/", {"login": "iryna", "password": PASSWORD})
    assert response["Location"] == "/uk/"


def test_login_honours_a_next_page(client):
    UserFactory(username="iryna")
    response = client.post("/ru/accounts/login/?next=/ru/model/", {"login": "iryna", "password": PASSWORD})
    assert response["Location"] == "/ru/model/"


def test_logout_returns_to_the_home_page_in_the_language_being_read(client):
    client.force_login(UserFactory())
    assert client.post("/pl/accounts/logout/")["Location"] == "/pl/"
