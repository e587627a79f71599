"""Ballots, closing and numbering under concurrent requests, for real:
threads with their own connections against PostgreSQL."""

import pytest
from django.contrib.auth import get_user_model

from core.errors import RuleBroken
from council import services
from council.models import Ballot, Motion, Poll

from ..concurrency import run_in_threads
from .factories import build_council, build_meeting, mark_present, open_poll, option

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrent_writers]


def _user(user):
    """A fresh copy, as each request would load it."""
    return get_user_model().objects.get(pk=user.pk)


@pytest.mark.parametrize("kind", [Poll.Kind.NAMED, Poll.Kind.SECRET])
def test_fifty_concurrent_attempts_by_one_member_leave_exactly_one_ballot(kind):
    council = build_council()
    meeting = build_meeting(council)
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=kind)
    choices = [option(poll, "yes").pk, option(poll, "no").pk]
    member = council.people["m1"]

    errors = run_in_threads(50, lambda i: services.ballot_cast(poll=poll, user=_user(member), option_id=choices[i % 2]))

    assert len(errors) == 49
    assert {type(error) for error in errors} == {RuleBroken}
    assert {error.message for error in errors} == {"You have already voted in this poll. A ballot is final."}
    assert Ballot.objects.filter(poll=poll).count() == 1
    poll = services.poll_close(poll=poll, user=council.chair)
    assert sum(poll.options.values_list("votes", flat=True)) == 1


def test_many_members_voting_at_once_are_all_counted_exactly():
    council = build_council(members=30)
    meeting = build_meeting(council)
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    keys = [f"m{n}" for n in range(1, 31)]
    kinds = ["yes", "no", "abstain"]

    errors = run_in_threads(
        30,
        lambda i: services.ballot_cast(
            poll=poll, user=_user(council.people[keys[i]]), option_id=option(poll, kinds[i % 3]).pk
        ),
    )

    assert errors == []
    poll = services.poll_close(poll=poll, user=council.chair)
    assert poll.cast == 30
    assert {o.kind: o.votes for o in poll.options.all()} == {"yes": 10, "no": 10, "abstain": 10}


def test_closing_a_secret_poll_keeps_every_ballot_cast_meanwhile_in_another_meetings_secret_poll():
    """Closing empties the whole ballot box table (TRUNCATE) and puts the
    other polls' ballots back; ballots arriving meanwhile wait for it."""
    council = build_council(members=20)
    first, second = build_meeting(council), build_meeting(council)
    mark_present(council, first)
    mark_present(council, second)
    closing = open_poll(council, first, kind=Poll.Kind.SECRET)
    for key in ("m1", "m2", "m3"):
        services.ballot_cast(poll=closing, user=council.people[key], option_id=option(closing, "no").pk)
    voting = open_poll(council, second, kind=Poll.Kind.SECRET)
    yes = option(voting, "yes").pk

    def act(i):
        if i == 10:
            services.poll_close(poll=closing, user=_user(council.chair))
        else:
            services.ballot_cast(poll=voting, user=_user(council.people[f"m{i + 1 if i < 10 else i}"]), option_id=yes)

    errors = run_in_threads(21, act)

    assert errors == []
    closing.refresh_from_db()
    assert {o.kind: o.votes for o in closing.options.all()} == {"yes": 0, "no": 3, "abstain": 0}
    voting = services.poll_close(poll=voting, user=council.chair)
    assert voting.outcome == Poll.Outcome.PASSED
    assert voting.cast == 20
    assert option(voting, "yes").votes == 20


def test_closing_while_members_vote_freezes_a_consistent_result():
    council = build_council(members=20)
    meeting = build_meeting(council)
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    yes = option(poll, "yes").pk

    def act(i):
        if i == 10:
            services.poll_close(poll=poll, user=_user(council.chair))
        else:
            services.ballot_cast(poll=poll, user=_user(council.people[f"m{i + 1 if i < 10 else i}"]), option_id=yes)

    errors = run_in_threads(21, act)

    assert all(isinstance(error, RuleBroken) and error.message == "This vote is closed." for error in errors), errors
    poll.refresh_from_db()
    assert poll.state == Poll.State.CLOSED
    assert poll.cast == Ballot.objects.filter(poll=poll).count() == 20 - len(errors)
    assert option(poll, "yes").votes == poll.cast


def test_motions_submitted_at_once_get_distinct_consecutive_numbers():
    council = build_council(members=10)
    drafts = [
        services.motion_draft(
            term=council.term, submitter=council.people[f"m{n}"], title=f"Wniosek {n}", text="Tekst.", language="pl"
        )
        for n in range(1, 11)
    ]

    errors = run_in_threads(
        10, lambda i: services.motion_submit(motion=drafts[i], user=_user(council.people[f"m{i + 1}"]))
    )

    assert errors == []
    numbers = sorted(Motion.objects.filter(term=council.term).values_list("number", flat=True))
    assert numbers == list(range(1, 11))
