"""A person changes their public name, the language of e-mails and reply
e-mails on their own page; bad input is refused with a clear message."""

import pytest
from django.urls import reverse

from accounts import services
from accounts.models import DISPLAY_NAME_MAX_LENGTH, User
from core.errors import RuleBroken
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/en/accounts/settings/"


def post(client, user, **data):
    client.force_login(user)
    values = {"display_name": "Olena", "language": "uk", "notify_replies": "on"} | data
    return client.post(URL, {key: value for key, value in values.items() if value is not None})


def test_settings_are_saved_and_lead_back_to_my_participation(client):
    user = UserFactory(display_name="Old", language="pl", notify_replies=True)
    response = post(client, user, display_name="  Olena   K. ", notify_replies=None)
    assert (response.status_code, response["Location"]) == (302, reverse("my_participation") + "#settings")
    user.refresh_from_db()
    assert (user.display_name, user.language, user.notify_replies) == ("Olena K.", "uk", False)
    assert "Your settings are saved." in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"display_name": "   "}, "This field is required."),
        ({"display_name": "x" * (DISPLAY_NAME_MAX_LENGTH + 1)}, "at most"),
        ({"language": "de"}, "Select a valid choice."),
    ],
)
def test_bad_settings_are_refused_with_a_message_and_change_nothing(client, data, message):
    user = UserFactory(display_name="Old", language="pl")
    response = post(client, user, **data)
    assert response.status_code == 400 and message in response.content.decode()
    user.refresh_from_db()
    assert (user.display_name, user.language) == ("Old", "pl")


def test_the_settings_page_asks_a_visitor_to_log_in(client):
    assert client.post(URL, {"display_name": "X", "language": "pl"}).status_code == 302


def test_a_stand_in_account_cannot_change_its_settings():
    placeholder = User.objects.create_placeholder("former")
    with pytest.raises(RuleBroken):
        services.account_settings_update(user=placeholder, display_name="X", language="pl", notify_replies=True)
