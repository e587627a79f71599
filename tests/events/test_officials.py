"""Officials see what residents asked for, per event and per meeting, and
answer each request; the resident is e-mailed once, after commit, in their language."""

import pytest
from django.core import mail
from django.utils import formats, timezone, translation

from events import selectors, services
from events.models import AccessRequest, Event
from tests.accounts.factories import UserFactory, admin_login
from tests.events.factories import make_event

from .conftest import refusal

pytestmark = pytest.mark.django_db


def register(event, **requests):
    return services.registration_create(user=UserFactory(), event=event, **requests)


def interpreter_request(resident, **occasion):
    registration = services.registration_create(user=resident, interpreter_language="uk", **occasion)
    return registration.requests.get()


def test_the_summary_counts_interpreters_per_language_and_every_other_need(event):
    register(event, interpreter_language="uk", children=2)
    register(event, interpreter_language="uk", step_free=True)
    register(event, interpreter_language="other", other_language="dari", sign_language=True)
    register(event, interpreter_language="other", other_language="Dari ", children=1)
    register(event)

    summary = selectors.request_summary(event=event)

    assert summary["interpreters"] == [("Dari", 2), ("Українська", 2)]
    assert (summary["sign_language"], summary["childcare"], summary["children"], summary["step_free"]) == (1, 2, 3, 1)
    assert summary["pending"] == 8


def test_the_summary_of_a_meeting_counts_only_that_meetings_requests(scheduled_meeting, event, resident):
    services.registration_create(user=resident, meeting=scheduled_meeting, sign_language=True)
    register(event, sign_language=True, step_free=True)
    summary = selectors.request_summary(meeting=scheduled_meeting)
    assert (summary["sign_language"], summary["step_free"], summary["interpreters"]) == (1, 0, [])


def test_the_overview_counts_registrations_and_requests_per_event_and_meeting(event, scheduled_meeting, resident):
    register(event, interpreter_language="ru", sign_language=True)
    register(event, children=1)
    services.registration_create(user=resident, meeting=scheduled_meeting, step_free=True)

    overview = selectors.occasions_overview(now=timezone.now())

    row = next(e for e in overview["events"] if e.pk == event.pk)
    assert (row.registered, row.interpreters, row.sign_language, row.childcare, row.pending) == (2, 1, 1, 1, 3)
    meeting_row = next(m for m in overview["meetings"] if m.pk == scheduled_meeting.pk)
    assert (meeting_row.registered, meeting_row.step_free) == (1, 1)


def test_the_officials_request_page_lists_residents_and_counts(client, official, event, resident):
    interpreter_request(resident, event=event)
    client.force_login(official)
    response = client.get(f"/admin/events/requests/event/{event.pk}/")
    assert response.status_code == 200
    assert "Olena" in response.text
    assert response.context["summary"]["interpreters"] == [("Українська", 1)]


