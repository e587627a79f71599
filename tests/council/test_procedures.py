"""Procedures of real councils, through the services: the majority's base and
the quorum chosen per poll, elections with several seats and rounds, and the
secretary's paper counts for members in the room without a device."""

import pytest
from django.utils import timezone, translation

from council import services
from council.models import BallotBox, PaperCount, Poll

from .factories import election, mark_present, open_poll, option, refusal, vote, vote_for

SEVEN = ("chair", "secretary", "m1", "m2", "m3", "m4", "m5")


def close(council, poll):
    return services.poll_close(poll=poll, user=council.chair)


def counts(poll):
    return {o.label: o.total for o in poll.options.all()}


# --- the rules chosen per poll ---------------------------------------------------------------


def test_a_poll_prepared_without_new_rules_keeps_the_old_meaning(council, meeting):
    poll = open_poll(council, meeting)
    assert (poll.base, poll.quorum_rule, poll.seats, poll.votes_per_ballot, poll.round) == ("cast", "half", 1, 1, 1)


def test_statutory_majority_counts_all_seats_not_the_members_present(council, meeting):
    mark_present(council, meeting, "chair", "secretary", "m1", "m2")  # 4 of 7 seats
    poll = open_poll(council, meeting, majority=Poll.Majority.ABSOLUTE, base=Poll.Base.STATUTORY)
    for key in ("chair", "secretary", "m1"):
        vote(council, poll, key, "yes")
    vote(council, poll, "m2", "no")
    closed = close(council, poll)
    assert (closed.outcome, closed.base_count, closed.votes_needed) == (Poll.Outcome.REJECTED, 7, 4)
    with translation.override("en"):
        assert closed.rule_summary() == "4 yes votes needed (more than half of 7, the statutory membership)."


def test_statutory_majority_passes_with_more_than_half_of_the_seats(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, majority=Poll.Majority.ABSOLUTE, base=Poll.Base.STATUTORY)
    for key in ("chair", "secretary", "m1", "m2"):
        vote(council, poll, key, "yes")
    for key in ("m3", "m4", "m5"):
        vote(council, poll, key, "abstain")
    assert close(council, poll).outcome == Poll.Outcome.PASSED


def test_a_quorum_of_two_thirds_needs_five_of_seven_seats(council, meeting):
    mark_present(council, meeting, "chair", "secretary", "m1", "m2")
    poll = open_poll(council, meeting, quorum_rule=Poll.QuorumRule.TWO_THIRDS)
    vote(council, poll, "m1", "yes")
    closed = close(council, poll)
    assert (closed.quorum_required, closed.outcome) == (5, Poll.Outcome.NO_QUORUM)


def test_an_unknown_base_is_refused(council, meeting):
    message = refusal(lambda: open_poll(council, meeting, base="friends"))
    assert message == "Choose what the majority is counted of and the quorum."


# --- elections with several seats -----------------------------------------------------------


def test_a_ballot_with_two_votes_elects_two_candidates_in_secret(council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting)
    for key in ("chair", "secretary", "m1", "m2"):
        vote_for(council, poll, key, "Anna", "Borys")
    vote_for(council, poll, "m3", "Chen")  # one vote of two used
    assert BallotBox.objects.filter(poll=poll).count() == 10  # five ballots, two rows each
    closed = close(council, poll)
    assert counts(closed) == {"Anna": 4, "Borys": 4, "Chen": 1, "Abstain": 0}
    assert (closed.outcome, closed.cast) == (Poll.Outcome.CHOSEN, 5)
    assert sorted(o.text for o in closed.options.all() if o.elected) == ["Anna", "Borys"]
    assert not BallotBox.objects.filter(poll=poll).exists()


def test_more_votes_than_a_ballot_carries_are_refused(council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting)
    message = refusal(lambda: vote_for(council, poll, "m1", "Anna", "Borys", "Chen"))
    assert message == "You may choose at most 2 candidates."
    assert not poll.ballots.exists()


def test_an_abstention_cannot_be_combined_with_candidates(council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting)
    message = refusal(lambda: vote_for(council, poll, "m1", "Anna", "abstain"))
    assert message == "An abstention cannot be combined with votes for candidates."


