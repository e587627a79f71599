"""A secret poll leaves no way to link a member to a choice: not in the
schema, not in the stored data, not in pages, JSON, messages or logs."""

import logging

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, models, transaction
from django.urls import reverse

from council import services
from council.models import Ballot, Membership, Poll, PollOption

from .factories import build_council, build_meeting, mark_present, open_poll, option, vote


def _fields(model):
    return {field.name: field for field in model._meta.get_fields() if field.concrete}


def test_the_ballot_row_has_no_timestamp_or_other_ordering_data():
    assert set(_fields(Ballot)) == {"id", "poll", "member", "secret", "option"}


def test_the_tally_rows_carry_no_member_time_or_order_of_ballots():
    fields = _fields(PollOption)
    assert set(fields) == {"id", "poll", "position", "kind", "text", "votes"}
    assert not any(isinstance(field, models.DateTimeField | models.DateField) for field in fields.values())


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
    assert {o.kind: o.votes for o in poll.options.all()} == {"yes": 2, "no": 1, "abstain": 0}


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


def _xmin(queryset):
    table = queryset.model._meta.db_table
    ids = list(queryset.values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT xmin::text FROM {table} WHERE id = ANY(%s)", [ids])  # noqa: S608 - a model's table
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_closing_a_secret_poll_leaves_no_trace_of_the_order_of_voting_in_row_versions():
    """PostgreSQL stamps each row version with its transaction id; ballots cast
    one by one would carry different ids, and the counters the id of the last
    voter.  Closing rewrites them all in one transaction."""
    if connection.vendor != "postgresql":
        pytest.skip("row versions (xmin) exist on PostgreSQL")
    council = build_council()
    meeting = build_meeting(council)
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    for key, choice in (("m1", "yes"), ("m2", "no"), ("m3", "abstain")):
        vote(council, poll, key, choice)
    assert len(_xmin(Ballot.objects.filter(poll=poll))) == 3  # the order is visible while voting
    services.poll_close(poll=poll, user=council.chair)
    ballots, options = _xmin(Ballot.objects.filter(poll=poll)), _xmin(PollOption.objects.filter(poll=poll))
    assert len(ballots) == 1
    assert ballots == options
