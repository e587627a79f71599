"""A small council: a term covering today, a chair, a secretary and five
members (seven entitled to vote), meetings, motions and polls, all made
through ``council.services``."""

import datetime
import itertools
from types import SimpleNamespace

import pytest
from django.utils import timezone

from core.errors import RuleBroken
from council import services
from council.models import AgendaItem, Meeting, Membership, Poll, Role, Term
from tests.accounts.factories import UserFactory

_term_numbers = itertools.count(100)


def build_council(members=5):
    today = timezone.localdate()
    term = Term.objects.create(
        number=next(_term_numbers),
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=700),
    )
    people = {"chair": UserFactory(display_name="Chair"), "secretary": UserFactory(display_name="Secretary")}
    people.update({f"m{n}": UserFactory(display_name=f"Member {n}") for n in range(1, members + 1)})
    roles = {"chair": Role.CHAIR, "secretary": Role.SECRETARY}
    seats = {
        key: Membership.objects.create(term=term, user=user, role=roles.get(key, Role.MEMBER), starts_on=term.starts_on)
        for key, user in people.items()
    }
    return SimpleNamespace(term=term, people=people, seats=seats, chair=people["chair"], secretary=people["secretary"])


def build_meeting(council, *, start=True, motion=None, number=None):
    meeting = Meeting.objects.create(
        term=council.term,
        number=number or Meeting.objects.filter(term=council.term).count() + 1,
        starts_at=timezone.now(),
        place="Sala 105",
    )
    AgendaItem.objects.create(meeting=meeting, sort_order=0, title="Otwarcie")
    if motion is not None:
        services.motion_schedule(motion=motion, meeting=meeting, user=council.chair)
    if start:
        meeting = services.meeting_start(meeting=meeting, user=council.chair)
    return meeting


def mark_present(council, meeting, *keys):
    for key in keys or council.people:
        services.attendance_set(meeting=meeting, membership=council.seats[key], present=True, user=council.secretary)


def submitted_motion(council, key="m1", title="Tłumacze w przychodniach"):
    motion = services.motion_draft(
        term=council.term, submitter=council.people[key], title=title, text="Rada wnosi o tłumaczy.", language="pl"
    )
    return services.motion_submit(motion=motion, user=council.people[key])


def open_poll(
    council,
    meeting,
    *,
    kind=Poll.Kind.NAMED,
    method=Poll.Method.YES_NO,
    majority=Poll.Majority.SIMPLE,
    options=(),
    on_motion=False,
    item=None,
):
    item = item or meeting.agenda_items.order_by("sort_order").last()
    poll = services.poll_create(
        item=item,
        user=council.chair,
        question="Czy Rada przyjmuje wniosek?",
        kind=kind,
        method=method,
        majority=majority,
        options=options,
        on_motion=on_motion,
    )
    return services.poll_open(poll=poll, user=council.chair)


def draft_poll(council, meeting, **fields):
    """A prepared (not yet open) yes/no poll on the meeting's first item."""
    values = {"question": "Q?", "kind": "named", "method": "yes_no", "majority": "simple"} | fields
    return services.poll_create(item=meeting.agenda_items.first(), user=council.chair, **values)


def refusal(action):
    """The translated reason ``action`` was refused with."""
    with pytest.raises(RuleBroken) as error:
        action()
    return error.value.message


def option(poll, kind_or_text):
    return next(o for o in poll.options.all() if kind_or_text in (o.kind, o.text))


def vote(council, poll, key, choice):
    services.ballot_cast(poll=poll, user=council.people[key], option_id=option(poll, choice).pk)
