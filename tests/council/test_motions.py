"""A motion's life: draft, co-sponsors, submission with a number, agenda,
vote, withdrawal; every change recorded with who and when."""

import pytest

from council import services
from council.models import Motion

from .factories import build_meeting, mark_present, open_poll, refusal, submitted_motion, vote


def draft(council, key="m1", **fields):
    values = {"title": "Tłumacze", "text": "Rada wnosi o tłumaczy.", "language": "pl"} | fields
    return services.motion_draft(term=council.term, submitter=council.people[key], **values)


def test_every_state_change_is_recorded_with_who(council):
    motion = draft(council)
    motion = services.motion_submit(motion=motion, user=council.people["m1"])
    meeting = build_meeting(council, motion=motion)
    mark_present(council, meeting)
    poll = open_poll(council, meeting, on_motion=True)
    vote(council, poll, "m2", "yes")
    services.poll_close(poll=poll, user=council.chair)
    events = [(event.state, event.actor) for event in motion.events.all()]
    m1, chair = council.people["m1"], council.chair
    assert events == [
        ("draft", m1),
        ("submitted", m1),
        ("scheduled", chair),
        ("voting", chair),
        ("adopted", chair),
    ]


def test_submission_numbers_motions_in_sequence_within_the_term(council):
    first = submitted_motion(council, "m1")
    second = submitted_motion(council, "m2", title="Drugi")
    assert (first.number, second.number) == (1, 2)
    assert str(second.label) == f"Motion {council.term.roman}/2"


def test_a_draft_has_no_number_and_is_not_public(council, client):
    motion = draft(council)
    assert motion.number is None
    assert client.get(motion.get_absolute_url()).status_code == 404
    client.force_login(council.people["m3"])
    assert client.get(motion.get_absolute_url()).status_code == 200  # members see drafts


def test_only_members_of_the_term_write_motions(council):
    from tests.accounts.factories import UserFactory

    message = refusal(
        lambda: services.motion_draft(term=council.term, submitter=UserFactory(), title="T", text="X", language="pl")
    )
    assert message == "Only members of the council can write motions."


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "  "}, "A motion needs a title."),
        ({"title": "x" * 201}, "A title may be at most 200 characters long; this one has 201."),
        ({"text": ""}, "A motion needs a text: what the council is asked to decide."),
        ({"text": "x" * 10_001}, "The text may be at most 10000 characters long; this one has 10001."),
    ],
)
def test_bad_motion_texts_are_refused(council, fields, message):
    assert refusal(lambda: draft(council, **fields)) == message
    assert not Motion.objects.filter(term=council.term).exists()


def test_other_members_co_sponsor_and_can_stop(council):
    motion = draft(council)
    assert services.motion_sponsor_toggle(motion=motion, user=council.people["m2"]) is True
    assert list(motion.sponsors.all()) == [council.people["m2"]]
    assert services.motion_sponsor_toggle(motion=motion, user=council.people["m2"]) is False
    assert motion.sponsors.count() == 0


def test_the_submitter_does_not_co_sponsor_their_own_motion(council):
    motion = draft(council)
    assert refusal(lambda: services.motion_sponsor_toggle(motion=motion, user=council.people["m1"])) == (
        "You submitted this motion; co-sponsors are other members."
    )


def test_only_the_author_submits_and_only_once(council):
    motion = draft(council)
    assert refusal(lambda: services.motion_submit(motion=motion, user=council.people["m2"])) == (
        "Only the member who drafted the motion can submit it."
    )
    services.motion_submit(motion=motion, user=council.people["m1"])
    assert refusal(lambda: services.motion_submit(motion=motion, user=council.people["m1"])) == (
        "This motion has already been submitted."
    )


def test_a_submitted_motion_can_no_longer_be_edited(council):
    motion = submitted_motion(council)
    message = refusal(
        lambda: services.motion_update(motion=motion, user=council.people["m1"], title="Nowy", text="X", language="pl")
    )
    assert message == "Only the member who drafted the motion can change it, and only before submitting it."


def test_the_submitter_withdraws_before_the_vote(council):
    motion = submitted_motion(council)
    build_meeting(council, motion=motion)
    motion = services.motion_withdraw(motion=motion, user=council.people["m1"])
    assert motion.state == Motion.State.WITHDRAWN


def test_nobody_else_withdraws_a_motion(council):
    motion = submitted_motion(council)
    assert refusal(lambda: services.motion_withdraw(motion=motion, user=council.chair)) == (
        "Only the member who submitted the motion can withdraw it."
    )


def test_a_motion_being_voted_on_cannot_be_withdrawn(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    open_poll(council, meeting, on_motion=True)
    assert refusal(lambda: services.motion_withdraw(motion=motion, user=council.people["m1"])) == (
        "The motion is being voted on; it can no longer be withdrawn."
    )


def test_a_decided_motion_cannot_be_withdrawn(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    mark_present(council, meeting)
    poll = open_poll(council, meeting, on_motion=True)
    vote(council, poll, "m2", "no")
    services.poll_close(poll=poll, user=council.chair)
    assert refusal(lambda: services.motion_withdraw(motion=motion, user=council.people["m1"])) == (
        "The council has already decided on this motion."
    )


def test_a_withdrawn_motion_cannot_be_put_to_the_vote(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    services.motion_withdraw(motion=motion, user=council.people["m1"])
    message = refusal(lambda: open_poll(council, meeting, on_motion=True))
    assert message == "This motion cannot be voted on now. Its state: Withdrawn."


def test_only_the_chair_puts_motions_on_the_agenda(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, start=False)
    assert refusal(lambda: services.motion_schedule(motion=motion, meeting=meeting, user=council.people["m2"])) == (
        "Only the chair or the vice-chair puts motions on the agenda."
    )


def test_a_draft_cannot_be_put_on_the_agenda(council):
    motion = draft(council)
    meeting = build_meeting(council, start=False)
    assert refusal(lambda: services.motion_schedule(motion=motion, meeting=meeting, user=council.chair)) == (
        "Only a submitted motion that is not yet on an agenda can be scheduled."
    )


def test_scheduling_adds_the_motion_at_the_end_of_the_agenda(council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, start=False)
    item = services.motion_schedule(motion=motion, meeting=meeting, user=council.chair)
    assert list(meeting.agenda_items.order_by("sort_order"))[-1] == item
    assert item.motion == motion
