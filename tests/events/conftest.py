"""An open consultation with a workshop, residents, an official, and a
scheduled council meeting, for the tests of events and requests."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.groups import OFFICIALS
from core.errors import RuleBroken
from council.models import Meeting
from events.models import Event
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation
from tests.council.factories import build_council

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def make_event(consultation, *, capacity=10, starts_in=2 * DAY, **fields):
    starts_at = timezone.now() + starts_in
    values = {
        "title": "Warsztaty o lekcjach polskiego",
        "kind": Event.Kind.WORKSHOP,
        "place": "Centrum Wsparcia Imigrantów, ul. Jaskółcza 1",
        "description": "Porozmawiajmy o planie.",
        "spoken_languages": ["pl", "uk"],
    } | fields
    return Event.objects.create(
        consultation_key=consultation.translation_key,
        starts_at=starts_at,
        ends_at=starts_at + 2 * HOUR,
        capacity=capacity,
        **values,
    )


def refusal(action):
    with pytest.raises(RuleBroken) as error:
        action()
    return error.value.message


@pytest.fixture
def consultation(db):
    now = timezone.now()
    return make_consultation(opens_at=now - 5 * DAY, closes_at=now + 20 * DAY, slug="z-wydarzeniami")


@pytest.fixture
def event(consultation):
    return make_event(consultation)


@pytest.fixture
def resident(db):
    return UserFactory(display_name="Olena", language="uk")


@pytest.fixture
def other_resident(db):
    return UserFactory(display_name="Pedro", language="en")


@pytest.fixture
def official(db):
    user = UserFactory(display_name="Urzędniczka")
    user.groups.add(Group.objects.get(name=OFFICIALS))
    return user


@pytest.fixture
def scheduled_meeting(db):
    council = build_council(members=1)
    return Meeting.objects.create(term=council.term, number=1, starts_at=timezone.now() + 3 * DAY, place="Sala 105")
