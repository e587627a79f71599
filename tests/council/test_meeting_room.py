"""The meeting room: the projector on the room's screen, the chair's console
(its confirmations, its order, its attendance list that follows check-ins)
and the member's ballot page.  The browser test measures the layouts."""

import re

import pytest
from django.urls import reverse

from council import services
from council.models import Meeting, Motion, Poll

from .factories import build_meeting, draft_poll, mark_present, open_poll, submitted_motion, vote

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def text(response):
    return response.content.decode()


def assert_no_inline_style_or_script(html):
    """What a strict Content-Security-Policy would block."""
    assert " style=" not in html
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html)


# --- the projector ----------------------------------------------------------------


def test_the_projector_has_no_site_header_menu_language_switcher_or_footer(client, council, meeting):
    html = text(client.get(reverse("council:projector", args=[meeting.pk])))
    assert 'class="site-header' not in html
    assert 'class="languages"' not in html
    assert 'class="site-footer' not in html
    assert "css/meeting-room.css" in html
    assert "Immigrants' Council · Meeting no. 1" in html


def test_the_projector_shows_how_many_of_the_members_present_have_voted(client, council, meeting):
    mark_present(council, meeting, "chair", "secretary", "m1", "m2", "m3")
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "yes")
    vote(council, poll, "m2", "no")
    html = text(client.get(reverse("council:projector", args=[meeting.pk])))
    assert "Voted: 2 of 5 members present." in html
    assert '<meter class="poll__bar poll__bar--progress" min="0" max="5" value="2"' in html
    assert "poll__count" not in html  # a secret tally stays hidden until the vote closes


