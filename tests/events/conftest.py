"""An open consultation with a workshop, residents, an official, and a
scheduled council meeting, for the tests of events and requests."""

import datetime

import pytest
from django.utils import timezone

from core.errors import RuleBroken
from council.models import Meeting
from tests.accounts import factories as people
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation
from tests.council.factories import build_council
from tests.events.factories import make_event

DAY = datetime.timedelta(days=1)


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
    return people.official(display_name="Urzędniczka")


@pytest.fixture
def scheduled_meeting(db):
    council = build_council(members=1)
    return Meeting.objects.create(term=council.term, number=1, starts_at=timezone.now() + 3 * DAY, place="Sala 105")
