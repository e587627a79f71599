"""A newcomer's first visit: sign-up with a name in any script, the e-mail that
names them, and the landing after the confirmation."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.adapter import username_base
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def signup(client, language="uk", **overrides):
    data = {
        "email": "olena@example.net",
        "display_name": "Олена Коваль",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post(f"/{language}/accounts/signup/", data)


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_a_cyrillic_public_name_gives_a_transliterated_username(client):
    signup(client)
    assert User.objects.get(email="olena@example.net").username == "olena.koval"


def test_a_second_person_with_the_same_name_gets_a_different_readable_username(client):
    UserFactory(username="olena.koval")
    signup(client)
    username = User.objects.get(email="olena@example.net").username
    assert username != "olena.koval"
    assert re.fullmatch(r"olena\.koval\w+", username)


@pytest.mark.parametrize(
    ("name", "stem"),
    [("Giorgi Beridze", "giorgi.beridze"), ("გიორგი", "giorgi"), ("Ólafur & Łucja!", "olafur.lucja"), ("...", "")],
)
def test_username_stem_keeps_letters_of_every_script(name, stem):
    assert username_base(name) == stem


def test_a_name_without_letters_falls_back_to_the_email_address(client):
    signup(client, display_name="— · —")
    assert User.objects.get(email="olena@example.net").username == "olena"


def test_verification_email_names_the_person_by_their_public_name(client):
    signup(client)
    body = mail.outbox[0].body
    assert "Олена Коваль" in body
    assert "olena.koval" not in body


def test_confirming_the_email_lands_on_the_account_page_in_the_same_language(client):
    signup(client)
    response = client.post(link_in(mail.outbox[0]))
    assert response.status_code == 302
    assert response["Location"] == "/uk/accounts/"


def test_the_account_page_after_confirmation_welcomes_by_public_name_and_says_what_next(client):
    signup(client, language="en")
    response = client.post(link_in(mail.outbox[0]), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    welcome = html[html.index('class="container messages-region"') : html.index('<main id="main"')]
    assert "Welcome to Rada, Олена Коваль!" in welcome
    assert "open a consultation" in welcome
    assert "olena.koval" not in welcome  # the username shows only where the settings name it


def test_login_message_greets_by_public_name_not_username(client):
    UserFactory(username="olena.k", display_name="Олена К.")
    response = client.post("/en/accounts/login/", {"login": "olena.k", "password": PASSWORD}, follow=True)
    html = response.content.decode()
    assert "Successfully signed in as Олена К." in html
    assert "as olena.k." not in html


def test_favicon_ico_leads_to_the_icon_file(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("img/favicon.ico")


def test_every_page_names_its_icons(client):
    html = client.get("/en/search/").content.decode()
    assert 'rel="icon" href="/static/img/favicon.svg"' in html
    assert 'rel="icon" href="/static/img/favicon.ico"' in html


def test_rada_catalogs_take_precedence_over_allauths():
    """Rada corrects allauth's translations in its own catalogs (accounts/translation_overrides.py);
    that works only while ``locale/`` wins over the apps' catalogs."""
    from django.conf import settings
    from django.utils import translation

    assert settings.LOCALE_PATHS[0].name == "locale"
    with translation.override("uk"):
        # "expires at": allauth says "діє до", Rada's catalog "дата закінчення дії".
        assert translation.gettext("expires at") == "дата закінчення дії"
