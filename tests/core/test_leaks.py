"""Small leaks closed: the moderation screen redirects only within the site, a
crafted ``next`` never reaches a redirect, e-mails are plain text, the admin
loads no avatars from outside, and the pages carry the headers that keep a
browser from sending more than it must."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from consultations import services
from tests.accounts.factories import UserFactory, admin_login, moderator, superuser
from tests.consultations.factories import make_comment, make_consultation

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def consultation(db):
    now = timezone.now()
    return make_consultation(opens_at=now - DAY, closes_at=now + DAY, slug="wyciek", title="Wyciek")


@pytest.fixture
def hidden(consultation):
    comment = make_comment(consultation, author=UserFactory())
    return services.comment_hide(comment=comment, moderator=moderator(), reason="Dane osobowe")


@pytest.mark.parametrize(
    "target",
    ["//evil.example/", "https://evil.example/", "/\\evil.example/", "javascript:alert(1)", "moderation", "\x00"],
)
def test_moderation_never_redirects_off_the_site(client, hidden, target):
    admin_login(client, moderator())
    response = client.post(f"/admin/moderation/{hidden.pk}/restore/", {"reason": "Pomyłka", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/admin/moderation/"


def test_moderation_goes_back_to_the_page_it_came_from_on_this_site(client, hidden):
    admin_login(client, moderator())
    back = "/admin/moderation/?show=hidden&p=2"
    response = client.post(f"/admin/moderation/{hidden.pk}/restore/", {"reason": "Pomyłka", "next": back})
    assert response["Location"] == back


def test_an_unknown_moderation_action_decides_nothing(client, hidden):
    admin_login(client, moderator())
    assert client.post(f"/admin/moderation/{hidden.pk}/publish/", {"reason": "x"}).status_code == 404
    hidden.refresh_from_db()
    assert hidden.state == hidden.State.HIDDEN


@pytest.mark.parametrize("target", ["abc", "²", "/\x00", "//evil.example/"])
def test_a_signed_in_person_sent_to_a_login_page_with_a_crafted_next_lands_at_home(client, target):
    client.force_login(superuser())
    response = client.get("/admin/login/", {"next": target})
    assert response.status_code == 302
    assert "evil" not in response["Location"]


def test_a_reply_e_mail_is_plain_text_not_html_escaped(consultation, django_capture_on_commit_callbacks):
    author = UserFactory(display_name="Olena")
    top = services.comment_post(consultation=consultation, author=author, text="Pytanie", language="pl")
    replier = UserFactory(display_name="O'Brien & <Co>")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_post(consultation=consultation, author=replier, text="Odpowiedź", language="pl", parent=top)
    (message,) = mail.outbox
    assert "O'Brien & <Co>" in message.subject
    assert "&amp;" not in message.subject and "&#x27;" not in message.subject and "&lt;" not in message.subject


def test_the_admin_shows_no_gravatar(client):
    admin_login(client, superuser(email="official@gdansk.example"))
    page = client.get("/admin/").content.decode()
    assert "gravatar" not in page.lower()
