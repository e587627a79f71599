"""Speaking time: the chair gives the floor with a time, or sets it for the
person speaking; the live message carries the start, the limit and the
server's clock, and the page shows the limit and the start without JavaScript."""

import datetime

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.urls import reverse
from django.utils import timezone, translation

from council import selectors, services
from council.models import SpeakerRequest

from .factories import build_council, build_meeting, refusal

ORIGIN = [(b"origin", b"http://testserver")]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def floor(council, meeting, key="m1", **kwargs):
    request = services.speaker_request(meeting=meeting, user=council.people[key])
    return services.speaker_give_floor(request=request, user=council.chair, **kwargs)


@pytest.mark.django_db
def test_the_chair_gives_the_floor_with_a_speaking_time(council, meeting):
    started = timezone.now()
    request = floor(council, meeting, time_limit=180, now=started)
    request.refresh_from_db()
    assert (request.time_limit, request.started_at, request.time_limit_text) == (180, started, "3:00")


@pytest.mark.django_db
def test_the_floor_without_a_time_has_no_limit(council, meeting):
    request = floor(council, meeting)
    request.refresh_from_db()
    assert request.time_limit is None


@pytest.mark.django_db
def test_the_chair_sets_the_time_of_the_person_speaking(council, meeting):
    floor(council, meeting)
    request = services.speaker_set_time(meeting=meeting, user=council.chair, time_limit=120)
    assert SpeakerRequest.objects.get(pk=request.pk).time_limit == 120


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("seconds", "reason"), [(5, "between 15 seconds and 60 minutes"), (3601, "between"), ("60", "whole number")]
)
def test_a_speaking_time_out_of_bounds_or_of_the_wrong_type_is_refused(council, meeting, seconds, reason):
    assert reason in refusal(lambda: floor(council, meeting, time_limit=seconds))
    assert not SpeakerRequest.objects.filter(state="speaking").exists()


@pytest.mark.django_db
def test_a_member_who_is_not_the_chair_cannot_set_the_time(council, meeting):
    floor(council, meeting)
    assert refusal(lambda: services.speaker_set_time(meeting=meeting, user=council.people["m2"], time_limit=60)) == (
        "Only the chair or the vice-chair can do this."
    )


@pytest.mark.django_db
def test_setting_the_time_when_nobody_speaks_is_refused(council, meeting):
    assert refusal(lambda: services.speaker_set_time(meeting=meeting, user=council.chair, time_limit=60)) == (
        "Nobody has the floor."
    )


@pytest.mark.django_db
def test_the_live_state_carries_the_start_the_limit_and_the_servers_clock(council, meeting):
    started = timezone.now() - datetime.timedelta(seconds=30)
    floor(council, meeting, time_limit=120, now=started)
    current = selectors.live_state(meeting)["speakers"]["current"]
    assert current["started_at"] == started.isoformat()
    assert current["time_limit"] == 120
    assert datetime.datetime.fromisoformat(current["server_time"]) >= started


@pytest.mark.django_db
def test_without_javascript_the_page_shows_the_limit_and_the_start(client, council, meeting):
    started = timezone.now()
    floor(council, meeting, time_limit=90, now=started)
    response = client.get(reverse("council:meeting", args=[meeting.pk]))
    start = timezone.localtime(started).strftime("%H:%M:%S")
    assert f"Speaking time 1:30, from {start}." in response.text
    assert 'role="timer"' in response.text and 'data-limit="90"' in response.text


@pytest.mark.django_db
def test_the_chair_gives_a_timed_floor_from_the_console(client, council, meeting):
    request = services.speaker_request(meeting=meeting, user=council.people["m1"])
    client.force_login(council.chair)
    console = client.get(reverse("council:console", args=[meeting.pk]))
    assert f'id="speaking-time-{request.pk}"' in console.text
    client.post(reverse("council:speaker_floor", args=[meeting.pk, request.pk]), {"minutes": "3"})
    assert SpeakerRequest.objects.get(pk=request.pk).time_limit == 180
    client.post(reverse("council:speaker_time", args=[meeting.pk]), {"minutes": "²"})
    assert SpeakerRequest.objects.get(pk=request.pk).time_limit is None


@pytest.mark.django_db
def test_a_member_cannot_set_the_time_from_the_console(client, council, meeting):
    floor(council, meeting, time_limit=60)
    client.force_login(council.people["m2"])
    response = client.post(reverse("council:speaker_time", args=[meeting.pk]), {"minutes": "10"}, follow=True)
    assert "Only the chair or the vice-chair can do this." in [str(m) for m in response.context["messages"]]
    assert SpeakerRequest.objects.get(state="speaking").time_limit == 60


@pytest.mark.django_db(transaction=True)
def test_the_live_message_tells_every_screen_the_speakers_start_and_limit():
    council = build_council()
    meeting = build_meeting(council)

    async def body():
        from config.asgi import websocket_application  # the ASGI app is built after settings are ready

        communicator = WebsocketCommunicator(
            websocket_application(), f"/ws/meetings/{meeting.pk}/?lang=en", headers=ORIGIN
        )
        connected, _code = await communicator.connect(timeout=5)
        assert connected
        first = await communicator.receive_json_from(timeout=5)
        request = await database_sync_to_async(floor)(council, meeting, time_limit=120)
        queued = await communicator.receive_json_from(timeout=5)
        given = queued if queued["state"]["speakers"]["current"] else await communicator.receive_json_from(timeout=5)
        assert given["seq"] > first["seq"]
        current = given["state"]["speakers"]["current"]
        assert (current["id"], current["time_limit"]) == (request.pk, 120)
        assert current["started_at"] and current["server_time"]
        assert "data-countdown" in given["html"]["panel"] and 'data-limit="120"' in given["html"]["panel"]
        await communicator.disconnect()

    async_to_sync(body)()
