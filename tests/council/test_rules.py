"""The majority and quorum rules, as a table of cases."""

import pytest

from council.models import Poll, PollOption
from council.rules import decide, next_round_candidates, quorum_required, votes_needed

YES, NO, ABSTAIN, OPTION = PollOption.Kind.YES, PollOption.Kind.NO, PollOption.Kind.ABSTAIN, PollOption.Kind.OPTION
SIMPLE, ABSOLUTE, TWO_THIRDS = Poll.Majority.SIMPLE, Poll.Majority.ABSOLUTE, Poll.Majority.TWO_THIRDS
PASSED, REJECTED = Poll.Outcome.PASSED, Poll.Outcome.REJECTED


def yes_no(yes, no, abstain):
    return [(1, YES, yes), (2, NO, no), (3, ABSTAIN, abstain)]


@pytest.mark.parametrize(
    ("majority", "yes", "no", "abstain", "outcome"),
    [
        (SIMPLE, 5, 4, 0, PASSED),
        (SIMPLE, 4, 4, 0, REJECTED),  # a tie does not pass
        (SIMPLE, 3, 2, 6, PASSED),  # abstentions do not count against
        (SIMPLE, 0, 0, 7, REJECTED),  # everyone abstains
        (SIMPLE, 0, 0, 0, REJECTED),  # nobody votes
        (ABSOLUTE, 5, 4, 0, PASSED),
        (ABSOLUTE, 4, 2, 2, REJECTED),  # exactly half of the ballots is not more than half
        (ABSOLUTE, 5, 2, 2, PASSED),
        (ABSOLUTE, 3, 2, 6, REJECTED),  # abstentions count as cast
        (TWO_THIRDS, 6, 3, 0, PASSED),  # exactly two thirds
        (TWO_THIRDS, 5, 3, 0, REJECTED),
        (TWO_THIRDS, 6, 2, 1, PASSED),
        (TWO_THIRDS, 6, 1, 3, REJECTED),  # 6 of 10 is less than two thirds
        (TWO_THIRDS, 0, 0, 0, REJECTED),
    ],
)
def test_yes_no_majorities(majority, yes, no, abstain, outcome):
    decision = decide(
        method=Poll.Method.YES_NO, majority=majority, options=yes_no(yes, no, abstain), quorum_reached=True
    )
    assert decision.outcome == outcome
    assert decision.winner is None


@pytest.mark.parametrize("majority", [SIMPLE, ABSOLUTE, TWO_THIRDS])
def test_without_quorum_no_poll_passes_whatever_the_votes(majority):
    decision = decide(method=Poll.Method.YES_NO, majority=majority, options=yes_no(9, 0, 0), quorum_reached=False)
    assert decision.outcome == Poll.Outcome.NO_QUORUM


@pytest.mark.parametrize(
    ("majority", "votes", "outcome", "winner"),
    [
        (SIMPLE, {"a": 4, "b": 3, "c": 2}, Poll.Outcome.CHOSEN, "a"),  # relative majority is enough
        (SIMPLE, {"a": 3, "b": 3, "c": 2}, Poll.Outcome.NO_DECISION, None),  # tie at the top
        (ABSOLUTE, {"a": 4, "b": 3, "c": 2}, Poll.Outcome.NO_DECISION, None),  # 4 of 9 is not more than half
        (ABSOLUTE, {"a": 5, "b": 3, "c": 1}, Poll.Outcome.CHOSEN, "a"),
        (ABSOLUTE, {"a": 5, "b": 2, "abstain": 3}, Poll.Outcome.NO_DECISION, None),  # 5 of 10
        (TWO_THIRDS, {"a": 6, "b": 3}, Poll.Outcome.CHOSEN, "a"),
        (TWO_THIRDS, {"a": 5, "b": 3}, Poll.Outcome.NO_DECISION, None),
        (SIMPLE, {"a": 0, "b": 0, "abstain": 4}, Poll.Outcome.NO_DECISION, None),
    ],
)
def test_choice_majorities(majority, votes, outcome, winner):
    options = [(key, ABSTAIN if key == "abstain" else OPTION, n) for key, n in votes.items()]
    decision = decide(method=Poll.Method.CHOICE, majority=majority, options=options, quorum_reached=True)
    assert (decision.outcome, decision.winner) == (outcome, winner)