def test_a_second_ballot_in_an_election_is_refused(council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting)
    vote_for(council, poll, "m1", "Anna")
    assert refusal(lambda: vote_for(council, poll, "m1", "Borys")) == (
        "You have already voted in this poll. A ballot is final."
    )
    assert BallotBox.objects.filter(poll=poll).count() == 2


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"seats": 2, "votes_per_ballot": 3}, "A ballot may carry at most as many votes as there are seats."),
        ({"seats": 4, "votes_per_ballot": 1}, "There must be at least as many candidates as seats to fill."),
        (
            {"seats": 0, "votes_per_ballot": 1},
            "The seats and the votes per ballot must be whole numbers, at least one.",
        ),
        (
            {"seats": 2, "votes_per_ballot": 2, "kind": Poll.Kind.NAMED},
            "Several votes per ballot are possible in a secret ballot only.",
        ),
    ],
)
def test_impossible_elections_are_refused_when_prepared(council, meeting, rules, message):
    kind = rules.pop("kind", Poll.Kind.SECRET)
    refused = refusal(
        lambda: open_poll(
            council, meeting, kind=kind, method=Poll.Method.CHOICE, options=("Anna", "Borys", "Chen"), **rules
        )
    )
    assert refused == message


def test_seats_are_only_for_a_choice(council, meeting):
    message = refusal(lambda: open_poll(council, meeting, seats=2))
    assert message == "Seats and several votes per ballot are for a choice between candidates."


@pytest.fixture
def tied_election(council, meeting):
    """Two seats: Anna elected, Borys and Chen tied for the second."""
    mark_present(council, meeting)
    poll = election(council, meeting, ("Anna", "Borys", "Chen", "Dana"))
    vote_for(council, poll, "chair", "Anna", "Borys")
    vote_for(council, poll, "secretary", "Anna", "Chen")
    vote_for(council, poll, "m1", "Anna", "Dana")
    vote_for(council, poll, "m2", "Borys")
    vote_for(council, poll, "m3", "Chen")
    return close(council, poll)


def test_a_tie_for_the_last_seat_leaves_it_open_without_a_casting_vote(tied_election):
    assert (tied_election.outcome, tied_election.tie) == (Poll.Outcome.PARTIAL, True)
    assert [o.text for o in tied_election.options.all() if o.elected] == ["Anna"]
    assert tied_election.seats_left(list(tied_election.options.all())) == 1


def test_one_click_prepares_the_next_round_between_those_tied(tied_election, council):
    second = services.poll_next_round(poll=tied_election, user=council.chair)
    assert (second.state, second.round, second.previous_round, second.seats) == ("draft", 2, tied_election, 1)
    assert [o.label for o in second.options.all()] == ["Borys", "Chen", "Abstain"]
    assert (second.kind, second.majority, second.votes_per_ballot) == ("secret", "simple", 1)


def test_the_next_round_is_prepared_once(tied_election, council):
    services.poll_next_round(poll=tied_election, user=council.chair)
    message = refusal(lambda: services.poll_next_round(poll=tied_election, user=council.chair))
    assert message == "The next round of this election is already prepared."


def test_only_the_chair_prepares_the_next_round(tied_election, council):
    message = refusal(lambda: services.poll_next_round(poll=tied_election, user=council.people["m1"]))
    assert message == "Only the chair or the vice-chair can do this."


def test_an_election_that_filled_its_seats_has_no_next_round(council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting)
    vote_for(council, poll, "m1", "Anna", "Borys")
    closed = close(council, poll)
    message = refusal(lambda: services.poll_next_round(poll=closed, user=council.chair))
    assert message == "Only an election that left seats open has another round."


def test_an_open_election_has_no_next_round_yet(council, meeting):
    poll = election(council, meeting)
    message = refusal(lambda: services.poll_next_round(poll=poll, user=council.chair))
    assert message == "Only an election that left seats open has another round."


# --- paper counts in the room ----------------------------------------------------------------


def paper(council, poll, by="secretary", invalid=0, ballots=None, **votes):
    return services.paper_count_enter(
        poll=poll,
        user=council.people[by],
        counts={option(poll, key).pk: n for key, n in votes.items()},
        invalid=invalid,
        ballots=ballots,
    )


