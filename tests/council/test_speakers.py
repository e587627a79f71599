"""The speakers' list: members ask, the chair gives the floor, guests when allowed."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from council import selectors, services
from council.models import SpeakerRequest
from tests.accounts.factories import UserFactory

from .factories import refusal


def test_members_queue_in_order_and_the_chair_gives_the_floor(council, meeting):
    first = services.speaker_request(meeting=meeting, user=council.people["m1"])
    services.speaker_request(meeting=meeting, user=council.people["m2"])
    current, queue = selectors.speakers(meeting)
    assert current is None
    assert [r.name for r in queue] == ["Member 1", "Member 2"]
    services.speaker_give_floor(request=first, user=council.chair)
    state = selectors.live_state(meeting)["speakers"]
    assert state["current"]["name"] == "Member 1"
    assert [r["name"] for r in state["queue"]] == ["Member 2"]


def test_giving_the_floor_ends_the_previous_turn(council, meeting):
    one = services.speaker_request(meeting=meeting, user=council.people["m1"])
    two = services.speaker_request(meeting=meeting, user=council.people["m2"])
    services.speaker_give_floor(request=one, user=council.chair)
    services.speaker_give_floor(request=two, user=council.chair)
    one.refresh_from_db()
    assert one.state == SpeakerRequest.State.DONE
    assert one.ended_at is not None


def test_asking_twice_is_refused(council, meeting):
    services.speaker_request(meeting=meeting, user=council.people["m1"])
    assert refusal(lambda: services.speaker_request(meeting=meeting, user=council.people["m1"])) == (
        "You are already on the speakers' list."
    )


def test_the_database_allows_one_speaker_at_a_time(council, meeting):
    from django.utils import timezone

    for key in ("m1", "m2"):
        SpeakerRequest.objects.create(meeting=meeting, user=council.people[key], requested_at=timezone.now())
    SpeakerRequest.objects.filter(user=council.people["m1"]).update(state="speaking")
    with pytest.raises(IntegrityError), transaction.atomic():
        SpeakerRequest.objects.filter(user=council.people["m2"]).update(state="speaking")


def test_guests_ask_only_when_the_chair_allows_it(council, meeting):
    guest = UserFactory(display_name="Gość")
    assert "the chair has not opened the list to guests" in refusal(
        lambda: services.speaker_request(meeting=meeting, user=guest)
    )
    services.guests_allow(meeting=meeting, user=council.chair, allowed=True)
    request = services.speaker_request(meeting=meeting, user=guest)
    assert request.is_member is False


def test_the_chair_adds_a_guest_without_an_account_by_name(council, meeting):
    services.speaker_add_guest(meeting=meeting, user=council.chair, name="Pani z Fundacji")
    assert selectors.live_state(meeting)["speakers"]["queue"] == [
        {"id": SpeakerRequest.objects.get(guest_name="Pani z Fundacji").pk, "name": "Pani z Fundacji", "member": False}
    ]
    assert refusal(lambda: services.speaker_add_guest(meeting=meeting, user=council.chair, name=" ")) == (
        "Write the guest's name."
    )


def test_only_the_chair_gives_the_floor(council, meeting):
    request = services.speaker_request(meeting=meeting, user=council.people["m1"])
    assert refusal(lambda: services.speaker_give_floor(request=request, user=council.people["m2"])) == (
        "Only the chair or the vice-chair can do this."
    )


def test_a_waiting_member_withdraws(client, council, meeting):
    services.speaker_request(meeting=meeting, user=council.people["m1"])
    client.force_login(council.people["m1"])
    response = client.post(reverse("council:speak", args=[meeting.pk]), {"withdraw": "1"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["You are no longer on the speakers' list."]
    assert "Ask to speak" in response.content.decode()


def test_a_member_asks_to_speak_from_the_meeting_page(client, council, meeting):
    client.force_login(council.people["m3"])
    response = client.post(reverse("council:speak", args=[meeting.pk]), follow=True)
    page = response.content.decode()
    assert "Withdraw my request to speak" in page
    assert "Waiting to speak:" in page


def test_closing_the_meeting_clears_the_list(council, meeting):
    services.speaker_request(meeting=meeting, user=council.people["m1"])
    services.meeting_close(meeting=meeting, user=council.chair)
    assert not SpeakerRequest.objects.filter(meeting=meeting, state__in=SpeakerRequest.ACTIVE).exists()
