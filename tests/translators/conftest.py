import datetime

import pytest
from django.utils import timezone

from tests.accounts import factories as people
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation
from tests.translators.factories import make_translator

NOW = timezone.now()
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def consultation(db):
    return make_consultation(opens_at=NOW - 10 * DAY, closes_at=NOW + 10 * DAY, allow_proposals=True)


@pytest.fixture
def official(db):
    return people.official()


@pytest.fixture
def translator(db):
    return make_translator(UserFactory(display_name="Iryna"), pairs=[("uk", "pl"), ("ru", "pl")])
