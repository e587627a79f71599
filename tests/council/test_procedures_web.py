"""The procedures on the web: the console's forms, the ballot with several
choices, the result pages, the API (JSON, CSV, OpenAPI) and the live messages."""

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.urls import reverse
from django.utils import translation

from council import services
from council.models import PaperCount, Poll
from tests.opendata.test_api import read_csv

from .factories import build_council, build_meeting, election, mark_present, open_poll, option, vote, vote_for


def console(meeting):
    return reverse("council:console", args=[meeting.pk])


def create_url(meeting):
    return reverse("council:poll_create", args=[meeting.pk, meeting.agenda_items.first().pk])


# --- the console --------------------------------------------------------------------------------


def test_the_chair_prepares_a_vote_with_a_statutory_majority_and_a_quorum_of_two_thirds(client, council, meeting):
    client.force_login(council.chair)
    response = client.post(
        create_url(meeting),
        {
            "question": "Czy Rada zmienia regulamin?",
            "method": "yes_no",
            "kind": "named",
            "majority": "absolute",
            "base": "statutory",
            "quorum_rule": "two_thirds",
        },
    )
    assert response.status_code == 302
    poll = Poll.objects.get(question="Czy Rada zmienia regulamin?")
    assert (poll.majority, poll.base, poll.quorum_rule) == ("absolute", "statutory", "two_thirds")


def test_the_chair_prepares_an_election_for_two_seats(client, council, meeting):
    client.force_login(council.chair)
    client.post(
        create_url(meeting),
        {
            "question": "Wybór dwóch wiceprzewodniczących",
            "method": "choice",
            "kind": "secret",
            "majority": "simple",
            "options": "Anna\nBorys\nChen",
            "seats": "2",
            "votes_per_ballot": "2",
        },
    )
    poll = Poll.objects.get(question="Wybór dwóch wiceprzewodniczących")
    assert (poll.seats, poll.votes_per_ballot) == (2, 2)


def test_an_impossible_election_is_shown_again_with_the_reason(client, council, meeting):
    client.force_login(council.chair)
    response = client.post(
        create_url(meeting),
        {
            "question": "Wybór",
            "method": "choice",
            "kind": "named",
            "majority": "simple",
            "options": "Anna\nBorys\nChen",
            "seats": "2",
            "votes_per_ballot": "2",
        },
    )
    assert response.status_code == 400
    with translation.override("en"):
        assert "Several votes per ballot are possible in a secret ballot only." in response.content.decode()
    assert not Poll.objects.filter(question="Wybór").exists()


def test_the_secretary_sees_the_paper_count_form_while_a_vote_is_open(client, council, meeting):
    open_poll(council, meeting)
    client.force_login(council.secretary)
    page = client.get(console(meeting)).content.decode()
    assert 'id="paper"' in page and "poll_paper" not in page
    assert reverse("council:poll_paper", args=[meeting.agenda_items.first().polls.get().pk]) in page


