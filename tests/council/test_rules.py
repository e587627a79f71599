"""The majority and quorum rules, as a table of cases."""

import pytest

from council.models import Poll, PollOption
from council.rules import decide, quorum_required

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
