"""The demo's city answers: recorded through the service, in four languages,
with one resolution left unanswered long enough to be overdue."""

import pytest
from django.conf import settings
from django.utils import timezone, translation

from council.follow_up import CityResponseUpdate, CityStatus
from council.models import Resolution
from council.selectors import city_follow_up
from demo.seed import Seeder

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def follow_up(motion_key_title):
    resolution = Resolution.objects.get(motion__title=motion_key_title)
    return city_follow_up(resolution, today=timezone.localdate())


def test_the_interpreters_resolution_was_answered_and_implemented():
    found = follow_up("Tłumacze w przychodniach miejskich")
    assert [update.status for update in found.updates] == ["accepted", "in_progress", "implemented"]
    assert found.status == CityStatus.IMPLEMENTED


def test_the_school_liaisons_were_partly_accepted_with_reasons_and_are_in_progress():
    found = follow_up("Multilingual liaison staff in schools")
    assert [update.status for update in found.updates] == ["partly_accepted", "in_progress"]
    assert "budget" in found.updates[0].text_en


def test_the_housing_advice_resolution_waits_for_an_answer_long_enough_to_be_overdue():
    found = follow_up("Punkt porad mieszkaniowych")
    assert found.status == CityStatus.AWAITING
    assert found.overdue_days > settings.RADA_CITY_ANSWER_DAYS


def test_every_step_is_written_in_the_four_languages():
    for update in CityResponseUpdate.objects.all():
        assert all(getattr(update, f"text_{code}") for code, _name in settings.LANGUAGES), update


def test_the_councils_opinion_on_the_festival_was_partly_accepted_by_the_culture_institute():
    found = follow_up("Opinia Rady o programie Festiwalu Sąsiedzkiego Wielu Kultur")
    assert [update.status for update in found.updates] == ["partly_accepted"]
    assert "next year" in found.updates[0].text_en


def test_the_steps_are_recorded_once():
    count = CityResponseUpdate.objects.count()
    Seeder().run()
    assert CityResponseUpdate.objects.count() == count == 6


def test_the_overdue_resolution_says_so_on_its_page(client):
    resolution = Resolution.objects.get(motion__title="Punkt porad mieszkaniowych")
    with translation.override("en"):
        url = resolution.get_absolute_url()
    html = client.get(url).content.decode().replace("&#x27;", "'")
    assert "Waiting for the city's answer for" in html