@pytest.mark.parametrize(
    ("entitled", "quorum", "required"),
    [(11, None, 6), (10, None, 5), (7, None, 4), (1, None, 1), (0, None, 1), (11, 8, 8)],
)
def test_quorum_is_half_of_the_members_unless_the_poll_sets_it(entitled, quorum, required):
    assert quorum_required(entitled=entitled, quorum=quorum) == required


# --- the base of a majority: every base with every threshold ---------------------------

CAST, YES_NO, PRESENT, STATUTORY = Poll.Base.CAST, Poll.Base.YES_NO, Poll.Base.PRESENT, Poll.Base.STATUTORY
THREE_FIFTHS = Poll.Majority.THREE_FIFTHS


def yes_no_with_base(*, base, majority, yes, no, abstain, present=15, entitled=15):
    return decide(
        method=Poll.Method.YES_NO,
        majority=majority,
        options=yes_no(yes, no, abstain),
        quorum_reached=True,
        base=base,
        present=present,
        entitled=entitled,
    )


# (base, threshold, yes, no, abstain, present, seats) -> outcome, votes needed.
# 15 seats, 12 present unless the row says otherwise.
BASE_TABLE = [
    # a simple majority compares yes with no, whatever the base
    (CAST, SIMPLE, 5, 4, 3, 12, 15, PASSED, None),
    (YES_NO, SIMPLE, 4, 4, 3, 12, 15, REJECTED, None),  # a tie does not pass
    (PRESENT, SIMPLE, 2, 1, 9, 12, 15, PASSED, None),
    (STATUTORY, SIMPLE, 0, 0, 12, 12, 15, REJECTED, None),  # everyone abstains
    # more than half
    (CAST, ABSOLUTE, 6, 3, 3, 12, 15, REJECTED, 7),  # exactly half of 12 cast
    (CAST, ABSOLUTE, 7, 3, 2, 12, 15, PASSED, 7),
    (YES_NO, ABSOLUTE, 6, 3, 3, 12, 15, PASSED, 5),  # 6 of 9 yes and no
    (YES_NO, ABSOLUTE, 4, 4, 4, 12, 15, REJECTED, 5),  # exactly half of 8
    (PRESENT, ABSOLUTE, 6, 0, 0, 12, 15, REJECTED, 7),  # 6 of 12 present is only half
    (PRESENT, ABSOLUTE, 7, 0, 0, 12, 15, PASSED, 7),
    (STATUTORY, ABSOLUTE, 7, 0, 5, 12, 15, REJECTED, 8),  # 7 yes, 8 of 15 seats needed
    (STATUTORY, ABSOLUTE, 8, 4, 0, 12, 15, PASSED, 8),
    (STATUTORY, ABSOLUTE, 7, 0, 0, 14, 14, REJECTED, 8),  # exactly half of 14 seats
    # three fifths (at least)
    (CAST, THREE_FIFTHS, 6, 4, 0, 10, 15, PASSED, 6),  # exactly 3/5
    (CAST, THREE_FIFTHS, 5, 4, 1, 10, 15, REJECTED, 6),
    (YES_NO, THREE_FIFTHS, 6, 4, 5, 15, 15, PASSED, 6),  # abstentions left out
    (YES_NO, THREE_FIFTHS, 5, 4, 6, 15, 15, REJECTED, 6),
    (PRESENT, THREE_FIFTHS, 9, 1, 0, 15, 15, PASSED, 9),  # exactly 3/5 of 15 present
    (PRESENT, THREE_FIFTHS, 8, 0, 0, 15, 15, REJECTED, 9),
    (STATUTORY, THREE_FIFTHS, 9, 0, 1, 10, 15, PASSED, 9),  # 9 of 15 seats, 10 present
    (STATUTORY, THREE_FIFTHS, 8, 0, 0, 8, 15, REJECTED, 9),  # all present voted yes: not enough
    # two thirds (at least)
    (CAST, TWO_THIRDS, 8, 4, 0, 12, 15, PASSED, 8),  # exactly 2/3
    (CAST, TWO_THIRDS, 7, 3, 2, 12, 15, REJECTED, 8),
    (YES_NO, TWO_THIRDS, 6, 3, 3, 12, 15, PASSED, 6),  # exactly 2/3 of 9
    (YES_NO, TWO_THIRDS, 5, 3, 4, 12, 15, REJECTED, 6),
    (PRESENT, TWO_THIRDS, 8, 0, 4, 12, 15, PASSED, 8),
    (PRESENT, TWO_THIRDS, 7, 0, 0, 12, 15, REJECTED, 8),
    (STATUTORY, TWO_THIRDS, 10, 0, 0, 12, 15, PASSED, 10),  # exactly 2/3 of 15 seats
    (STATUTORY, TWO_THIRDS, 9, 0, 0, 9, 15, REJECTED, 10),
]


