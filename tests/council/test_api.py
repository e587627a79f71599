"""The council's public JSON under /api/v1/council/."""

import pytest

from council import services
from council.models import Poll

from .factories import (
    build_meeting,
    council_record,
    draft_poll,
    mark_present,
    open_poll,
    option,
    submitted_motion,
    vote,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def voted(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    mark_present(council, meeting)
    named = open_poll(council, meeting, on_motion=True)
    vote(council, named, "m1", "yes")
    vote(council, named, "m2", "no")
    vote(council, named, "m3", "yes")
    named = services.poll_close(poll=named, user=council.chair)
    secret = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, secret, "m1", "no")
    return meeting, named, secret


def test_meeting_lists_its_agenda_attendance_and_polls(client, voted):
    meeting, named, secret = voted
    body = client.get(f"/api/v1/council/meetings/{meeting.pk}/").json()
    assert body["status"] == "live"
    assert body["attendance"] == {"members": 7, "present": 7}
    assert [poll["id"] for poll in body["polls"]] == [named.pk, secret.pk]
    assert body["agenda"][-1]["motion"] == named.motion_id
    assert body["url"].startswith("http://testserver/")


def test_named_poll_lists_each_members_vote_after_closing(client, voted, council):
    _meeting, named, _secret = voted
    body = client.get(f"/api/v1/council/polls/{named.pk}/").json()
    assert (body["state"], body["kind"], body["majority"]) == ("closed", "named", "simple")
    assert body["result"]["cast"] == 3
    assert body["result"]["outcome"] == "passed"
    votes = {ballot["member"]["name"]: ballot["choice"] for ballot in body["ballots"]}
    assert votes == {
        "Member 1": option(named, "yes").pk,
        "Member 2": option(named, "no").pk,
        "Member 3": option(named, "yes").pk,
    }


def test_open_secret_poll_shows_only_how_many_voted(client, voted):
    _meeting, _named, secret = voted
    body = client.get(f"/api/v1/council/polls/{secret.pk}/").json()
    assert body["state"] == "open"
    assert body["cast"] == 1
    assert body["counts"] is None and body["result"] is None and body["ballots"] == []


def test_a_prepared_poll_is_not_public(client, council):
    meeting = build_meeting(council)
    poll = draft_poll(council, meeting)
    response = client.get(f"/api/v1/council/polls/{poll.pk}/")
    assert response.status_code == 404
    assert response.json() == {"error": "No such poll."}


def test_motions_exclude_drafts_and_resolutions_list_the_adopted(client, voted, council):
    services.motion_draft(term=council.term, submitter=council.people["m4"], title="Szkic", text="X", language="pl")
    titles = [motion["title"] for motion in client.get("/api/v1/council/motions/?page=1").json()["results"]]
    assert "Szkic" not in titles
    assert "Tłumacze w przychodniach" in titles
    resolutions = client.get("/api/v1/council/resolutions/").json()["results"]
    assert resolutions[0]["title"] == "Tłumacze w przychodniach"
    assert resolutions[0]["number"] == 1


@pytest.mark.parametrize(
    ("url", "status"), [("/api/v1/council/meetings/?page=999", 404), ("/api/v1/council/meetings/?page=x", 400)]
)
def test_pages_out_of_range_are_json_errors(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert "error" in response.json()


def test_api_is_read_only(client, voted):
    meeting, _named, _secret = voted
    assert client.post(f"/api/v1/council/meetings/{meeting.pk}/").status_code == 405


def test_meetings_page_through(client):
    record = council_record()
    body = client.get("/api/v1/council/meetings/").json()
    assert body["count"] == 3
    assert {"id", "number", "status", "starts_at", "url"} <= set(body["results"][0])
    seen, url = [], "/api/v1/council/meetings/?page_size=2"
    while url:
        page = client.get(url).json()
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert seen == [meeting.pk for meeting in reversed(record.meetings)]  # the newest first
