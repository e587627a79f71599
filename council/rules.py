"""When a poll is valid and when it passes: pure functions, no database.

A poll names three things, chosen when it is prepared:

* **Quorum** — members who must be present, counted of the statutory
  membership (the seats held on the meeting's day): *half* (``present * 2 >=
  seats``, the default) or *two thirds*; a poll may also name a number.
* **Threshold** (``Poll.Majority``):

  ========================  =============================================
  simple                    more *yes* than *no*; abstentions do not count
                            (the base is not used)
  absolute (more than half) ``yes * 2 > base``
  three fifths              ``yes * 5 >= base * 3`` (at least three fifths)
  two thirds                ``yes * 3 >= base * 2`` (at least two thirds)
  ========================  =============================================

  A qualified threshold is never met with no *yes* at all, even of a base of
  zero.
* **Base** (``Poll.Base``) of a qualified threshold: the votes *cast* (yes, no
  and abstain: every valid ballot, electronic or on paper; the default), *yes
  and no* (abstentions left out), the members *present*, or the *statutory*
  membership — *bezwzględna większość ustawowego składu* is "absolute" of
  "statutory": more than half of all seats, however many came.

In an election (a choice between candidates) a ballot may carry up to N
votes for N ≤ seats.  Candidates are ranked by votes; those that reach the
threshold (each counted against the base, with ballots as the votes cast;
under a simple majority, any candidate with a vote) fill the seats from the
top.  When candidates tied on votes would take more seats than are left,
none of them is elected: there is no casting vote, the result says so, and
the seats stay open for another round.  The next round is between the best
candidates not elected: one more than the seats left (two for one seat),
with everyone tied for the last of those places.
"""

import math
from dataclasses import dataclass, field

from .models import Poll, PollOption


def quorum_required(*, entitled, quorum=None, rule=Poll.QuorumRule.HALF):
    if quorum is not None:
        return quorum
    if rule == Poll.QuorumRule.TWO_THIRDS:
        return max(1, math.ceil(entitled * 2 / 3))
    return max(1, math.ceil(entitled / 2))


def base_count(*, base, cast, abstain, present, entitled):
    """The number a qualified majority is counted of."""
    if base == Poll.Base.YES_NO:
        return cast - abstain
    if base == Poll.Base.PRESENT:
        return present
    if base == Poll.Base.STATUTORY:
        return entitled
    return cast


def votes_needed(*, majority, base):
    """The fewest votes that meet a qualified threshold of ``base`` (never
    fewer than one); None for a simple majority, which compares yes with no."""
    if majority == Poll.Majority.ABSOLUTE:
        needed = base // 2 + 1
    elif majority == Poll.Majority.THREE_FIFTHS:
        needed = math.ceil(base * 3 / 5)
    elif majority == Poll.Majority.TWO_THIRDS:
        needed = math.ceil(base * 2 / 3)
    else:
        return None
    return max(1, needed)


@dataclass(frozen=True)
class Decision:
    outcome: str
    winner: int | None = None  # the winning option's key, in a choice for one seat
    elected: tuple = field(default_factory=tuple)  # keys of the elected options, best first
    tie: bool = False  # a tie left a seat undecided
    base_count: int | None = None
    votes_needed: int | None = None


def decide(
    *,
    method,
    majority,
    options,
    quorum_reached,
    base=Poll.Base.CAST,
    cast=None,
    present=0,
    entitled=0,
    seats=1,
):
    """``options``: ``(key, kind, votes)`` for each option of the poll, with
    electronic and paper votes together.  ``cast``: the valid ballots (the sum
    of the votes unless a ballot may carry several)."""
    if not quorum_reached:
        return Decision(Poll.Outcome.NO_QUORUM)
    if cast is None:
        cast = sum(votes for _key, _kind, votes in options)
    abstain = sum(votes for _key, kind, votes in options if kind == PollOption.Kind.ABSTAIN)
    counted = base_count(base=base, cast=cast, abstain=abstain, present=present, entitled=entitled)
    needed = votes_needed(majority=majority, base=counted)
    summary = {"base_count": counted, "votes_needed": needed}
    if method == Poll.Method.YES_NO:
        counts = {kind: votes for _key, kind, votes in options}
        yes, no = counts.get(PollOption.Kind.YES, 0), counts.get(PollOption.Kind.NO, 0)
        passed = yes > no if needed is None else yes >= needed
        return Decision(Poll.Outcome.PASSED if passed else Poll.Outcome.REJECTED, **summary)
    return _elect(options, seats=seats, needed=needed, summary=summary)


def _ranked(options):
    return sorted(
        ((votes, key) for key, kind, votes in options if kind == PollOption.Kind.OPTION),
        key=lambda pair: -pair[0],
    )


def _elect(options, *, seats, needed, summary):
    qualifying = [(votes, key) for votes, key in _ranked(options) if votes > 0 and (needed is None or votes >= needed)]
    elected, tie = [], False
    index = 0
    while index < len(qualifying) and len(elected) < seats:
        level = qualifying[index][0]
        group = [key for votes, key in qualifying if votes == level]
        if len(elected) + len(group) > seats:
            tie = True
            break
        elected.extend(group)
        index += len(group)
    if len(elected) == seats:
        outcome = Poll.Outcome.CHOSEN
    elif elected:
        outcome = Poll.Outcome.PARTIAL
    else:
        outcome = Poll.Outcome.NO_DECISION
    winner = elected[0] if seats == 1 and elected else None
    return Decision(outcome, winner=winner, elected=tuple(elected), tie=tie, **summary)


def next_round_candidates(*, options, elected, seats_left):
    """The candidates of the next round: the best not elected, one more than
    the seats left, and everyone tied for the last of those places."""
    if seats_left <= 0:
        return []
    rest = [(votes, key) for votes, key in _ranked(options) if key not in set(elected)]
    places = seats_left + 1
    if len(rest) <= places:
        return [key for _votes, key in rest]
    last = rest[places - 1][0]
    return [key for votes, key in rest if votes >= last]
