import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from consultations import notifications, services
from consultations.models import Follow, OutcomeAnswer, OutcomePage
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def ukrainian_resident():
    return UserFactory(display_name="Оксана", language="uk")


def post(consultation, author, text, parent=None):
    return services.comment_post(consultation=consultation, author=author, text=text, language="pl", parent=parent)


def test_a_reply_e_mails_the_author_in_their_language_after_commit(
    open_consultation, ukrainian_resident, other_resident, django_capture_on_commit_callbacks
):
    top = post(open_consultation, ukrainian_resident, "Питання")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        post(open_consultation, other_resident, "Odpowiedź", parent=top)
    # The e-mail and the live update of the consultation (besides the cached
    # threads' versions, renewed again after the commit: core.cache.bump).
    assert len([callback for callback in callbacks if callback.__module__ != "core.cache"]) == 2
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [ukrainian_resident.email]
    assert message.subject == "[Rada] Pedro: відповідь на ваш коментар"
    assert f"#comment-{top.pk}" in message.body
    assert "List-Unsubscribe" in message.extra_headers


def test_nothing_is_sent_before_the_reply_is_committed(open_consultation, resident, other_resident):
    top = post(open_consultation, resident, "Pytanie")
    post(open_consultation, other_resident, "Odpowiedź", parent=top)  # the test's transaction never commits
    assert mail.outbox == []


def test_replying_to_oneself_sends_nothing(open_consultation, resident, django_capture_on_commit_callbacks):
    top = post(open_consultation, resident, "Pytanie")
    with django_capture_on_commit_callbacks(execute=True):
        post(open_consultation, resident, "Jeszcze ja", parent=top)
    assert mail.outbox == []


def test_commenting_follows_the_consultation(open_consultation, resident):
    post(open_consultation, resident, "Pytanie")
    assert Follow.objects.filter(user=resident, consultation_key=open_consultation.translation_key).exists()


def test_publishing_an_outcome_e_mails_followers_once(resident, other_resident, django_capture_on_commit_callbacks):
    consultation = make_consultation(opens_at=NOW - 9 * DAY, closes_at=NOW - DAY, slug="po-konsultacjach")
    services.follow_toggle(user=resident, consultation=consultation, follow=True)
    services.follow_toggle(user=other_resident, consultation=consultation, follow=True)
    outcome = OutcomePage(title="Wyniki", slug="wyniki", summary="<p>x</p>")
    consultation.add_child(instance=outcome)
    with django_capture_on_commit_callbacks(execute=True):
        outcome.save_revision().publish()
    assert sorted(message.to[0] for message in mail.outbox) == sorted([resident.email, other_resident.email])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        outcome.save_revision().publish()  # republishing an edit is not news
    assert mail.outbox == []


def test_an_answer_in_the_outcome_e_mails_the_proposal_author(resident, django_capture_on_commit_callbacks):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, allow_proposals=True, slug="odp")
    proposal = services.proposal_submit(
        consultation=consultation, author=resident, title="Świetlica", text="Po lekcjach.", language="pl"
    )
    outcome = OutcomePage(title="Wyniki", slug="wyniki", summary="<p>x</p>")
    outcome.answers.add(OutcomeAnswer(proposal=proposal, status="accepted", justification="Tak."))
    consultation.add_child(instance=outcome)
    with django_capture_on_commit_callbacks(execute=True):
        outcome.save_revision().publish()
    subjects = [message.subject for message in mail.outbox if message.to == [resident.email]]
    assert "[Rada] Miasto odpowiedziało na propozycję" in subjects  # the author writes in Polish
    assert "[Rada] Opublikowano wyniki: Lekcje polskiego" in subjects  # proposing follows


def test_unsubscribe_link_stops_following_after_one_click(client, open_consultation, resident):
    services.follow_toggle(user=resident, consultation=open_consultation, follow=True)
    token = notifications.unsubscribe_token(resident.pk, open_consultation.translation_key)
    url = f"/pl/participation/unsubscribe/{token}/"
    assert client.get(url).status_code == 200
    assert Follow.objects.filter(user=resident).exists(), "GET must not unsubscribe (mail scanners follow links)"
    client.post(url)
    assert not Follow.objects.filter(user=resident).exists()


def test_unsubscribe_from_replies(client, resident):
    client.post(f"/en/participation/unsubscribe/{notifications.unsubscribe_token(resident.pk, 'replies')}/")
    resident.refresh_from_db()
    assert not resident.notify_replies