def test_paper_counts_join_the_electronic_ballots_in_the_result(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    vote(council, poll, "m1", "yes")
    vote(council, poll, "m2", "no")
    paper(council, poll, yes=3, no=0, abstain=1, invalid=1)
    closed = close(council, poll)
    assert counts(closed) == {"Yes": 4, "No": 1, "Abstain": 1}
    assert (closed.cast, closed.electronic, closed.paper_ballots, closed.invalid_ballots) == (6, 2, 4, 1)
    result = closed.frozen_result()
    assert (result["electronic"], result["paper"], result["invalid"]) == (2, 4, 1)
    assert closed.outcome == Poll.Outcome.PASSED


def test_paper_counts_record_who_entered_them_and_when(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    before = timezone.now()
    paper(council, poll, yes=2)
    entry = PaperCount.objects.get(poll=poll)
    assert entry.entered_by == council.secretary
    assert entry.entered_at >= before
    assert (entry.ballots, entry.invalid, entry.counts) == (2, 0, {"0": 2, "1": 0, "2": 0})


def test_a_second_entry_replaces_the_first_and_both_are_kept(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    paper(council, poll, yes=2)
    paper(council, poll, yes=1, no=1)
    closed = close(council, poll)
    assert counts(closed) == {"Yes": 1, "No": 1, "Abstain": 0}
    assert PaperCount.objects.filter(poll=poll).count() == 2


def test_paper_and_electronic_ballots_cannot_exceed_the_members_present(council, meeting):
    mark_present(council, meeting, "chair", "secretary", "m1", "m2")
    poll = open_poll(council, meeting)
    vote(council, poll, "m1", "yes")
    message = refusal(lambda: paper(council, poll, yes=3, invalid=1))
    assert message == (
        "The counts make 5 ballots (1 electronic, 3 on paper, 1 invalid), but only 4 members are present."
        " Correct the paper counts."
    )
    poll.refresh_from_db()
    assert poll.paper_ballots == 0


def test_closing_refuses_when_members_left_and_the_counts_no_longer_fit(council, meeting):
    mark_present(council, meeting, "chair", "secretary", "m1", "m2")
    poll = open_poll(council, meeting)
    paper(council, poll, yes=4)
    services.attendance_set(meeting=meeting, membership=council.seats["m2"], present=False, user=council.secretary)
    assert "only 3 members are present" in refusal(lambda: close(council, poll))


def test_a_member_without_the_secretary_role_cannot_enter_paper_counts(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    message = refusal(lambda: paper(council, poll, by="m1", yes=1))
    assert message == "Only the chair, the vice-chair or the secretary keeps the attendance list."


def test_paper_counts_come_too_late_once_the_vote_is_closed(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    closed = close(council, poll)
    assert refusal(lambda: paper(council, closed, yes=1)) == "Paper counts are entered while the vote is open."


@pytest.mark.parametrize("bad", [-1, 1000, "3", 2.5, None, True])
def test_a_count_must_be_a_whole_number_in_range(council, meeting, bad):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    assert refusal(lambda: paper(council, poll, yes=bad)) == "Each count must be a whole number from 0 to 999."


def test_a_count_for_an_option_of_another_poll_is_refused(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    message = refusal(lambda: services.paper_count_enter(poll=poll, user=council.secretary, counts={999999: 1}))
    assert message == "Count only the options on the ballot."


def test_paper_ballots_in_an_election_with_two_votes_each(council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting)
    vote_for(council, poll, "m1", "Anna", "Borys")
    paper(council, poll, ballots=3, Anna=3, Borys=1, Chen=2)
    closed = close(council, poll)
    assert counts(closed) == {"Anna": 4, "Borys": 2, "Chen": 2, "Abstain": 0}
    assert closed.cast == 4
    assert [o.text for o in closed.options.all() if o.elected] == ["Anna"]
    assert closed.tie


def test_paper_votes_that_do_not_fit_the_paper_ballots_are_refused(council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting)
    message = refusal(lambda: paper(council, poll, ballots=1, Anna=1, Borys=1, Chen=1))
    assert message == "The votes counted do not fit the number of paper ballots."


def test_a_secret_polls_paper_counts_stay_hidden_until_it_closes(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    paper(council, poll, yes=2)
    poll.refresh_from_db()
    assert poll.paper_counts(poll.options.all()) is None
    closed = close(council, poll)
    assert closed.paper_counts(closed.options.all()) == {str(option(closed, "yes").pk): 2} | {
        str(option(closed, kind).pk): 0 for kind in ("no", "abstain")
    }