def test_the_projector_draws_the_result_as_bars_with_numbers_and_the_decision(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    for key, choice in (("m1", "yes"), ("m2", "yes"), ("m3", "no"), ("m4", "abstain")):
        vote(council, poll, key, choice)
    services.poll_close(poll=poll, user=council.chair)
    html = text(client.get(reverse("council:projector", args=[meeting.pk])))
    assert "Passed" in html
    bars = re.findall(r'<meter class="poll__bar" min="0" max="(\d+)" value="(\d+)"', html)
    assert bars == [("4", "2"), ("4", "1"), ("4", "1")]
    counts = re.findall(r'<span class="poll__count">(\d+)</span>', html)
    assert counts == ["2", "1", "1"]


def test_the_projector_speaks_the_screens_language_and_marks_the_agenda_in_the_records(client, council, meeting):
    html = text(client.get(reverse("council:projector", args=[meeting.pk]).replace("/en/", "/uk/")))
    assert '<html lang="uk"' in html
    assert "Засідання" in html or "засідання" in html
    assert '<strong lang="pl">Otwarcie</strong>' in html


def test_the_projector_names_a_motion_in_the_screens_language_and_its_title_in_its_own(client, council):
    from django.utils import translation

    motion = submitted_motion(council, title="Tłumacze w przychodniach")
    meeting = build_meeting(council, motion=motion)
    item = meeting.agenda_items.get(motion=motion)
    services.agenda_item_select(meeting=meeting, item=item, user=council.chair)
    html = text(client.get(reverse("council:projector", args=[meeting.pk]).replace("/en/", "/uk/")))
    with translation.override("uk"):
        label = motion.label
    assert f'{label}: <span lang="pl">Tłumacze w przychodniach</span>' in html
    assert "Wniosek nr" not in html  # the item's own title, in the record's Polish


def test_the_projector_answers_in_the_same_number_of_queries_for_a_larger_council(
    client, django_assert_max_num_queries
):
    from .factories import build_council

    for size in (3, 30):
        council = build_council(size)
        meeting = build_meeting(council)
        mark_present(council, meeting)
        poll = open_poll(council, meeting)
        for n in range(1, size + 1):
            vote(council, poll, f"m{n}", "yes")
        with django_assert_max_num_queries(10):
            assert client.get(reverse("council:projector", args=[meeting.pk])).status_code == 200


@pytest.mark.parametrize(("name", "queries"), [("console", 32), ("console_attendance", 12)])
def test_the_console_and_its_list_answer_in_the_same_number_of_queries_for_a_larger_council(
    client, django_assert_max_num_queries, name, queries
):
    from .factories import build_council

    for size in (3, 30):
        council = build_council(size)
        meeting = build_meeting(council)
        mark_present(council, meeting)
        draft_poll(council, meeting)
        client.force_login(council.chair)
        with django_assert_max_num_queries(queries):
            assert client.get(reverse(f"council:{name}", args=[meeting.pk])).status_code == 200


def test_the_meeting_room_pages_have_no_inline_styles_or_scripts(client, council, meeting):
    mark_present(council, meeting)
    draft_poll(council, meeting)
    open_poll(council, meeting)
    client.force_login(council.chair)
    for name in ("projector", "console", "ballot", "meeting"):
        assert_no_inline_style_or_script(text(client.get(reverse(f"council:{name}", args=[meeting.pk]))))


# --- the chair's console: opening a vote without a quorum ----------------------------


def test_opening_a_vote_without_a_quorum_asks_the_chair_to_confirm_first(client, council, meeting):
    mark_present(council, meeting, "chair", "m1")
    poll = draft_poll(council, meeting)
    client.force_login(council.chair)
    response = client.post(reverse("council:poll_open", args=[poll.pk]))
    assert response.status_code == 200
    html = text(response)
    assert "Open the vote without a quorum?" in html
    assert "Only 2 of 7 members are marked present; a quorum needs 4 members." in html
    assert 'name="confirm" value="1"' in html
    assert Poll.objects.get(pk=poll.pk).state == Poll.State.DRAFT


def test_the_chair_who_confirms_opens_the_vote_without_a_quorum(client, council, meeting):
    poll = draft_poll(council, meeting)
    client.force_login(council.chair)
    response = client.post(reverse("council:poll_open", args=[poll.pk]), {"confirm": "1"}, follow=True)
    assert messages_of(response) == ["Voting is open."]
    assert Poll.objects.get(pk=poll.pk).state == Poll.State.OPEN


def test_with_a_quorum_the_vote_opens_at_once(client, council, meeting):
    mark_present(council, meeting, "chair", "m1", "m2", "m3")
    poll = draft_poll(council, meeting)
    client.force_login(council.chair)
    response = client.post(reverse("council:poll_open", args=[poll.pk]), follow=True)
    assert messages_of(response) == ["Voting is open."]
    assert Poll.objects.get(pk=poll.pk).state == Poll.State.OPEN


def test_a_polls_own_quorum_decides_whether_the_chair_is_asked(client, council, meeting):
    mark_present(council, meeting, "chair", "m1")
    poll = draft_poll(council, meeting, quorum=2)
    client.force_login(council.chair)
    client.post(reverse("council:poll_open", args=[poll.pk]))
    assert Poll.objects.get(pk=poll.pk).state == Poll.State.OPEN


def test_the_console_warns_before_the_open_button_when_there_is_no_quorum(client, council, meeting):
    draft_poll(council, meeting)
    client.force_login(council.chair)
    html = text(client.get(reverse("council:console", args=[meeting.pk])))
    assert "You will be asked to confirm before the vote opens." in html


def test_a_member_who_posts_open_is_refused_and_never_offered_the_confirmation(client, council, meeting):
    poll = draft_poll(council, meeting)
    client.force_login(council.people["m1"])
    response = client.post(reverse("council:poll_open", args=[poll.pk]), {"confirm": "1"}, follow=True)
    assert messages_of(response) == ["Only the chair or the vice-chair can do this."]
    response = client.post(reverse("council:poll_open", args=[poll.pk]), follow=True)
    assert "Open the vote without a quorum?" not in text(response)
    assert Poll.objects.get(pk=poll.pk).state == Poll.State.DRAFT


def test_opening_a_vote_twice_says_it_is_open_already_rather_than_asking_again(client, council, meeting):
    poll = draft_poll(council, meeting)
    client.force_login(council.chair)
    client.post(reverse("council:poll_open", args=[poll.pk]), {"confirm": "1"}, follow=True)
    response = client.post(reverse("council:poll_open", args=[poll.pk]), follow=True)
    assert messages_of(response) == ["This vote has already been opened."]


# --- the chair's console: closing the meeting ------------------------------------------


def test_closing_the_meeting_asks_first_and_says_what_will_happen(client, council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    draft_poll(council, meeting, question="Czy przerwa?")
    services.speaker_request(meeting=meeting, user=council.people["m2"])
    client.force_login(council.chair)
    response = client.post(reverse("council:meeting_close", args=[meeting.pk]))
    html = text(response)
    assert response.status_code == 200
    assert "Close the meeting?" in html
    assert "1 vote that was prepared but not opened is removed:" in html
    assert "Czy przerwa?" in html
    assert "1 motion not voted on goes back to the submitted motions" in html
    assert "Tłumacze w przychodniach" in html
    assert "the speakers' list is cleared (1 person is still waiting);" in html
    assert "a draft of the minutes is assembled" in html
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.LIVE
    assert Poll.objects.filter(agenda_item__meeting=meeting).count() == 1


def test_the_confirmed_close_ends_the_meeting(client, council, meeting):
    client.force_login(council.chair)
    response = client.post(reverse("council:meeting_close", args=[meeting.pk]), {"confirm": "1"}, follow=True)
    assert messages_of(response) == ["The meeting is closed. A draft of the minutes is ready for the secretary."]
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.CLOSED


def test_closing_with_a_vote_open_is_refused_without_asking(client, council, meeting):
    open_poll(council, meeting)
    client.force_login(council.chair)
    response = client.post(reverse("council:meeting_close", args=[meeting.pk]), follow=True)
    assert messages_of(response) == ["A vote is still open. Close it before closing the meeting."]
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.LIVE


def test_a_member_cannot_close_the_meeting_with_or_without_confirming(client, council, meeting):
    client.force_login(council.people["m1"])
    for data in ({}, {"confirm": "1"}):
        response = client.post(reverse("council:meeting_close", args=[meeting.pk]), data, follow=True)
        assert messages_of(response) == ["Only the chair or the vice-chair can do this."]
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.LIVE


def test_a_motion_goes_back_to_submitted_only_after_the_confirmed_close(client, council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    client.force_login(council.chair)
    client.post(reverse("council:meeting_close", args=[meeting.pk]))
    assert Motion.objects.get(pk=motion.pk).state == Motion.State.SCHEDULED
    client.post(reverse("council:meeting_close", args=[meeting.pk]), {"confirm": "1"})
    assert Motion.objects.get(pk=motion.pk).state == Motion.State.SUBMITTED


# --- the chair's console: its order and its attendance list ------------------------------


def test_the_vote_controls_stand_above_the_attendance_list(client, council, meeting):
    draft_poll(council, meeting)
    client.force_login(council.chair)
    html = text(client.get(reverse("council:console", args=[meeting.pk])))
    assert html.index("Open the vote") < html.index('id="attendance"') < html.index('id="agenda-heading"')
    assert html.count("Open the vote") == 1  # not repeated in the agenda


def test_each_attendance_button_names_its_member_for_screen_readers_only(client, council, meeting):
    mark_present(council, meeting, "m2")
    client.force_login(council.secretary)
    html = text(client.get(reverse("council:console", args=[meeting.pk])))
    assert 'Mark <span class="visually-hidden">Member 1</span> present</button>' in html
    assert 'Mark <span class="visually-hidden">Member 2</span> absent</button>' in html


def test_a_members_check_in_reaches_the_consoles_attendance_list(client, council, meeting):
    client.force_login(council.people["m1"])
    client.post(reverse("council:check_in", args=[meeting.pk]))
    client.force_login(council.secretary)
    response = client.get(reverse("council:console_attendance", args=[meeting.pk]))
    html = text(response)
    assert response["Cache-Control"] == "no-store"
    assert f'data-member="{council.seats["m1"].pk}" data-name="Member 1" data-state="checked_in"' in html
    assert "1 member has checked in and waits for you to confirm." in html
    assert "<html" not in html  # the list alone, to be swapped into the console


def test_the_attendance_list_alone_is_for_the_chair_and_the_secretary_only(client, council, meeting):
    url = reverse("council:console_attendance", args=[meeting.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(council.people["m1"])
    assert client.get(url).status_code == 403


def test_a_check_in_announces_the_meeting_so_that_consoles_fetch_their_list(
    client, council, meeting, django_capture_on_commit_callbacks, monkeypatch
):
    from council import live

    sent = []
    monkeypatch.setattr(live, "broadcast_meeting", sent.append)
    client.force_login(council.people["m1"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("council:check_in", args=[meeting.pk]))
    assert sent == [meeting.pk]


# --- the ballot page ------------------------------------------------------------------


def test_the_ballot_shows_the_question_and_options_before_the_notes_and_the_live_panel(client, council, meeting):
    mark_present(council, meeting)
    open_poll(council, meeting, kind=Poll.Kind.SECRET)
    client.force_login(council.people["m1"])
    html = text(client.get(reverse("council:ballot", args=[meeting.pk])))
    question = html.index('id="question"')
    assert question < html.index('class="ballot-options"') < html.index("Cast my ballot")
    assert html.index("Cast my ballot") < html.index("Secret ballot: the record that you voted")
    assert html.index("Cast my ballot") < html.index("data-live-socket")
