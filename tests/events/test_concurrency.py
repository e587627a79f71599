"""Places under concurrent registrations, for real: threads with their own
connections against PostgreSQL."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.errors import RuleBroken
from events import services
from events.models import Event, Registration
from tests.accounts.factories import UserFactory

from ..concurrency import run_in_threads

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrent_writers]


def _event(capacity):
    """An event of its own: one of a consultation is open only to those who may see that consultation."""
    starts_at = timezone.now() + datetime.timedelta(days=1)
    return Event.objects.create(
        title="Warsztaty",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        place="Sala 1",
        capacity=capacity,
    )


def _fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def test_twenty_residents_registering_at_once_fill_exactly_the_five_places():
    event = _event(capacity=5)
    people = [UserFactory() for _ in range(20)]

    errors = run_in_threads(
        20, lambda i: services.registration_create(user=_fresh(people[i]), event=event, interpreter_language="uk")
    )

    assert Registration.objects.filter(event=event).count() == 5
    assert len(errors) == 15
    assert {type(error) for error in errors} == {RuleBroken}
    assert {error.message for error in errors} == {"Sorry, this event is full."}


def test_one_resident_sending_the_form_ten_times_at_once_is_registered_once():
    event = _event(capacity=5)
    person = UserFactory()

    errors = run_in_threads(10, lambda i: services.registration_create(user=_fresh(person), event=event))

    assert Registration.objects.filter(event=event).count() == 1
    assert {error.message for error in errors} == {"You have already registered."}
    assert len(errors) == 9


def test_twenty_residents_registering_at_once_take_exactly_a_meetings_five_guest_seats():
    from council.models import Meeting
    from tests.council.factories import build_council

    council = build_council(members=1)
    meeting = Meeting.objects.create(
        term=council.term,
        number=1,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        place="Sala 105",
        guest_seats=5,
    )
    people = [UserFactory() for _ in range(20)]

    errors = run_in_threads(20, lambda i: services.registration_create(user=_fresh(people[i]), meeting=meeting))

    assert Registration.objects.filter(meeting=meeting).count() == 5
    assert {error.message for error in errors} == {"Sorry, all seats for guests at this meeting are taken."}
    assert len(errors) == 15