def test_the_secretary_enters_paper_counts_through_the_console(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    client.force_login(council.secretary)
    data = {f"option_{option(poll, kind).pk}": n for kind, n in (("yes", 3), ("no", 1), ("abstain", 0))}
    response = client.post(reverse("council:poll_paper", args=[poll.pk]), data | {"invalid": "1"})
    assert response.status_code == 302
    poll.refresh_from_db()
    assert (poll.paper_ballots, poll.invalid_ballots) == (4, 1)
    assert PaperCount.objects.get(poll=poll).entered_by == council.secretary


def test_paper_counts_above_the_members_present_come_back_with_the_reason(client, council, meeting):
    mark_present(council, meeting, "chair", "secretary")
    poll = open_poll(council, meeting)
    client.force_login(council.secretary)
    data = {f"option_{option(poll, kind).pk}": n for kind, n in (("yes", 3), ("no", 0), ("abstain", 0))}
    response = client.post(reverse("council:poll_paper", args=[poll.pk]), data | {"invalid": "0"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("only 2 members are present" in m for m in messages)
    assert not PaperCount.objects.exists()


def test_a_paper_count_that_is_not_a_number_is_refused(client, council, meeting):
    poll = open_poll(council, meeting)
    client.force_login(council.secretary)
    response = client.post(reverse("council:poll_paper", args=[poll.pk]), {"invalid": "x"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Write each count as a whole number from 0 to 999."]


def test_a_member_cannot_post_paper_counts(client, council, meeting):
    poll = open_poll(council, meeting)
    client.force_login(council.people["m1"])
    data = {f"option_{o.pk}": 1 for o in poll.options.all()} | {"invalid": "0"}
    client.post(reverse("council:poll_paper", args=[poll.pk]), data)
    assert not PaperCount.objects.exists()


@pytest.fixture
def tied(council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting, ("Anna", "Borys", "Chen", "Dana"))
    vote_for(council, poll, "chair", "Anna", "Borys")
    vote_for(council, poll, "secretary", "Anna", "Chen")
    vote_for(council, poll, "m1", "Anna")
    return services.poll_close(poll=poll, user=council.chair)


def test_the_console_offers_the_next_round_once(client, council, meeting, tied):
    client.force_login(council.chair)
    url = reverse("council:poll_next_round", args=[tied.pk])
    assert url in client.get(console(meeting)).content.decode()
    response = client.post(url)
    second = tied.next_rounds.get()
    assert response.url.endswith(f"#poll-{second.pk}")
    assert url not in client.get(console(meeting)).content.decode()


def test_the_result_names_the_elected_the_tie_and_the_rule(client, council, meeting, tied):
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "poll__row--winner" in page
    assert "there is no casting vote" in page
    assert "Relative majority: the candidates with the most votes are elected." in page


def test_the_ballot_offers_checkboxes_when_a_ballot_carries_several_votes(client, council, meeting):
    mark_present(council, meeting)
    election(council, meeting)
    client.force_login(council.people["m1"])
    page = client.get(reverse("council:ballot", args=[meeting.pk])).content.decode()
    assert page.count('type="checkbox" name="choice"') == 4
    assert "Choose up to 2 candidates (2 seats to fill), or abstain." in page


def test_a_member_casts_a_ballot_with_two_votes(client, council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting)
    client.force_login(council.people["m1"])
    client.post(
        reverse("council:ballot_cast", args=[poll.pk]), {"choice": [option(poll, "Anna").pk, option(poll, "Chen").pk]}
    )
    assert poll.ballots.count() == 1


def test_a_ballot_with_too_many_votes_is_refused_on_the_web(client, council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting)
    client.force_login(council.people["m1"])
    response = client.post(
        reverse("council:ballot_cast", args=[poll.pk]),
        {"choice": [o.pk for o in poll.options.all() if o.kind == "option"]},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == ["You may choose at most 2 candidates."]
    assert not poll.ballots.exists()


# --- the API ------------------------------------------------------------------------------------------


@pytest.fixture
def hybrid(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, majority=Poll.Majority.THREE_FIFTHS, base=Poll.Base.STATUTORY)
    for key in ("chair", "secretary", "m1"):
        vote(council, poll, key, "yes")
    services.paper_count_enter(
        poll=poll, user=council.secretary, counts={option(poll, "yes").pk: 2, option(poll, "no").pk: 1}, invalid=1
    )
    return services.poll_close(poll=poll, user=council.chair)


def test_the_api_gives_electronic_paper_and_invalid_counts_and_the_rule(client, hybrid):
    body = client.get(f"/api/v1/council/polls/{hybrid.pk}/").json()
    assert (body["electronic"], body["paper"], body["invalid"]) == (3, 3, 1)
    assert body["paper_counts"][str(option(hybrid, "yes").pk)] == 2
    assert body["counts"][str(option(hybrid, "yes").pk)] == 5
    assert (body["base"], body["majority"], body["seats"]) == ("statutory", "three_fifths", 1)
    result = body["result"]
    assert (result["outcome"], result["base_count"], result["votes_needed"]) == ("passed", 7, 5)
    assert result["rule"] == "Wymagane głosy za: 5 (trzy piąte z 7, podstawa: ustawowy skład rady)."


def test_the_csv_has_the_same_fields(client, hybrid):
    row = read_csv(client.get("/api/v1/council/polls.csv"))[0]
    assert (row["electronic"], row["paper"], row["invalid"], row["base"]) == ("3", "3", "1", "statutory")
    assert [cell.rsplit(": ", 1)[1] for cell in row["paper_counts"].split(", ")] == ["2", "1", "0"]
    assert row["result.votes_needed"] == "5"


def test_the_openapi_schema_describes_the_new_fields(client):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["Poll"]["properties"]
    for name in ("base", "quorum_rule", "seats", "votes_per_ballot", "round", "electronic", "paper", "invalid"):
        assert name in schema
    assert set(schema["base"]["enum"]) == {"cast", "yes_no", "present", "statutory"}
    assert "votes_needed" in schema["result"]["properties"]


def test_the_api_lists_the_elected(client, tied):
    body = client.get(f"/api/v1/council/polls/{tied.pk}/").json()
    assert body["elected"] == [option(tied, "Anna").pk]
    assert (body["result"]["outcome"], body["result"]["tie"]) == ("partial", True)


def test_a_secret_polls_paper_counts_are_not_in_the_api_while_it_is_open(client, council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    services.paper_count_enter(poll=poll, user=council.secretary, counts={option(poll, "yes").pk: 2})
    body = client.get(f"/api/v1/council/polls/{poll.pk}/").json()
    assert (body["paper_counts"], body["counts"]) == (None, None)


# --- live ------------------------------------------------------------------------------------------


def _application():
    from config.asgi import websocket_application

    return websocket_application()


@pytest.mark.django_db(transaction=True)
def test_the_result_and_the_next_round_go_out_live():
    council = build_council()
    meeting = build_meeting(council)
    mark_present(council, meeting)
    poll = election(council, meeting, ("Anna", "Borys", "Chen", "Dana"))
    vote_for(council, poll, "chair", "Anna", "Borys")
    vote_for(council, poll, "secretary", "Anna", "Chen")
    services.paper_count_enter(poll=poll, user=council.secretary, counts={}, ballots=1, invalid=1)
    anna = option(poll, "Anna").pk

    async def body():
        from channels.db import database_sync_to_async

        communicator = WebsocketCommunicator(
            _application(), f"/ws/meetings/{meeting.pk}/?lang=en", headers=[(b"origin", b"http://testserver")]
        )
        connected, _code = await communicator.connect(timeout=5)
        assert connected
        first = await communicator.receive_json_from(timeout=5)
        assert "paper" not in first["state"]["poll"]  # a secret poll's counts wait for its closing
        closed = await database_sync_to_async(services.poll_close)(poll=poll, user=council.chair)
        result = await communicator.receive_json_from(timeout=5)
        assert result["seq"] == first["seq"] + 1
        state = result["state"]["poll"]
        assert (state["result"]["outcome"], state["result"]["tie"]) == ("partial", True)
        assert (state["result"]["electronic"], state["result"]["paper"], state["result"]["invalid"]) == (2, 1, 1)
        assert state["result"]["elected"] == [anna]
        assert (state["seats"], state["votes_per_ballot"]) == (2, 2)
        second = await database_sync_to_async(services.poll_next_round)(poll=closed, user=council.chair)
        prepared = await communicator.receive_json_from(timeout=5)
        assert prepared["seq"] == first["seq"] + 2
        assert prepared["state"]["poll"]["next_round"]["id"] == second.pk
        assert [c["text"] for c in prepared["state"]["poll"]["next_round"]["candidates"]] == ["Borys", "Chen"]
        assert "Round 2 is prepared between:" in prepared["html"]["panel"]
        await communicator.disconnect()

    async_to_sync(body)()


def test_the_polls_list_costs_the_same_queries_with_elections_and_paper_counts(
    client, council, meeting, django_assert_max_num_queries
):
    mark_present(council, meeting)
    for _round in range(3):
        poll = election(council, meeting)
        vote_for(council, poll, "m1", "Anna", "Borys")
        services.paper_count_enter(poll=poll, user=council.secretary, counts={}, ballots=1, invalid=0)
        services.poll_close(poll=poll, user=council.chair)
    with django_assert_max_num_queries(6):
        body = client.get("/api/v1/council/polls/").json()
    assert len(body["results"]) == 3
