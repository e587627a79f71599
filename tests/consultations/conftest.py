import datetime

import pytest
from django.utils import timezone

from tests.accounts import factories as people
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation

NOW = timezone.now()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def open_consultation(db):
    return make_consultation(opens_at=NOW - 10 * DAY, closes_at=NOW + 10 * DAY, areas=["education"])


@pytest.fixture
def resident(db):
    return UserFactory(display_name="Olena")


@pytest.fixture
def other_resident(db):
    return UserFactory(display_name="Pedro")


@pytest.fixture
def official(db):
    return people.official()


@pytest.fixture
def moderator(db):
    return people.moderator()
