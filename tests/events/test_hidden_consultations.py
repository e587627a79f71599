"""An event belongs to its consultation: whoever may not see the consultation
(unpublished, behind a password, for a group, for logged-in people) neither
finds its events nor registers for them, and the consultation is not revealed."""

import pytest
from django.urls import reverse
from django.utils import translation

from events import services
from events.models import Registration
from tests.consultations.test_visibility import WAYS, hide
from tests.events.conftest import refusal
from tests.events.factories import make_event

TITLE = "Warsztat tylko dla wybranych"
# A consultation for logged-in people is hidden only from visitors who are not.
HIDDEN_FROM_RESIDENTS = [way for way in WAYS if way != "login"]


def url(name, *args):
    with translation.override("pl"):
        return reverse(f"events:{name}", args=args)


def hidden_event(consultation, how):
    event = make_event(consultation, title=TITLE)
    hide(consultation, how)
    return event


@pytest.mark.parametrize("how", WAYS)
def test_a_visitor_finds_no_event_of_a_hidden_consultation_in_the_list(client, consultation, how):
    hidden_event(consultation, how)
    response = client.get(url("list"))
    assert response.status_code == 200
    assert TITLE not in response.content.decode()


@pytest.mark.parametrize("how", WAYS)
def test_a_visitor_gets_not_found_for_the_event_page_of_a_hidden_consultation(client, consultation, how):
    event = hidden_event(consultation, how)
    assert client.get(url("event", event.pk)).status_code == 404


@pytest.mark.parametrize("how", HIDDEN_FROM_RESIDENTS)
def test_a_resident_finds_no_event_of_a_consultation_hidden_from_them(client, consultation, resident, how):
    event = hidden_event(consultation, how)
    client.force_login(resident)
    assert TITLE not in client.get(url("list")).content.decode()
    assert client.get(url("event", event.pk)).status_code == 404


@pytest.mark.parametrize("how", HIDDEN_FROM_RESIDENTS)
def test_a_posted_registration_for_a_hidden_event_is_not_found_and_records_nothing(client, consultation, resident, how):
    event = hidden_event(consultation, how)
    client.force_login(resident)
    assert client.post(url("register", event.pk), {}).status_code == 404
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.parametrize("how", HIDDEN_FROM_RESIDENTS)
def test_the_service_refuses_a_registration_for_a_hidden_event(consultation, resident, how):
    event = hidden_event(consultation, how)
    assert refusal(lambda: services.registration_create(user=resident, event=event)) == "This event is not available."
    assert not Registration.objects.filter(event=event).exists()


def test_a_logged_in_resident_sees_and_registers_for_the_event_of_a_consultation_for_logged_in_people(
    client, consultation, resident
):
    event = hidden_event(consultation, "login")
    client.force_login(resident)
    assert TITLE in client.get(url("list")).content.decode()
    assert client.get(url("event", event.pk)).status_code == 200
    assert services.registration_create(user=resident, event=event).pk


def test_a_member_of_the_group_sees_and_registers_for_the_groups_event(client, consultation, resident):
    event = hidden_event(consultation, "groups")
    resident.groups.add(consultation.get_view_restrictions().get().groups.get())
    client.force_login(resident)
    assert TITLE in client.get(url("list")).content.decode()
    assert client.get(url("event", event.pk)).status_code == 200
    assert services.registration_create(user=resident, event=event).pk


def test_an_event_of_its_own_stays_listed_and_open_beside_a_hidden_consultation(client, consultation, resident):
    own = make_event(None, title="Dzień otwarty Centrum")
    hidden_event(consultation, "unpublished")
    assert "Dzień otwarty Centrum" in client.get(url("list")).content.decode()
    assert services.registration_create(user=resident, event=own).pk