@pytest.mark.parametrize(
    ("base", "majority", "yes", "no", "abstain", "present", "entitled", "outcome", "needed"), BASE_TABLE
)
def test_majority_counted_of_its_base(base, majority, yes, no, abstain, present, entitled, outcome, needed):
    decision = yes_no_with_base(
        base=base, majority=majority, yes=yes, no=no, abstain=abstain, present=present, entitled=entitled
    )
    assert (decision.outcome, decision.votes_needed) == (outcome, needed)


def test_the_table_holds_every_base_with_every_threshold():
    combinations = {(base, majority) for base, majority, *_rest in BASE_TABLE}
    assert combinations == {(base, majority) for base in Poll.Base.values for majority in Poll.Majority.values}


@pytest.mark.parametrize("base", Poll.Base.values)
@pytest.mark.parametrize("majority", Poll.Majority.values)
def test_nobody_voting_passes_nothing(base, majority):
    decision = yes_no_with_base(base=base, majority=majority, yes=0, no=0, abstain=0, present=0, entitled=0)
    assert decision.outcome == REJECTED


@pytest.mark.parametrize("base", Poll.Base.values)
@pytest.mark.parametrize("majority", Poll.Majority.values)
def test_everyone_abstaining_passes_nothing(base, majority):
    decision = yes_no_with_base(base=base, majority=majority, yes=0, no=0, abstain=9, present=9, entitled=15)
    assert decision.outcome == REJECTED


@pytest.mark.parametrize("base", Poll.Base.values)
@pytest.mark.parametrize("majority", Poll.Majority.values)
def test_without_quorum_no_base_or_threshold_passes(base, majority):
    decision = decide(
        method=Poll.Method.YES_NO, majority=majority, options=yes_no(9, 0, 0), quorum_reached=False, base=base
    )
    assert decision.outcome == Poll.Outcome.NO_QUORUM


@pytest.mark.parametrize(
    ("majority", "base", "needed"),
    [
        (ABSOLUTE, 0, 1),
        (ABSOLUTE, 1, 1),
        (ABSOLUTE, 14, 8),
        (ABSOLUTE, 15, 8),
        (THREE_FIFTHS, 0, 1),
        (THREE_FIFTHS, 5, 3),
        (THREE_FIFTHS, 15, 9),
        (THREE_FIFTHS, 16, 10),
        (TWO_THIRDS, 0, 1),
        (TWO_THIRDS, 9, 6),
        (TWO_THIRDS, 15, 10),
        (TWO_THIRDS, 16, 11),
        (SIMPLE, 15, None),
    ],
)
def test_votes_needed_for_each_threshold(majority, base, needed):
    assert votes_needed(majority=majority, base=base) == needed


@pytest.mark.parametrize(
    ("entitled", "rule", "required"),
    [
        (15, Poll.QuorumRule.HALF, 8),
        (14, Poll.QuorumRule.HALF, 7),  # exactly half
        (15, Poll.QuorumRule.TWO_THIRDS, 10),  # exactly two thirds
        (14, Poll.QuorumRule.TWO_THIRDS, 10),
        (16, Poll.QuorumRule.TWO_THIRDS, 11),
        (0, Poll.QuorumRule.TWO_THIRDS, 1),
        (0, Poll.QuorumRule.HALF, 1),
    ],
)
def test_quorum_of_half_or_two_thirds_of_the_statutory_membership(entitled, rule, required):
    assert quorum_required(entitled=entitled, rule=rule) == required


def test_a_number_set_on_the_poll_overrides_the_quorum_rule():
    assert quorum_required(entitled=15, quorum=4, rule=Poll.QuorumRule.TWO_THIRDS) == 4


# --- elections with several seats -----------------------------------------------------------


def candidates(votes, abstain=0):
    return [(key, OPTION, n) for key, n in votes.items()] + [("abstain", ABSTAIN, abstain)]


