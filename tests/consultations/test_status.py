import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations.models import ConsultationPage, Status
from tests.consultations.factories import make_consultation

pytestmark = pytest.mark.django_db

OPENS = timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 0))
CLOSES = timezone.make_aware(datetime.datetime(2026, 12, 31, 23, 59))
OUTCOME = timezone.make_aware(datetime.datetime(2027, 1, 20, 12, 0))
TICK = datetime.timedelta(microseconds=1)

BOUNDARIES = [
    (OPENS - TICK, None, Status.UPCOMING),
    (OPENS, None, Status.OPEN),
    (CLOSES - TICK, None, Status.OPEN),
    (CLOSES, None, Status.CLOSED),
    (OUTCOME - TICK, OUTCOME, Status.CLOSED),
    (OUTCOME, OUTCOME, Status.OUTCOME_PUBLISHED),
]


@pytest.mark.parametrize(("now", "outcome_at", "expected"), BOUNDARIES)
def test_status_at_each_boundary(now, outcome_at, expected):
    page = ConsultationPage(opens_at=OPENS, closes_at=CLOSES, outcome_published_at=outcome_at)
    assert page.status_at(now) == expected


@pytest.mark.parametrize(("now", "outcome_at", "expected"), BOUNDARIES)
def test_database_status_agrees_with_the_model(now, outcome_at, expected):
    page = make_consultation(opens_at=OPENS, closes_at=CLOSES, outcome_published_at=outcome_at)
    annotated = ConsultationPage.objects.with_status(now).get(pk=page.pk)
    assert annotated.status == expected == page.status_at(now)


def test_a_consultation_must_close_after_it_opens():
    page = ConsultationPage(title="x", slug="x", opens_at=OPENS, closes_at=OPENS, summary="<p>x</p>")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "closes_at" in error.value.message_dict
