"""The pages and the POSTs behind every button: who may press it, what they
are told when they may not, and what the public sees."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from council import services
from council.models import Meeting, Minutes, Poll
from tests.accounts.factories import UserFactory

from .factories import (
    build_council,
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


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_member_sees_the_open_poll_with_a_button_per_option(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    client.force_login(council.people["m1"])
    page = client.get(reverse("council:ballot", args=[meeting.pk])).content.decode()
    assert poll.question in page
    for kind in ("yes", "no", "abstain"):
        assert f'value="{option(poll, kind).pk}"' in page
    assert "Cast my ballot" in page


def test_member_votes_through_the_page_without_javascript(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    client.force_login(council.people["m1"])
    response = client.post(
        reverse("council:ballot_cast", args=[poll.pk]), {"choice": option(poll, "no").pk}, follow=True
    )
    assert messages_of(response) == ["Your ballot is recorded. Thank you."]
    assert "You have voted in this poll." in response.content.decode()
    assert option(poll, "no").votes == 1


@pytest.mark.parametrize(
    ("who", "present", "message"),
    [
        ("m1", False, "Only members marked present can vote. Check in and ask the secretary to confirm you."),
        ("outsider", True, "You are not a member of the council in this term, so you cannot vote."),
    ],
)
def test_the_ballot_page_says_why_a_person_cannot_vote(client, council, meeting, who, present, message):
    if present:
        mark_present(council, meeting)
    open_poll(council, meeting)
    client.force_login(council.people[who] if who in council.people else UserFactory())
    page = client.get(reverse("council:ballot", args=[meeting.pk])).content.decode()
    assert message in page
    assert "Cast my ballot" not in page


def test_refused_ballot_is_explained_after_the_post(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    services.poll_close(poll=poll, user=council.chair)
    client.force_login(council.people["m1"])
    response = client.post(
        reverse("council:ballot_cast", args=[poll.pk]), {"choice": option(poll, "yes").pk}, follow=True
    )
    assert messages_of(response) == ["This vote is closed."]


def test_refusals_are_translated(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    vote(council, poll, "m1", "yes")
    client.force_login(council.people["m1"])
    url = reverse("council:ballot_cast", args=[poll.pk]).replace("/en/", "/uk/")
    response = client.post(url, {"choice": option(poll, "no").pk}, follow=True)
    [message] = messages_of(response)
    assert message != "You have already voted in this poll. A ballot is final."
    assert any("\u0400" <= char <= "\u04ff" for char in message)  # Cyrillic


def test_ballot_post_without_csrf_token_is_refused(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    client = Client(enforce_csrf_checks=True)
    client.force_login(council.people["m1"])
    response = client.post(reverse("council:ballot_cast", args=[poll.pk]), {"choice": option(poll, "yes").pk})
    assert response.status_code == 403
    assert poll.ballots.count() == 0


def test_ballot_is_cast_only_by_post(client, council, meeting):
    poll = open_poll(council, meeting)
    client.force_login(council.people["m1"])
    assert client.get(reverse("council:ballot_cast", args=[poll.pk])).status_code == 405


def test_the_console_is_for_the_chair_and_the_secretary(client, council, meeting):
    client.force_login(council.people["m1"])
    response = client.get(reverse("council:console", args=[meeting.pk]), follow=True)
    assert messages_of(response) == ["Only the chair, the vice-chair or the secretary can use the console."]
    assert response.redirect_chain[-1][0] == meeting.get_absolute_url()


def test_the_secretary_sees_the_attendance_list_but_no_vote_controls(client, council, meeting):
    open_poll(council, meeting)
    client.force_login(council.secretary)
    page = client.get(reverse("council:console", args=[meeting.pk])).content.decode()
    assert 'Mark <span class="visually-hidden">Member 1</span> present' in page
    assert "Close the vote" not in page
    client.force_login(council.chair)
    assert "Close the vote" in client.get(reverse("council:console", args=[meeting.pk])).content.decode()


def test_chair_runs_a_poll_from_the_console(client, council, meeting):
    mark_present(council, meeting)
    client.force_login(council.chair)
    item = meeting.agenda_items.first()
    response = client.post(
        reverse("council:poll_create", args=[meeting.pk, item.pk]),
        {"question": "Czy przyjmujemy porządek obrad?", "method": "yes_no", "kind": "named", "majority": "simple"},
        follow=True,
    )
    assert messages_of(response) == ["The vote is prepared. Open it when the members are ready."]
    poll = Poll.objects.get(agenda_item=item)
    client.post(reverse("council:poll_open", args=[poll.pk]), follow=True)
    vote(council, Poll.objects.get(pk=poll.pk), "m1", "yes")
    response = client.post(reverse("council:poll_close", args=[poll.pk]), follow=True)
    assert messages_of(response) == ["Voting is closed and the result is recorded."]
    poll.refresh_from_db()
    assert (poll.state, poll.outcome) == (Poll.State.CLOSED, Poll.Outcome.PASSED)


def test_bad_poll_form_comes_back_with_the_reason(client, council, meeting):
    client.force_login(council.chair)
    item = meeting.agenda_items.first()
    response = client.post(
        reverse("council:poll_create", args=[meeting.pk, item.pk]),
        {"question": "Kto?", "method": "choice", "kind": "secret", "majority": "simple", "options": "Ana"},
    )
    assert response.status_code == 400
    assert "A choice needs at least two options, one per line." in response.content.decode()


def test_a_member_cannot_open_a_poll_by_posting(client, council, meeting):
    poll = draft_poll(council, meeting)
    client.force_login(council.people["m1"])
    response = client.post(reverse("council:poll_open", args=[poll.pk]), follow=True)
    assert messages_of(response) == ["Only the chair or the vice-chair can do this."]
    assert Poll.objects.get(pk=poll.pk).state == Poll.State.DRAFT


def test_secretary_marks_attendance_from_the_console_and_a_member_cannot(client, council, meeting):
    url = reverse("council:attendance", args=[meeting.pk])
    client.force_login(council.people["m1"])
    response = client.post(url, {"member": council.seats["m2"].pk, "present": "1"}, follow=True)
    assert messages_of(response) == ["Only the chair, the vice-chair or the secretary keeps the attendance list."]
    client.force_login(council.secretary)
    response = client.post(url, {"member": council.seats["m2"].pk, "present": "1"}, follow=True)
    assert messages_of(response) == ["Member 2 is marked present."]


@pytest.mark.parametrize("data", [{}, {"member": "x", "present": "1"}, {"member": "1", "present": "maybe"}])
def test_attendance_post_with_bad_fields_is_refused(client, council, meeting, data):
    client.force_login(council.secretary)
    response = client.post(reverse("council:attendance", args=[meeting.pk]), data, follow=True)
    assert messages_of(response) == ["Choose a member and whether they are present."]


def test_member_checks_in_from_the_meeting_page(client, council, meeting):
    client.force_login(council.people["m1"])
    response = client.post(reverse("council:check_in", args=[meeting.pk]), follow=True)
    assert messages_of(response) == ["You have checked in. The secretary will confirm that you are present."]
    assert "You have checked in; the secretary will confirm you." in response.content.decode()


def test_public_meeting_page_shows_named_votes_after_closing(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    vote(council, poll, "m1", "yes")
    vote(council, poll, "m2", "no")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "How each member voted" not in page  # not while the vote is open
    assert "2 ballots cast so far." in page
    services.poll_close(poll=poll, user=council.chair)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "How each member voted" in page
    assert "Member 1" in page and "Member 2" in page
    assert "Passed" in page or "Rejected" in page


def test_meeting_page_query_count_does_not_grow_with_members_and_ballots(client, django_assert_max_num_queries):
    counts = []
    for size in (3, 25):
        council = build_council(members=size)
        meeting = build_meeting(council, motion=submitted_motion(council))
        mark_present(council, meeting)
        for kind in (Poll.Kind.NAMED, Poll.Kind.SECRET):
            poll = open_poll(council, meeting, kind=kind)
            for n in range(1, size + 1):
                vote(council, poll, f"m{n}", "yes")
            services.poll_close(poll=poll, user=council.chair)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(meeting.get_absolute_url())  # warm the site and content-type caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(meeting.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(30):
        client.get(meeting.get_absolute_url())


def test_minutes_are_drafted_at_closing_edited_and_published(client, council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    Meeting.objects.filter(pk=meeting.pk).update(language="en")  # the draft is written in the meeting's language
    mark_present(council, meeting)
    poll = open_poll(council, meeting, on_motion=True)
    vote(council, poll, "m1", "yes")
    services.poll_close(poll=poll, user=council.chair)
    services.meeting_close(meeting=meeting, user=council.chair)
    minutes = Minutes.objects.get(meeting=meeting)
    assert "7 of 7 members were present" in minutes.text
    assert "Resolution no." in minutes.text
    url = reverse("council:minutes", args=[meeting.pk])
    assert client.get(url).status_code == 404  # a draft is not public
    client.force_login(council.secretary)
    response = client.post(reverse("council:minutes_edit", args=[meeting.pk]), {"text": minutes.text + "\nDyskusja."})
    assert response.status_code == 302
    client.post(reverse("council:minutes_publish", args=[meeting.pk]))
    client.logout()
    page = client.get(url).content.decode()
    assert "Dyskusja." in page
    assert "Record of the meeting" in page
    client.force_login(council.secretary)
    response = client.post(reverse("council:minutes_edit", args=[meeting.pk]), {"text": "Inaczej"}, follow=True)
    assert messages_of(response) == ["The minutes are published and can no longer be changed."]


def test_an_ordinary_member_cannot_edit_the_minutes(client, council):
    meeting = build_meeting(council)
    services.meeting_close(meeting=meeting, user=council.chair)
    client.force_login(council.people["m1"])
    response = client.post(reverse("council:minutes_edit", args=[meeting.pk]), {"text": "X"}, follow=True)
    assert messages_of(response) == ["Only the secretary, the chair or the vice-chair edits the minutes."]


def test_empty_minutes_are_refused(client, council):
    meeting = build_meeting(council)
    services.meeting_close(meeting=meeting, user=council.chair)
    client.force_login(council.secretary)
    response = client.post(reverse("council:minutes_edit", args=[meeting.pk]), {"text": "   "})
    assert response.status_code == 400


def test_member_writes_and_submits_a_motion_through_the_pages(client, council):
    client.force_login(council.people["m1"])
    response = client.post(
        reverse("council:motion_create"),
        {"title": "Ławki w parku", "text": "Rada wnosi o ławki.", "rationale": "", "area": "", "language": "pl"},
    )
    assert response.status_code == 302
    motion = council.term.motions.get(title="Ławki w parku")
    client.post(reverse("council:motion_submit", args=[motion.pk]))
    motion.refresh_from_db()
    assert motion.number == 1
    client.logout()
    assert "Ławki w parku" in client.get(reverse("council:motions")).content.decode()


def test_motion_form_with_errors_keeps_what_was_written(client, council):
    client.force_login(council.people["m1"])
    response = client.post(
        reverse("council:motion_create"), {"title": "", "text": "Mój tekst wniosku", "language": "pl"}
    )
    assert response.status_code == 400
    assert "Mój tekst wniosku" in response.content.decode()


def test_the_meeting_scheduled_for_today_is_there_for_the_chair_to_start():
    from django.utils import timezone

    record = council_record()
    meeting = record.meetings[-1]
    assert meeting.status == Meeting.Status.SCHEDULED
    assert meeting.day == timezone.localdate()
    assert [item.motion for item in meeting.agenda_items.exclude(motion=None)] == record.motions["waiting"]
    services.meeting_start(meeting=meeting, user=record.chair)
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.LIVE


def test_the_record_has_closed_named_and_secret_polls_and_resolutions():
    """What the record the open-data tests read (``council_record``) is made of."""
    record = council_record()
    polls = Poll.objects.filter(agenda_item__meeting__term=record.term, state=Poll.State.CLOSED)
    assert set(polls.values_list("kind", flat=True)) == {"named", "secret"}
    assert set(polls.values_list("method", flat=True)) == {"yes_no", "choice"}
    assert Meeting.objects.filter(term=record.term, status="closed").count() == 2
    assert list(record.term.resolutions.order_by("number").values_list("motion__title", flat=True)) == [
        "Tłumacze w przychodniach",
        "Łącznicy w szkołach",
        "Punkt porad mieszkaniowych",
    ]
    assert Minutes.objects.filter(meeting__term=record.term, state=Minutes.State.PUBLISHED).count() == 2


def test_home_page_shows_the_next_meeting_and_the_latest_resolutions(client):
    record = council_record(number=3)
    latest = record.term.resolutions.get(number=3)
    page = client.get("/en/").content.decode()
    assert "Meeting no. 3" in page
    assert f"Resolution no. III/3/{latest.adopted_on.year}" in page
    assert "No council meeting is scheduled yet." not in page


def test_home_page_says_when_no_meeting_is_scheduled(client):
    page = client.get("/en/").content.decode()
    assert "No council meeting is scheduled yet." in page


def test_an_agenda_item_for_a_motion_is_titled_in_the_meetings_language(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, start=False)
    item = services.motion_schedule(motion=motion, meeting=meeting, user=council.chair)
    with translation.override("pl"):
        assert item.title_text == f"Wniosek nr {council.term.roman}/1: Tłumacze w przychodniach"