def elect(votes, *, seats, majority=SIMPLE, base=CAST, cast=None, abstain=0, present=15, entitled=15):
    return decide(
        method=Poll.Method.CHOICE,
        majority=majority,
        options=candidates(votes, abstain),
        quorum_reached=True,
        base=base,
        cast=cast,
        present=present,
        entitled=entitled,
        seats=seats,
    )


@pytest.mark.parametrize(
    ("votes", "seats", "majority", "cast", "outcome", "elected", "tie"),
    [
        ({"a": 6, "b": 5, "c": 1}, 2, SIMPLE, 12, Poll.Outcome.CHOSEN, ("a", "b"), False),
        ({"a": 6, "b": 4, "c": 4}, 2, SIMPLE, 12, Poll.Outcome.PARTIAL, ("a",), True),  # tie for the last seat
        ({"a": 4, "b": 4, "c": 4}, 2, SIMPLE, 12, Poll.Outcome.NO_DECISION, (), True),  # three tied for two
        ({"a": 4, "b": 4, "c": 1}, 2, SIMPLE, 9, Poll.Outcome.CHOSEN, ("a", "b"), False),  # a tie that fits
        ({"a": 0, "b": 0, "c": 0}, 2, SIMPLE, 0, Poll.Outcome.NO_DECISION, (), False),  # nobody voted
        ({"a": 7, "b": 6, "c": 5}, 2, ABSOLUTE, 12, Poll.Outcome.PARTIAL, ("a",), False),  # 6 of 12 is half
        ({"a": 9, "b": 7, "c": 5}, 2, ABSOLUTE, 12, Poll.Outcome.CHOSEN, ("a", "b"), False),  # two votes a ballot
        ({"a": 6, "b": 6, "c": 5}, 2, ABSOLUTE, 10, Poll.Outcome.CHOSEN, ("a", "b"), False),
        ({"a": 8, "b": 7, "c": 1}, 2, TWO_THIRDS, 12, Poll.Outcome.PARTIAL, ("a",), False),  # 8 of 12: 2/3 exactly
        ({"a": 6, "b": 4}, 1, THREE_FIFTHS, 10, Poll.Outcome.CHOSEN, ("a",), False),  # 3/5 exactly
        ({"a": 5, "b": 5}, 1, THREE_FIFTHS, 10, Poll.Outcome.NO_DECISION, (), False),
        ({"a": 0, "b": 0}, 1, ABSOLUTE, 4, Poll.Outcome.NO_DECISION, (), False),  # all abstain
    ],
)
def test_elections_fill_the_seats_from_the_top_with_the_majority(votes, seats, majority, cast, outcome, elected, tie):
    decision = elect(votes, seats=seats, majority=majority, cast=cast)
    assert (decision.outcome, decision.elected, decision.tie) == (outcome, elected, tie)


def test_a_candidate_needs_more_than_half_of_the_statutory_membership_when_the_base_says_so():
    decision = elect({"a": 7, "b": 3}, seats=1, majority=ABSOLUTE, base=STATUTORY, cast=10, entitled=15)
    assert (decision.outcome, decision.votes_needed, decision.base_count) == (Poll.Outcome.NO_DECISION, 8, 15)


def test_an_election_for_one_seat_names_its_winner():
    assert elect({"a": 5, "b": 3}, seats=1).winner == "a"
    assert elect({"a": 5, "b": 3, "c": 4}, seats=2).winner is None


@pytest.mark.parametrize(
    ("votes", "elected", "seats_left", "runoff"),
    [
        ({"a": 5, "b": 4, "c": 3}, (), 1, ["a", "b"]),  # the top two
        ({"a": 5, "b": 4, "c": 4, "d": 1}, (), 1, ["a", "b", "c"]),  # tied for second place
        ({"a": 9, "b": 4, "c": 3, "d": 2}, ("a",), 1, ["b", "c"]),  # the elected leave the race
        ({"a": 5, "b": 4, "c": 3, "d": 2}, (), 2, ["a", "b", "c"]),  # one more than the seats left
        ({"a": 5, "b": 4}, ("a", "b"), 0, []),
    ],
)
def test_the_next_round_is_between_the_best_not_elected(votes, elected, seats_left, runoff):
    options = candidates(votes)
    assert next_round_candidates(options=options, elected=elected, seats_left=seats_left) == runoff
