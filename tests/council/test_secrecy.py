"""A secret poll leaves no way to link a member to a choice: not in the
schema, not in the stored data, not in pages, JSON, messages or logs."""

import logging

import pytest
from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.urls import reverse

from council import services
from council.models import Ballot, BallotBox, Membership, Poll, PollOption

from .factories import mark_present, open_poll, option, vote


def _fields(model):
    return {field.name: field for field in model._meta.get_fields() if field.concrete}


def test_the_ballot_row_has_no_timestamp_or_other_ordering_data():
    assert set(_fields(Ballot)) == {"id", "poll", "member", "secret", "option"}


def test_the_tally_rows_carry_no_member_time_or_order_of_ballots():
    fields = _fields(PollOption)
    assert set(fields) == {"id", "poll", "position", "kind", "text", "votes", "paper_votes", "elected"}
    assert not any(isinstance(field, models.DateTimeField | models.DateField) for field in fields.values())


def test_the_ballot_box_row_has_a_random_id_the_poll_and_the_choice_and_nothing_else():
    assert set(_fields(BallotBox)) == {"id", "poll", "option"}
    assert isinstance(BallotBox._meta.pk, models.UUIDField)


def test_only_the_ballot_model_can_point_at_both_a_member_and_a_choice():
    people = {Membership, apps.get_model("accounts", "User")}
    linking = []
    for model in apps.get_models():
        targets = {field.related_model for field in model._meta.get_fields() if field.is_relation and field.concrete}
        if targets & people and PollOption in targets:
            linking.append(model)
    assert linking == [Ballot]


def test_database_refuses_a_secret_ballot_that_names_a_choice(council, meeting):
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(poll=poll, member=council.seats["m1"], secret=True, option=poll.options.first())


def test_secret_ballots_store_who_voted_but_never_the_choice(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "yes")
    vote(council, poll, "m2", "no")
    vote(council, poll, "m3", "yes")
    rows = list(Ballot.objects.filter(poll=poll).values("member", "secret", "option"))
    assert {row["member"] for row in rows} == {council.seats[k].pk for k in ("m1", "m2", "m3")}
    assert all(row["secret"] is True and row["option"] is None for row in rows)
    assert {o.kind: o.votes for o in poll.options.all()} == {"yes": 0, "no": 0, "abstain": 0}
    closed = services.poll_close(poll=poll, user=council.chair)
    assert {o.kind: o.votes for o in closed.options.all()} == {"yes": 2, "no": 1, "abstain": 0}


@pytest.fixture
def closed_secret_poll(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "yes")
    vote(council, poll, "m2", "no")
    return services.poll_close(poll=poll, user=council.chair)


def test_secret_poll_json_has_totals_and_no_member(client, closed_secret_poll, council):
    body = client.get(f"/api/v1/council/polls/{closed_secret_poll.pk}/").json()
    assert body["ballots"] == []
    assert body["result"]["cast"] == 2
    text = str(body)
    for key in ("m1", "m2"):
        assert council.people[key].display_name not in text
    assert "member" not in text


def test_secret_poll_page_shows_totals_and_no_member_list(client, closed_secret_poll, council):
    page = client.get(reverse("council:meeting", args=[closed_secret_poll.agenda_item.meeting_id])).content.decode()
    assert "How each member voted" not in page
    assert "Secret ballot: only the totals are stored." in page


def test_member_profile_lists_named_votes_only(client, closed_secret_poll, council):
    page = client.get(reverse("council:member", args=[council.seats["m1"].pk])).content.decode()
    assert closed_secret_poll.question not in page


def test_the_confirmation_message_does_not_name_the_choice(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    client.force_login(council.people["m1"])
    response = client.post(
        reverse("council:ballot_cast", args=[poll.pk]), {"choice": option(poll, "no").pk}, follow=True
    )
    texts = [str(message) for message in response.context["messages"]]
    assert texts == ["Your ballot is recorded. Thank you."]


def test_sql_statements_are_never_logged_even_at_debug_level():
    assert not logging.getLogger("django.db.backends").isEnabledFor(logging.DEBUG)
