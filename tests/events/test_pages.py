"""The public pages: the list of events, an event, the consultation page and
the council meeting page with the attend form; the POST views."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone, translation
from django.utils.translation import ngettext

from core import pagecache
from council.models import Meeting
from events import services
from events.models import Registration
from tests.accounts.factories import UserFactory
from tests.events.factories import make_event

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_list_shows_coming_events_with_places_left_and_not_past_ones(client, consultation):
    make_event(consultation, title="Warsztaty jutro", capacity=3)
    make_event(consultation, title="Dawne warsztaty", starts_in=-datetime.timedelta(days=3))
    response = client.get("/en/events/")
    assert "Warsztaty jutro" in response.text
    assert "3 places left" in response.text
    assert "Dawne warsztaty" not in response.text
    assert consultation.title in response.text


def test_the_list_shows_no_personal_data(client, event, resident):
    services.registration_create(
        user=resident, event=event, interpreter_language="other", other_language="Dari", note="Mam wózek"
    )
    text = client.get("/en/events/").text + client.get(f"/en/events/{event.pk}/").text
    for personal in (resident.display_name, resident.email, "Dari", "Mam wózek", "Interpreter into"):
        assert personal not in text.replace("Interpreter into</label>", "")
    assert "9 places left" in text


def test_the_event_page_invites_a_visitor_to_log_in(client, event):
    response = client.get(f"/en/events/{event.pk}/")
    assert "Log in to say you will attend." in response.text
    assert f'action="/en/events/{event.pk}/register/"' not in response.text


def test_the_event_page_shows_a_resident_the_form_with_every_request(client, event, resident):
    client.force_login(resident)
    text = client.get(f"/en/events/{event.pk}/").text
    assert f'action="/en/events/{event.pk}/register/"' in text
    for field in ("interpreter_language", "other_language", "sign_language", "children", "step_free", "note"):
        assert f'name="{field}"' in text


def test_registering_through_the_form_records_the_requests(client, event, resident):
    client.force_login(resident)
    response = client.post(
        f"/en/events/{event.pk}/register/",
        {"interpreter_language": "uk", "children": "2", "children_ages": "4, 7", "step_free": "on"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/en/events/{event.pk}/#attend"
    assert messages_of(response) == ["You are registered. We will write to you about what you asked for."]
    registration = Registration.objects.get(user=resident)
    assert sorted(registration.requests.values_list("kind", flat=True)) == ["childcare", "interpreter", "step_free"]


def test_the_resident_sees_their_registration_and_requests_after_registering(client, event, resident):
    services.registration_create(user=resident, event=event, sign_language=True)
    client.force_login(resident)
    text = client.get(f"/en/events/{event.pk}/").text
    assert "You are registered." in text
    assert "A Polish Sign Language (PJM) interpreter: <strong>waiting for an answer</strong>" in text
    assert "Cancel my registration" in text


def test_a_signed_out_post_is_refused_with_a_message(client, event):
    response = client.post(f"/en/events/{event.pk}/register/", {})
    assert response.status_code == 302
    assert messages_of(response) == ["Log in to say you will attend."]
    assert not Registration.objects.filter(event=event).exists()


def test_a_second_post_is_refused_with_a_message(client, event, resident):
    client.force_login(resident)
    client.post(f"/en/events/{event.pk}/register/", {})
    response = client.post(f"/en/events/{event.pk}/register/", {})
    assert messages_of(response)[-1] == "You have already registered."


def test_a_full_event_page_says_so_instead_of_the_form(client, consultation, resident):
    event = make_event(consultation, capacity=1)
    services.registration_create(user=UserFactory(), event=event)
    client.force_login(resident)
    text = client.get(f"/en/events/{event.pk}/").text
    assert "Sorry, this event is full." in text
    assert f'action="/en/events/{event.pk}/register/"' not in text


def test_cancelling_through_the_page_frees_the_place(client, consultation, resident):
    event = make_event(consultation, capacity=1)
    registration = services.registration_create(user=resident, event=event)
    client.force_login(resident)
    response = client.post(f"/en/events/registrations/{registration.pk}/cancel/")
    assert messages_of(response) == ["Your registration is cancelled."]
    assert "1 place left" in client.get(f"/en/events/{event.pk}/").text


def test_register_and_cancel_accept_only_post(client, event, resident):
    client.force_login(resident)
    assert client.get(f"/en/events/{event.pk}/register/").status_code == 405


def test_my_registrations_lists_events_and_meetings(client, event, scheduled_meeting, resident):
    services.registration_create(user=resident, event=event, step_free=True)
    services.registration_create(user=resident, meeting=scheduled_meeting)
    client.force_login(resident)
    text = client.get("/en/events/mine/").text
    assert event.title in text
    assert "Meeting no. 1" in text


def test_the_consultation_page_shows_its_events(client, consultation, event):
    other = make_event(consultation, title="Spotkanie otwarte", capacity=2)
    Registration.objects.create(user=UserFactory(), event=other)
    text = client.get(consultation.url).text
    assert 'id="events-heading"' in text
    assert event.title in text
    with translation.override("pl"):  # the consultation's page is in Polish
        assert ngettext("%(counter)s place left", "%(counter)s places left", 1) % {"counter": 1} in text


def test_the_consultation_page_reads_its_events_in_one_query(client, consultation, django_assert_max_num_queries):
    make_event(consultation)
    client.get(consultation.url)
    # Both counts are of a rendering (a write renews the page's kept body, consultations.pagebody),
    # with the clock's moments of the generation already read, as they are once per process.
    pagecache.bump()
    pagecache.valid_until(pagecache.generation())
    with django_assert_max_num_queries(100) as before:
        client.get(consultation.url)
    for n in range(5):
        make_event(consultation, title=f"Warsztaty {n}")
    pagecache.valid_until(pagecache.generation())
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(consultation.url)


def test_the_list_takes_a_fixed_number_of_queries(client, consultation, django_assert_max_num_queries):
    make_event(consultation)
    with django_assert_max_num_queries(15) as before:
        client.get("/en/events/")
    for n in range(5):
        event = make_event(consultation, title=f"Warsztaty {n}")
        Registration.objects.create(user=UserFactory(), event=event)
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get("/en/events/")


def test_the_scheduled_meeting_page_shows_the_attend_form(client, scheduled_meeting, resident):
    client.force_login(resident)
    text = client.get(f"/en/council/meetings/{scheduled_meeting.pk}/").text
    assert f'action="/en/events/meetings/{scheduled_meeting.pk}/register/"' in text
    assert 'name="interpreter_language"' in text


def test_a_meeting_in_progress_shows_no_attend_form(client, scheduled_meeting, resident):
    Meeting.objects.filter(pk=scheduled_meeting.pk).update(status=Meeting.Status.LIVE, started_at=timezone.now())
    client.force_login(resident)
    text = client.get(f"/en/council/meetings/{scheduled_meeting.pk}/").text
    assert 'id="attend"' not in text


def test_registering_for_a_meeting_through_the_form(client, scheduled_meeting, resident):
    client.force_login(resident)
    response = client.post(
        f"/en/events/meetings/{scheduled_meeting.pk}/register/",
        {"interpreter_language": "other", "other_language": "Tigrinya"},
    )
    assert response["Location"] == f"/en/council/meetings/{scheduled_meeting.pk}/#attend"
    request = Registration.objects.get(meeting=scheduled_meeting).requests.get()
    assert (request.language, request.other_language) == ("other", "Tigrinya")
    assert "You are registered." in client.get(f"/en/council/meetings/{scheduled_meeting.pk}/").text
