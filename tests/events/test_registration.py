"""Saying you will attend an event or a council meeting, with requests, and the refusals."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from council.models import Meeting
from events import services
from events.models import AccessRequest, Registration
from tests.accounts.factories import UserFactory
from tests.events.factories import make_event

from .conftest import refusal

pytestmark = pytest.mark.django_db
KIND = AccessRequest.Kind


def requests_of(registration):
    return list(registration.requests.values_list("kind", "language", "other_language", "children", "children_ages"))


def test_registering_without_requests_records_only_the_registration(event, resident):
    registration = services.registration_create(user=resident, event=event)
    assert registration.event == event
    assert registration.requests.count() == 0


def test_asking_for_an_interpreter_into_a_site_language(event, resident):
    registration = services.registration_create(user=resident, event=event, interpreter_language="uk")
    assert requests_of(registration) == [(KIND.INTERPRETER, "uk", "", None, "")]


def test_asking_for_an_interpreter_into_another_language_keeps_its_name(event, resident):
    registration = services.registration_create(
        user=resident, event=event, interpreter_language="other", other_language=" Dari "
    )
    assert requests_of(registration) == [(KIND.INTERPRETER, "other", "Dari", None, "")]


def test_another_language_without_its_name_is_refused(event, resident):
    message = refusal(lambda: services.registration_create(user=resident, event=event, interpreter_language="other"))
    assert message == "Please write which language you need an interpreter into."
    assert not Registration.objects.filter(event=event).exists()


def test_asking_for_a_sign_language_interpreter(event, resident):
    registration = services.registration_create(user=resident, event=event, sign_language=True)
    assert requests_of(registration) == [(KIND.SIGN_LANGUAGE, "", "", None, "")]


def test_asking_for_childcare_records_the_children_and_their_ages(event, resident):
    registration = services.registration_create(user=resident, event=event, children=2, children_ages="3, 6")
    assert requests_of(registration) == [(KIND.CHILDCARE, "", "", 2, "3, 6")]


def test_asking_for_step_free_access(event, resident):
    registration = services.registration_create(user=resident, event=event, step_free=True)
    assert requests_of(registration) == [(KIND.STEP_FREE, "", "", None, "")]


def test_every_request_at_once_makes_one_row_each_and_keeps_the_note(event, resident):
    registration = services.registration_create(
        user=resident,
        event=event,
        interpreter_language="ru",
        sign_language=True,
        children=1,
        step_free=True,
        note="Przyjdę z wózkiem.",
    )
    assert sorted(registration.requests.values_list("kind", flat=True)) == sorted(KIND.values)
    assert registration.note == "Przyjdę z wózkiem."


def test_a_full_event_refuses_the_next_resident(consultation, resident, other_resident):
    event = make_event(consultation, capacity=1)
    services.registration_create(user=other_resident, event=event)
    assert refusal(lambda: services.registration_create(user=resident, event=event)) == "Sorry, this event is full."
    assert Registration.objects.filter(event=event).count() == 1


def test_registering_twice_is_refused(event, resident):
    services.registration_create(user=resident, event=event)
    assert refusal(lambda: services.registration_create(user=resident, event=event)) == "You have already registered."


def test_registering_for_an_event_that_has_begun_is_refused(consultation, resident):
    event = make_event(consultation, starts_in=-datetime.timedelta(minutes=5))
    message = refusal(lambda: services.registration_create(user=resident, event=event))
    assert message == "This event has already begun; registration is closed."


def test_registering_for_a_cancelled_event_is_refused(consultation, resident):
    event = make_event(consultation, is_cancelled=True)
    assert refusal(lambda: services.registration_create(user=resident, event=event)) == "This event is cancelled."


def test_a_signed_out_visitor_is_asked_to_log_in(event):
    message = refusal(lambda: services.registration_create(user=AnonymousUser(), event=event))
    assert message == "Log in to say you will attend."


def test_an_unconfirmed_e_mail_address_is_refused(event):
    person = UserFactory(verified=False)
    message = refusal(lambda: services.registration_create(user=person, event=event))
    assert message == "Confirm your e-mail address to say you will attend."


def test_a_person_who_joined_with_an_invitation_code_may_register(event):
    person = UserFactory(verified=False, joined_with_invitation=True, email="")
    registration = services.registration_create(user=person, event=event, sign_language=True)
    assert registration.user == person


def test_cancelling_frees_the_place(consultation, resident, other_resident):
    event = make_event(consultation, capacity=1)
    registration = services.registration_create(user=resident, event=event, interpreter_language="uk")
    services.registration_cancel(registration=registration, user=resident)
    assert not AccessRequest.objects.filter(registration__event=event).exists()
    assert services.registration_create(user=other_resident, event=event).user == other_resident


def test_nobody_cancels_another_residents_registration(event, resident, other_resident):
    registration = services.registration_create(user=resident, event=event)
    message = refusal(lambda: services.registration_cancel(registration=registration, user=other_resident))
    assert message == "This is not your registration."
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_a_registration_cannot_be_cancelled_once_the_event_has_begun(event, resident):
    registration = services.registration_create(user=resident, event=event)
    later = event.starts_at + datetime.timedelta(minutes=1)
    message = refusal(lambda: services.registration_cancel(registration=registration, user=resident, now=later))
    assert message == "This has already begun; the registration can no longer be cancelled."


def test_a_resident_registers_for_a_scheduled_council_meeting_with_an_interpreter(scheduled_meeting, resident):
    registration = services.registration_create(user=resident, meeting=scheduled_meeting, interpreter_language="uk")
    assert registration.meeting == scheduled_meeting
    assert requests_of(registration) == [(KIND.INTERPRETER, "uk", "", None, "")]


def test_registering_twice_for_a_council_meeting_is_refused(scheduled_meeting, resident):
    services.registration_create(user=resident, meeting=scheduled_meeting)
    message = refusal(lambda: services.registration_create(user=resident, meeting=scheduled_meeting))
    assert message == "You have already registered."


def test_a_council_meeting_in_progress_refuses_registrations(scheduled_meeting, resident):
    Meeting.objects.filter(pk=scheduled_meeting.pk).update(status=Meeting.Status.LIVE, started_at=timezone.now())
    scheduled_meeting.refresh_from_db()
    message = refusal(lambda: services.registration_create(user=resident, meeting=scheduled_meeting))
    assert message == "This meeting has already begun; registration is closed."


def test_a_council_meeting_with_guest_seats_refuses_registrations_once_they_are_taken(scheduled_meeting, resident):
    Meeting.objects.filter(pk=scheduled_meeting.pk).update(guest_seats=1)
    scheduled_meeting.refresh_from_db()
    services.registration_create(user=UserFactory(), meeting=scheduled_meeting)
    message = refusal(lambda: services.registration_create(user=resident, meeting=scheduled_meeting))
    assert message == "Sorry, all seats for guests at this meeting are taken."
    assert scheduled_meeting.registrations.filter(user=resident).count() == 0


def test_a_council_meeting_without_a_seat_limit_takes_every_registration(scheduled_meeting):
    assert scheduled_meeting.guest_seats is None
    for _ in range(3):
        services.registration_create(user=UserFactory(), meeting=scheduled_meeting)
    assert scheduled_meeting.registrations.count() == 3


def test_the_meeting_page_says_how_many_guest_seats_are_left_and_when_none_are(client, scheduled_meeting, resident):
    Meeting.objects.filter(pk=scheduled_meeting.pk).update(guest_seats=2)
    services.registration_create(user=UserFactory(), meeting=scheduled_meeting)
    client.force_login(resident)
    url = scheduled_meeting.get_absolute_url().replace("/pl/", "/en/", 1)
    assert "1 seat for guests left." in client.get(url).content.decode()
    services.registration_create(user=UserFactory(), meeting=scheduled_meeting)
    html = client.get(url).content.decode()
    assert "Sorry, all seats for guests at this meeting are taken." in html
    assert 'action="/en/events/meetings/' not in html  # no form to send
