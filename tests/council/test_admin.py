"""Officials keep terms, seats and meetings in the Wagtail admin; a meeting
that has started is a record and is no longer edited there."""

import pytest
from django.urls import reverse

from council.models import Meeting, Membership
from tests.accounts import factories as people

from .factories import build_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def official(client):
    user = people.official()
    client.force_login(user)
    return user


@pytest.mark.parametrize("name", ["council_terms:index", "council_members:index", "council_meetings:index"])
def test_officials_see_the_council_in_the_admin(client, official, name):
    assert client.get(reverse(name)).status_code == 200


def test_official_gives_a_person_a_seat(client, official, council):
    person = people.UserFactory(display_name="Nowa Członkini")
    response = client.post(
        reverse("council_members:add"),
        {
            "term": council.term.pk,
            "user": person.pk,
            "role": "member",
            "starts_on": council.term.starts_on,
            "languages": "українська",
            "community": "",
            "bio_pl": "",
            "bio_en": "",
            "bio_uk": "Вчителька.",
            "bio_ru": "",
        },
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=person).bio_uk == "Вчителька."


def test_residents_cannot_reach_the_council_admin(client):
    client.force_login(people.UserFactory())
    response = client.get(reverse("council_members:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_a_started_meeting_is_not_edited_in_the_admin(client, official, council):
    meeting = build_meeting(council)
    response = client.get(reverse("council_meetings:edit", args=[meeting.pk]))
    assert response.status_code == 302
    response = client.post(reverse("council_meetings:delete", args=[meeting.pk]))
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_scheduled_meeting_is_edited_in_the_admin(client, official, council):
    meeting = build_meeting(council, start=False)
    assert client.get(reverse("council_meetings:edit", args=[meeting.pk])).status_code == 200
