"""Opening, voting, closing: every rule and every refusal."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from council import services
from council.models import Attendance, Ballot, Meeting, Motion, Poll, PollOption, Resolution

from .factories import (
    build_council,
    build_meeting,
    draft_poll,
    mark_present,
    open_poll,
    option,
    refusal,
    submitted_motion,
    vote,
)


def test_a_present_member_votes_once_and_the_tally_counts_it(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    vote(council, poll, "m1", "yes")
    assert Ballot.objects.get(poll=poll).member == council.seats["m1"]
    assert {o.kind: o.votes for o in poll.options.all()} == {"yes": 1, "no": 0, "abstain": 0}


def test_second_ballot_from_same_member_is_rejected(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    vote(council, poll, "m1", "yes")
    message = refusal(lambda: vote(council, poll, "m1", "no"))
    assert message == "You have already voted in this poll. A ballot is final."
    assert poll.ballots.count() == 1
    assert sum(poll.options.values_list("votes", flat=True)) == 1


def test_member_not_marked_present_cannot_vote(council, meeting):
    mark_present(council, meeting, "chair", "secretary")
    poll = open_poll(council, meeting)
    assert "marked present" in refusal(lambda: vote(council, poll, "m1", "yes"))


def test_member_whose_check_in_is_not_confirmed_cannot_vote(council, meeting):
    services.attendance_check_in(meeting=meeting, user=council.people["m1"])
    poll = open_poll(council, meeting)
    assert "not been confirmed" in refusal(lambda: vote(council, poll, "m1", "yes"))


def test_member_marked_absent_after_being_present_cannot_vote(council, meeting):
    mark_present(council, meeting)
    services.attendance_set(meeting=meeting, membership=council.seats["m1"], present=False, user=council.secretary)
    poll = open_poll(council, meeting)
    assert "marked present" in refusal(lambda: vote(council, poll, "m1", "yes"))


def test_someone_who_is_not_a_member_of_the_term_cannot_vote(council, meeting):
    from tests.accounts.factories import UserFactory

    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    outsider = UserFactory()
    message = refusal(lambda: services.ballot_cast(poll=poll, user=outsider, option_id=option(poll, "yes").pk))
    assert message == "You are not a member of the council in this term, so you cannot vote."


def test_member_of_another_term_cannot_vote(council, meeting):
    other = build_council()
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    message = refusal(
        lambda: services.ballot_cast(poll=poll, user=other.people["m1"], option_id=option(poll, "yes").pk)
    )
    assert "not a member of the council in this term" in message


def test_member_whose_seat_ended_before_the_meeting_cannot_vote(council, meeting):
    mark_present(council, meeting)
    seat = council.seats["m2"]
    seat.ends_on = timezone.localdate() - timezone.timedelta(days=1)
    seat.save()
    poll = open_poll(council, meeting)
    assert "not a member" in refusal(lambda: vote(council, poll, "m2", "yes"))


def test_anonymous_visitor_is_asked_to_log_in(council, meeting):
    from django.contrib.auth.models import AnonymousUser

    poll = open_poll(council, meeting)
    message = refusal(lambda: services.ballot_cast(poll=poll, user=AnonymousUser(), option_id=1))
    assert message == "Log in to vote."


def test_vote_in_a_poll_not_yet_opened_is_refused(council, meeting):
    mark_present(council, meeting)
    poll = draft_poll(council, meeting)
    assert refusal(lambda: vote(council, poll, "m1", "yes")) == "This vote has not been opened yet."


def test_vote_after_closing_is_refused(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    services.poll_close(poll=poll, user=council.chair)
    assert refusal(lambda: vote(council, poll, "m1", "yes")) == "This vote is closed."
    assert poll.ballots.count() == 0


@pytest.mark.parametrize("choice", ["", "abc", None, "999999"])
def test_ballot_without_a_valid_option_is_refused_and_records_nothing(council, meeting, choice):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    message = refusal(lambda: services.ballot_cast(poll=poll, user=council.people["m1"], option_id=choice))
    assert message == "Choose one of the options on the ballot."
    assert poll.ballots.count() == 0


def test_option_of_another_poll_is_refused(council, meeting):
    mark_present(council, meeting)
    first = open_poll(council, meeting)
    services.poll_close(poll=first, user=council.chair)
    second = open_poll(council, meeting)
    message = refusal(
        lambda: services.ballot_cast(poll=second, user=council.people["m1"], option_id=option(first, "yes").pk)
    )
    assert message == "Choose one of the options on the ballot."


def test_only_the_chair_or_vice_chair_opens_and_closes_polls(council, meeting):
    poll = draft_poll(council, meeting)
    assert refusal(lambda: services.poll_open(poll=poll, user=council.secretary)) == (
        "Only the chair or the vice-chair can do this."
    )
    services.poll_open(poll=poll, user=council.chair)
    assert refusal(lambda: services.poll_close(poll=poll, user=council.people["m1"])) == (
        "Only the chair or the vice-chair can do this."
    )


def test_only_one_poll_is_open_at_a_time(council, meeting):
    open_poll(council, meeting)
    assert refusal(lambda: open_poll(council, meeting)) == "Another vote is open. Close it first."


def test_polls_are_not_prepared_before_the_meeting_starts(council):
    meeting = build_meeting(council, start=False)
    message = refusal(lambda: draft_poll(council, meeting))
    assert message == "Votes are prepared while the meeting is in progress."


@pytest.mark.parametrize(
    ("question", "options", "message"),
    [
        ("", [], "Write the question the members vote on."),
        ("x" * 301, [], "A question may be at most 300 characters long; this one has 301."),
        ("Kto?", ["Ana"], "A choice needs at least two options, one per line."),
        ("Kto?", ["Ana", "Ana"], "Each option must be different."),
        ("Kto?", ["Ana", "x" * 201], "An option may be at most 200 characters long."),
        ("Kto?", [str(n) for n in range(21)], "A choice may have at most 20 options."),
    ],
)
def test_bad_poll_definitions_are_refused(council, meeting, question, options, message):
    method = Poll.Method.CHOICE if options else Poll.Method.YES_NO
    assert (
        refusal(
            lambda: services.poll_create(
                item=meeting.agenda_items.first(),
                user=council.chair,
                question=question,
                kind="named",
                method=method,
                majority="simple",
                options=options,
            )
        )
        == message
    )
    assert not Poll.objects.filter(agenda_item__meeting=meeting).exists()


def test_closing_freezes_entitled_present_cast_counts_quorum_and_outcome(council, meeting):
    mark_present(council, meeting, "chair", "secretary", "m1", "m2", "m3")
    poll = open_poll(council, meeting)
    vote(council, poll, "m1", "yes")
    vote(council, poll, "m2", "yes")
    vote(council, poll, "m3", "no")
    vote(council, poll, "chair", "abstain")
    poll = services.poll_close(poll=poll, user=council.chair)
    poll.refresh_from_db()
    assert (poll.entitled, poll.present, poll.cast) == (7, 5, 4)
    assert (poll.quorum_required, poll.quorum_reached, poll.outcome) == (4, True, Poll.Outcome.PASSED)
    assert {o.kind: o.votes for o in poll.options.all()} == {"yes": 2, "no": 1, "abstain": 1}


def test_without_quorum_the_poll_is_invalid_and_the_motion_waits_for_another_vote(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    mark_present(council, meeting, "chair", "m1", "m2")  # 3 of 7
    poll = open_poll(council, meeting, on_motion=True)
    vote(council, poll, "m1", "yes")
    poll = services.poll_close(poll=poll, user=council.chair)
    assert poll.outcome == Poll.Outcome.NO_QUORUM
    motion.refresh_from_db()
    assert motion.state == Motion.State.SCHEDULED
    assert not Resolution.objects.filter(motion=motion).exists()


def test_a_quorum_set_on_the_poll_replaces_the_default(council, meeting):
    mark_present(council, meeting)
    poll = draft_poll(council, meeting, quorum=8)
    poll = services.poll_open(poll=poll, user=council.chair)
    vote(council, poll, "m1", "yes")
    poll = services.poll_close(poll=poll, user=council.chair)
    assert (poll.quorum_required, poll.quorum_reached, poll.outcome) == (8, False, Poll.Outcome.NO_QUORUM)


def test_a_closed_poll_is_not_closed_again(council, meeting):
    poll = open_poll(council, meeting)
    services.poll_close(poll=poll, user=council.chair)
    assert refusal(lambda: services.poll_close(poll=poll, user=council.chair)) == "Only an open vote can be closed."


def test_election_between_candidates_records_the_winner(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(
        council,
        meeting,
        kind=Poll.Kind.SECRET,
        method=Poll.Method.CHOICE,
        majority=Poll.Majority.ABSOLUTE,
        options=["Ana P.", "Giorgi M."],
    )
    for key in ("chair", "m1", "m2", "m3"):
        vote(council, poll, key, "Ana P.")
    vote(council, poll, "m4", "Giorgi M.")
    vote(council, poll, "secretary", "abstain")
    poll = services.poll_close(poll=poll, user=council.chair)
    assert poll.outcome == Poll.Outcome.CHOSEN
    assert poll.winner == option(poll, "Ana P.")


def test_adopted_motion_becomes_the_next_resolution_of_the_term(council):
    numbers = []
    for title in ("Pierwszy", "Drugi"):
        motion = submitted_motion(council, title=title)
        meeting = build_meeting(council, motion=motion)
        mark_present(council, meeting)
        poll = open_poll(council, meeting, on_motion=True)
        for key in ("m1", "m2", "m3"):
            vote(council, poll, key, "yes")
        services.poll_close(poll=poll, user=council.chair)
        services.meeting_close(meeting=meeting, user=council.chair)
        motion.refresh_from_db()
        assert motion.state == Motion.State.ADOPTED
        numbers.append(motion.resolution.number)
    assert numbers == [1, 2]
    resolution = Resolution.objects.get(term=council.term, number=2)
    assert resolution.title == "Drugi"
    assert resolution.label == f"Resolution no. {council.term.roman}/2/{timezone.localdate().year}"


def test_resolution_number_format_comes_from_settings(council, settings):
    settings.RADA_RESOLUTION_NUMBER_FORMAT = "{number}/{term}/{year}"
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    mark_present(council, meeting)
    poll = open_poll(council, meeting, on_motion=True)
    vote(council, poll, "m1", "yes")
    services.poll_close(poll=poll, user=council.chair)
    resolution = Resolution.objects.get(motion=motion)
    assert resolution.label == f"Resolution no. 1/{council.term.number}/{timezone.localdate().year}"


def test_rejected_motion_gets_no_resolution(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    mark_present(council, meeting)
    poll = open_poll(council, meeting, on_motion=True)
    vote(council, poll, "m1", "no")
    services.poll_close(poll=poll, user=council.chair)
    motion.refresh_from_db()
    assert motion.state == Motion.State.REJECTED
    assert not Resolution.objects.filter(motion=motion).exists()


# --- a closed poll never changes, whoever tries ----------------------------------------


@pytest.fixture
def closed_poll(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    vote(council, poll, "m1", "yes")
    return services.poll_close(poll=poll, user=council.chair)


def test_database_refuses_to_change_a_frozen_result(closed_poll):
    with pytest.raises(IntegrityError), transaction.atomic():
        Poll.objects.filter(pk=closed_poll.pk).update(cast=99)
    closed_poll.refresh_from_db()
    assert closed_poll.cast == 1


def test_database_refuses_to_reopen_a_closed_poll(closed_poll):
    with pytest.raises(IntegrityError), transaction.atomic():
        Poll.objects.filter(pk=closed_poll.pk).update(state=Poll.State.OPEN)


def test_database_refuses_to_change_the_tally_of_a_closed_poll(closed_poll):
    with pytest.raises(IntegrityError), transaction.atomic():
        PollOption.objects.filter(poll=closed_poll).update(votes=50)
    assert sum(closed_poll.options.values_list("votes", flat=True)) == 1


def test_database_refuses_a_ballot_added_to_a_closed_poll(closed_poll, council):
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(
            poll=closed_poll, member=council.seats["m2"], secret=False, option=closed_poll.options.first()
        )


def test_database_refuses_to_change_a_ballot_of_a_closed_poll(closed_poll):
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.filter(poll=closed_poll).update(option=closed_poll.options.last())


def test_database_refuses_a_ballot_in_a_poll_not_yet_open(council, meeting):
    poll = draft_poll(council, meeting)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(poll=poll, member=council.seats["m1"], secret=False, option=poll.options.first())


def test_database_refuses_two_ballots_from_one_member(council, meeting):
    poll = open_poll(council, meeting)
    Ballot.objects.create(poll=poll, member=council.seats["m1"], secret=False, option=poll.options.first())
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(poll=poll, member=council.seats["m1"], secret=False, option=poll.options.last())


# --- meetings -------------------------------------------------------------------------


def test_meeting_cannot_be_started_on_another_day(council):
    meeting = build_meeting(council, start=False)
    tomorrow = timezone.now() + timezone.timedelta(days=1)
    message = refusal(lambda: services.meeting_start(meeting=meeting, user=council.chair, now=tomorrow))
    assert message.startswith("This meeting is scheduled for")
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.SCHEDULED


def test_only_the_chair_starts_a_meeting(council):
    meeting = build_meeting(council, start=False)
    assert refusal(lambda: services.meeting_start(meeting=meeting, user=council.people["m1"])) == (
        "Only the chair or the vice-chair can do this."
    )


def test_meeting_with_an_open_poll_cannot_be_closed(council, meeting):
    open_poll(council, meeting)
    assert refusal(lambda: services.meeting_close(meeting=meeting, user=council.chair)) == (
        "A vote is still open. Close it before closing the meeting."
    )


def test_closing_a_meeting_returns_unvoted_motions_and_drops_unopened_polls(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    services.poll_create(
        item=meeting.agenda_items.last(),
        user=council.chair,
        question="Q?",
        kind="named",
        method="yes_no",
        majority="simple",
        on_motion=True,
    )
    services.meeting_close(meeting=meeting, user=council.chair)
    motion.refresh_from_db()
    assert motion.state == Motion.State.SUBMITTED
    assert not Poll.objects.filter(agenda_item__meeting=meeting).exists()


def test_member_checks_in_and_the_secretary_confirms(council, meeting):
    services.attendance_check_in(meeting=meeting, user=council.people["m1"])
    row = Attendance.objects.get(meeting=meeting, membership=council.seats["m1"])
    assert row.state == Attendance.State.CHECKED_IN
    mark_present(council, meeting, "m1")
    row.refresh_from_db()
    assert (row.state, row.changed_by) == (Attendance.State.PRESENT, council.secretary)
    assert refusal(lambda: services.attendance_check_in(meeting=meeting, user=council.people["m1"])) == (
        "You are already marked present."
    )


def test_an_ordinary_member_cannot_keep_the_attendance_list(council, meeting):
    message = refusal(
        lambda: services.attendance_set(
            meeting=meeting, membership=council.seats["m2"], present=True, user=council.people["m1"]
        )
    )
    assert message == "Only the chair, the vice-chair or the secretary keeps the attendance list."
