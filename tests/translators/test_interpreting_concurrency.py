"""Interpreting requests under concurrent officials, for real: threads with
their own connections against PostgreSQL."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from core.errors import RuleBroken
from events import services as event_services
from events.models import AccessRequest, Event
from tests.accounts.factories import UserFactory
from tests.translators.factories import make_translator
from translators import interpreting
from translators.models import InterpretingRequest

from ..concurrency import run_in_threads

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrent_writers]
HOUR = datetime.timedelta(hours=1)


def _official():
    """An official with the two rights used here (transactional tests flush the staff groups)."""
    user = UserFactory()
    user.user_permissions.add(*Permission.objects.filter(codename__in=["assign_interpreter", "change_accessrequest"]))
    return user


def _fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def test_ten_officials_booking_one_translator_at_overlapping_times_book_them_once():
    officials = [_official() for _ in range(10)]
    translator = make_translator(pairs=[("pl", "uk")])
    starts_at = timezone.now() + datetime.timedelta(days=2)
    requests = [
        interpreting.interpreting_request_create(
            official=officials[0],
            source_language="pl",
            target_language="uk",
            starts_at=starts_at + number * datetime.timedelta(minutes=10),
            ends_at=starts_at + 2 * HOUR,
            subject=f"Rozmowa {number}",
            unit="Urząd Miejski",
            place="Nowe Ogrody 8/12",
        )
        for number in range(10)
    ]

    errors = run_in_threads(
        10,
        lambda i: interpreting.interpreting_assign(
            interpreting=requests[i], translator=translator, official=_fresh(officials[i])
        ),
    )

    assert InterpretingRequest.objects.filter(translator=translator).count() == 1
    assert {type(error) for error in errors} == {RuleBroken}
    assert {error.message for error in errors} == {"This translator is already booked at an overlapping time."}
    assert len(errors) == 9


def test_officials_confirming_ten_residents_arabic_at_once_make_one_interpreting_request():
    starts_at = timezone.now() + datetime.timedelta(days=2)
    event = Event.objects.create(
        title="Spotkanie informacyjne",
        starts_at=starts_at,
        ends_at=starts_at + 2 * HOUR,
        place="Sala 1",
        capacity=20,
        language="pl",
    )
    official = _official()
    access_requests = [
        event_services.registration_create(
            user=UserFactory(), event=event, interpreter_language="other", other_language="ar"
        ).requests.get()
        for _ in range(10)
    ]

    errors = run_in_threads(
        10,
        lambda i: event_services.request_decide(
            access_request=access_requests[i], official=_fresh(official), status=AccessRequest.Status.CONFIRMED
        ),
    )

    assert errors == []
    made = InterpretingRequest.objects.get()
    assert (made.target_language, made.access_requests.count()) == ("ar", 10)
