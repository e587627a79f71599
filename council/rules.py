"""When a poll is valid and when it passes: pure functions, no database.

* **Quorum** — by default at least half of the members entitled to vote must
  be present (``present * 2 >= entitled``); a poll may require another number.
* **Simple majority** — more *yes* than *no*; abstentions do not count.
* **Absolute majority** — more *yes* than half of the ballots cast
  (abstentions count as cast).
* **Two-thirds majority** — *yes* on at least two thirds of the ballots cast.

In a choice between options (an election) the option with the most votes wins
if it is the only one with that many and it has the majority the poll asks
for: *simple* — more than any other option; *absolute* — more than half of the
ballots cast; *two-thirds* — at least two thirds of them.  A tie decides
nothing.
"""

import math
from dataclasses import dataclass

from .models import Poll, PollOption


def quorum_required(*, entitled, quorum=None):
    if quorum is not None:
        return quorum
    return max(1, math.ceil(entitled / 2))


@dataclass(frozen=True)
class Decision:
    outcome: str
    winner: int | None = None  # the winning option's key, in a choice


def _has_majority(votes, cast, majority):
    if majority == Poll.Majority.ABSOLUTE:
        return votes * 2 > cast
    if majority == Poll.Majority.TWO_THIRDS:
        return cast > 0 and votes * 3 >= cast * 2
    return True  # simple: checked by the caller against the other side


def decide(*, method, majority, options, quorum_reached):
    """``options``: ``(key, kind, votes)`` for each option of the poll."""
    if not quorum_reached:
        return Decision(Poll.Outcome.NO_QUORUM)
    cast = sum(votes for _key, _kind, votes in options)
    if method == Poll.Method.YES_NO:
        counts = {kind: votes for _key, kind, votes in options}
        yes, no = counts.get(PollOption.Kind.YES, 0), counts.get(PollOption.Kind.NO, 0)
        passed = yes > no if majority == Poll.Majority.SIMPLE else _has_majority(yes, cast, majority)
        return Decision(Poll.Outcome.PASSED if passed else Poll.Outcome.REJECTED)

    candidates = sorted(
        ((votes, key) for key, kind, votes in options if kind == PollOption.Kind.OPTION),
        reverse=True,
    )
    if not candidates or candidates[0][0] == 0:
        return Decision(Poll.Outcome.NO_DECISION)
    top, key = candidates[0]
    if len(candidates) > 1 and candidates[1][0] == top:
        return Decision(Poll.Outcome.NO_DECISION)
    if not _has_majority(top, cast, majority):
        return Decision(Poll.Outcome.NO_DECISION)
    return Decision(Poll.Outcome.CHOSEN, winner=key)