def test_a_forged_unsubscribe_link_is_refused(client, resident):
    response = client.post("/en/participation/unsubscribe/not-a-signed-token/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_follow_and_unfollow_from_the_page(client, open_consultation, resident):
    client.force_login(resident)
    client.post(f"/pl/participation/follow/{open_consultation.pk}/", {"follow": "yes"})
    assert Follow.objects.filter(user=resident).count() == 1
    client.post(f"/pl/participation/follow/{open_consultation.pk}/", {"follow": "no"})
    assert not Follow.objects.filter(user=resident).exists()


def test_signup_remembers_the_language_for_e_mails(client):
    client.post(
        "/ru/accounts/signup/",
        {
            "email": "ru@example.net",
            "display_name": "Ира",
            "password1": "Zx-long-pass-91",
            "password2": "Zx-long-pass-91",
        },
    )
    assert get_user_model().objects.get(email="ru@example.net").language == "ru"


def test_with_the_database_backend_mail_waits_for_the_worker(open_consultation, resident, other_resident, monkeypatch):
    """The production path: the request only stores the task; `db_worker` sends it."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker closes stale connections between tasks; here that would be the test's own.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    top = post(open_consultation, resident, "Pytanie")
    notifications.send_notice.using(backend="database").enqueue(
        user_id=resident.pk,
        kind="reply",
        consultation_key=str(top.consultation_key),
        unsubscribe=notifications.REPLIES,
        extra={"reply_author": other_resident.public_name, "comment_id": top.pk},
    )
    assert DBTaskResult.objects.filter(task_path__endswith="send_notice").count() == 1
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--backend", "database", "--no-startup-delay", verbosity=0)
    assert [message.to for message in mail.outbox] == [[resident.email]]


def make_open(slug, area="housing", opens=NOW - DAY / 2, closes=NOW + 9 * DAY):
    return make_consultation(opens_at=opens, closes_at=closes, areas=[area], slug=slug)


def test_area_followers_hear_when_a_consultation_of_the_area_opens(resident, django_capture_on_commit_callbacks):
    Follow.objects.create(user=resident, area="housing")
    consultation = make_open("nowa")
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_notices_send()
    assert any(consultation.title in m.subject for m in mail.outbox if m.to == [resident.email])


def test_each_event_is_told_once_however_often_the_sender_runs(resident, django_capture_on_commit_callbacks):
    Follow.objects.create(user=resident, area="housing")
    make_open("raz")
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_notices_send()
        services.consultation_notices_send()
    assert len([m for m in mail.outbox if m.to == [resident.email]]) == 1


def test_followers_hear_when_the_consultation_closes(resident, django_capture_on_commit_callbacks):
    consultation = make_open("zamyka", opens=NOW - 5 * DAY, closes=NOW - DAY / 4)
    services.follow_toggle(user=resident, consultation=consultation, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_notices_send()
    subjects = [m.subject for m in mail.outbox if m.to == [resident.email]]
    assert subjects == [f"[Rada] Zamknięto konsultacje: {consultation.title}"]


def test_old_events_are_recorded_without_e_mail(resident, django_capture_on_commit_callbacks):
    Follow.objects.create(user=resident, area="housing")
    make_open("stara", opens=NOW - 30 * DAY, closes=NOW - 20 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_notices_send()
    assert [m for m in mail.outbox if m.to == [resident.email]] == []


def test_follow_an_area_from_its_page_and_unsubscribe_from_the_e_mail(client, resident):
    client.force_login(resident)
    response = client.post("/pl/participation/follow-area/housing/", {"follow": "yes", "next": "/pl/model/housing/"})
    assert response["Location"] == "/pl/model/housing/#follow"
    assert Follow.objects.filter(user=resident, area="housing").exists()
    client.post(f"/pl/participation/unsubscribe/{notifications.unsubscribe_token(resident.pk, 'area:housing')}/")
    assert not Follow.objects.filter(user=resident).exists()


def test_follow_area_does_not_redirect_to_another_site(client, resident):
    client.force_login(resident)
    response = client.post("/en/participation/follow-area/work/", {"next": "https://evil.example/"})
    assert response["Location"] == "/en/#follow"


def test_an_unknown_area_cannot_be_followed(client, resident):
    client.force_login(resident)
    client.post("/en/participation/follow-area/astrology/", {"next": "/en/"})
    assert not Follow.objects.filter(user=resident).exists()


def test_a_follow_names_exactly_one_thing(resident):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=resident)