def test_the_request_pages_take_a_fixed_number_of_queries(
    client, official, consultation, django_assert_max_num_queries
):
    event = make_event(consultation, capacity=50)
    client.force_login(official)
    url = f"/admin/events/requests/event/{event.pk}/"
    client.get(url)
    register(event, interpreter_language="uk", children=1)
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    for _ in range(10):
        register(event, interpreter_language="ru", sign_language=True, step_free=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/admin/events/requests/")


def test_residents_cannot_open_the_request_pages(client, resident, event):
    client.force_login(resident)
    assert client.get(f"/admin/events/requests/event/{event.pk}/").status_code in (302, 403)
    assert client.get("/admin/events/requests/").status_code in (302, 403)


def test_a_resident_cannot_decide_a_request(event, resident):
    access_request = interpreter_request(resident, event=event)
    message = refusal(
        lambda: services.request_decide(access_request=access_request, official=resident, status="confirmed")
    )
    assert message == "Only officials answer requests."


def test_confirming_records_who_and_when(event, resident, official):
    access_request = interpreter_request(resident, event=event)
    decided = services.request_decide(
        access_request=access_request, official=official, status="confirmed", answer="Pani Iryna"
    )
    assert (decided.status, decided.answer, decided.decided_by) == ("confirmed", "Pani Iryna", official)
    assert decided.decided_at is not None


def test_the_confirmation_e_mail_is_sent_once_after_commit(
    event, other_resident, official, django_capture_on_commit_callbacks
):
    access_request = interpreter_request(other_resident, event=event)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.request_decide(access_request=access_request, official=official, status="confirmed")
    assert mail.outbox == []  # nothing before the commit
    assert len(callbacks) == 1
    callbacks[0]()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_decide(access_request=access_request, official=official, status="confirmed")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [other_resident.email]
    assert message.subject == "[Rada] Confirmed: your request for Warsztaty o lekcjach polskiego"
    assert "We have arranged an interpreter into Українська for you" in message.body
    assert f"/en/events/{event.pk}/" in message.body


def test_a_refusal_is_e_mailed_with_the_organisers_note(
    event, other_resident, official, django_capture_on_commit_callbacks
):
    access_request = interpreter_request(other_resident, event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_decide(
            access_request=access_request, official=official, status="declined", answer="No interpreter is free."
        )
    (message,) = mail.outbox
    assert message.subject == "[Rada] Your request for Warsztaty o lekcjach polskiego cannot be provided"
    assert "No interpreter is free." in message.body


def test_the_e_mail_is_in_the_residents_language(
    scheduled_meeting, resident, official, django_capture_on_commit_callbacks
):
    access_request = interpreter_request(resident, meeting=scheduled_meeting)  # Olena reads Ukrainian
    with django_capture_on_commit_callbacks(execute=True):
        services.request_decide(access_request=access_request, official=official, status="confirmed")
    (message,) = mail.outbox
    assert "Засідання № 1" in message.subject
    with translation.override("uk"):
        when = formats.date_format(timezone.localtime(scheduled_meeting.starts_at), "j E Y, H:i")
    assert when in message.body
    assert f"/uk/council/meetings/{scheduled_meeting.pk}/" in message.body
    assert "/uk/events/mine/" in message.body


def test_no_e_mail_is_sent_when_the_resident_cancelled_before_the_task_ran(
    event, resident, official, django_capture_on_commit_callbacks
):
    access_request = interpreter_request(resident, event=event)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.request_decide(access_request=access_request, official=official, status="confirmed")
    services.registration_cancel(registration=access_request.registration, user=resident)
    callbacks[0]()
    assert mail.outbox == []


def test_an_official_confirms_through_the_admin_form(
    client, official, event, resident, django_capture_on_commit_callbacks
):
    access_request = interpreter_request(resident, event=event)
    client.force_login(official)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/events/requests/{access_request.pk}/decide/", {"status": "confirmed", "answer": "Do zobaczenia"}
        )
    assert response.status_code == 302
    access_request.refresh_from_db()
    assert (access_request.status, access_request.answer) == (AccessRequest.Status.CONFIRMED, "Do zobaczenia")
    assert len(mail.outbox) == 1


def test_officials_may_manage_events_in_the_admin(client, official, consultation):
    client.force_login(official)
    assert client.get("/admin/consultation_events/").status_code == 200
    make_event(consultation, title="Spotkanie otwarte")
    assert "Spotkanie otwarte" in client.get("/admin/consultation_events/").text


def test_an_official_adds_an_event_for_a_consultation_through_the_admin_form(client, official, consultation):
    client.force_login(official)
    form = client.get("/admin/consultation_events/new/").text
    assert str(consultation.translation_key) in form
    response = client.post(
        "/admin/consultation_events/new/",
        {
            "consultation_key": str(consultation.translation_key),
            "title": "Spacer badawczy",
            "kind": "walk",
            "starts_at": "2031-05-04 10:00",
            "ends_at": "2031-05-04 12:00",
            "place": "Plac Solidarności",
            "capacity": "15",
            "language": "pl",
            "description": "Idziemy razem.",
            "spoken_languages": ["pl", "en"],
        },
    )
    assert response.status_code == 302
    event = Event.objects.get(title="Spacer badawczy")
    assert (event.consultation_key, event.spoken_languages, event.capacity) == (
        consultation.translation_key,
        ["pl", "en"],
        15,
    )


def test_the_admin_form_refuses_an_event_that_ends_before_it_starts(client, official, consultation):
    admin_login(client, official)
    response = client.post(
        "/admin/consultation_events/new/",
        {
            "consultation_key": str(consultation.translation_key),
            "title": "Odwrotnie",
            "kind": "workshop",
            "starts_at": "2031-05-04 12:00",
            "ends_at": "2031-05-04 10:00",
            "place": "Sala",
            "capacity": "5",
            "language": "pl",
        },
    )
    assert response.status_code == 200
    assert "An event must end after it starts." in response.text
    assert not Event.objects.filter(title="Odwrotnie").exists()


def test_officials_see_a_meetings_registrations_against_its_guest_seats(client, official, scheduled_meeting, resident):
    from council.models import Meeting

    Meeting.objects.filter(pk=scheduled_meeting.pk).update(guest_seats=12)
    services.registration_create(user=resident, meeting=scheduled_meeting)
    client.force_login(official)
    assert "<td>1 / 12</td>" in client.get(f"/admin/events/requests/meeting/{scheduled_meeting.pk}/").content.decode()
    assert "<td>1 / 12</td>" in client.get("/admin/events/requests/").content.decode()
