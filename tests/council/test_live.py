"""The live layer: what a meeting's websocket says, in what order, to whom.

Consumers run on the real ASGI stack (origin check, sessions, routing) with
channels' WebsocketCommunicator; changes are made through the services, in
worker threads, and announced after commit, as on the site."""

import json
import threading

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import override_settings

from core.live import coalescer
from council import live, selectors, services
from council.models import LiveSequence, Poll

from .factories import build_council, build_meeting, mark_present, open_poll, option, vote

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = [(b"origin", b"http://testserver")]


def run(coroutine_function):
    async_to_sync(coroutine_function)()


def application():
    from config.asgi import websocket_application

    return websocket_application()


async def connect(path, headers=ORIGIN):
    communicator = WebsocketCommunicator(application(), path, headers=headers)
    connected, code = await communicator.connect(timeout=5)
    return communicator, connected, code


def _in_thread(function, *args, **kwargs):
    return database_sync_to_async(function)(*args, **kwargs)


@pytest.fixture
def live_meeting(transactional_db):
    council = build_council()
    meeting = build_meeting(council)
    mark_present(council, meeting)
    return council, meeting


def test_the_state_of_an_open_secret_poll_says_only_how_many_voted(live_meeting):
    council, meeting = live_meeting
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "yes")
    state = selectors.live_state(meeting)
    assert state["poll"]["cast"] == 1
    assert "counts" not in state["poll"] and "result" not in state["poll"]
    fragments = selectors.live_fragments(meeting)["panel"]
    assert "Voted: 1 of 7 members present." in fragments
    assert "Votes" not in fragments


def test_the_state_of_an_open_named_poll_has_its_counts_and_a_closed_poll_its_result(live_meeting):
    council, meeting = live_meeting
    poll = open_poll(council, meeting)
    vote(council, poll, "m1", "no")
    assert selectors.live_state(meeting)["poll"]["counts"][str(option(poll, "no").pk)] == 1
    services.poll_close(poll=poll, user=council.chair)
    state = selectors.live_state(meeting)
    assert state["poll"]["result"]["outcome"] == "rejected"
    assert state["attendance"] == {"present": 7, "members": 7, "quorum_required": 4, "quorum_reached": True}


def test_connecting_gives_a_snapshot_in_the_readers_language(live_meeting):
    council, meeting = live_meeting

    async def body():
        communicator, connected, _code = await connect(f"/ws/meetings/{meeting.pk}/?lang=uk")
        assert connected
        message = await communicator.receive_json_from(timeout=5)
        assert message["type"] == "snapshot"
        assert message["state"]["meeting"] == {"id": meeting.pk, "number": meeting.number, "status": "live"}
        assert "Триває" in message["html"]["panel"] or "засідан" in message["html"]["panel"].lower()
        await communicator.disconnect()

    run(body)


def test_each_screen_receives_the_poll_question_in_its_readers_language(live_meeting):
    council, meeting = live_meeting
    open_poll(council, meeting, translations={"uk": "Чи приймає Рада пропозицію?"})

    async def body():
        viewers = {code: (await connect(f"/ws/meetings/{meeting.pk}/?lang={code}"))[0] for code in ("pl", "en", "uk")}
        snapshots = {code: await viewer.receive_json_from(timeout=5) for code, viewer in viewers.items()}
        panels = {code: snapshot["html"]["panel"] for code, snapshot in snapshots.items()}
        assert '<span lang="uk">Чи приймає Рада пропозицію?</span>' in panels["uk"]
        assert '<span lang="pl">Czy Rada przyjmuje wniosek?</span>' in panels["en"]
        assert '<span lang="pl">Czy Rada przyjmuje wniosek?</span>' in panels["pl"]
        for viewer in viewers.values():
            await viewer.disconnect()

    run(body)


def test_each_change_arrives_once_with_the_next_number(live_meeting):
    council, meeting = live_meeting

    async def body():
        communicator, _connected, _code = await connect(f"/ws/meetings/{meeting.pk}/?lang=en")
        first = await communicator.receive_json_from(timeout=5)
        poll = await _in_thread(open_poll, council, meeting, kind=Poll.Kind.SECRET)
        opened = await communicator.receive_json_from(timeout=5)
        assert (opened["type"], opened["seq"]) == ("state", first["seq"] + 1)
        assert opened["state"]["poll"]["state"] == "open"
        await _in_thread(vote, council, poll, "m1", "yes")
        cast = await communicator.receive_json_from(timeout=5)
        assert cast["seq"] == first["seq"] + 2
        assert cast["state"]["poll"]["cast"] == 1
        assert set(cast["state"]["poll"]) == {
            "id",
            "state",
            "kind",
            "method",
            "majority",
            "question",
            "choices",
            "cast",
            # the rules of the vote, never anything about the ballots
            "base",
            "quorum_rule",
            "seats",
            "votes_per_ballot",
            "round",
            "previous_round",
        }
        await _in_thread(services.poll_close, poll=poll, user=council.chair)
        closed = await communicator.receive_json_from(timeout=5)
        assert closed["seq"] == first["seq"] + 3
        assert closed["state"]["poll"]["result"]["cast"] == 1
        assert await communicator.receive_nothing(timeout=0.2)
        await communicator.disconnect()

    run(body)


def test_the_message_after_a_ballot_is_numbered_read_and_sent_in_seven_queries(
    live_meeting, django_assert_max_num_queries, monkeypatch
):
    """It is built after every ballot: the number and the row lock in one
    statement, the ballots counted in the poll's own query."""
    council, meeting = live_meeting
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, poll, "m1", "yes")
    sent = []
    monkeypatch.setattr(live.live, "group_send", lambda group, message: sent.append(message))
    before = live.current_seq(meeting.pk)
    # BEGIN; number, meeting, members, present, speakers, the poll with its ballots counted, its options; COMMIT
    with django_assert_max_num_queries(9):
        live.broadcast_meeting(meeting.pk)
    assert live.current_seq(meeting.pk) == before + 1
    (message,) = sent
    assert f'"seq":{before + 1},' in message["frames"]["en"]
    assert '"cast":1,' in message["frames"]["en"]


def test_the_first_message_of_a_meeting_is_number_one(live_meeting, monkeypatch):
    _council, meeting = live_meeting
    LiveSequence.objects.filter(meeting=meeting).delete()
    monkeypatch.setattr(live.live, "group_send", lambda group, message: None)
    live.broadcast_meeting(meeting.pk)
    assert live.current_seq(meeting.pk) == 1


def test_a_meeting_deleted_before_its_message_uses_up_no_number(live_meeting, monkeypatch):
    _council, meeting = live_meeting
    monkeypatch.setattr(live.live, "group_send", lambda group, message: pytest.fail("nothing to send"))
    monkeypatch.setattr(live, "meeting_message", lambda meeting_id, seq: None)
    before = live.current_seq(meeting.pk)
    live.broadcast_meeting(meeting.pk)
    assert live.current_seq(meeting.pk) == before


def test_a_resync_request_gets_a_fresh_snapshot(live_meeting):
    council, meeting = live_meeting

    async def body():
        communicator, _connected, _code = await connect(f"/ws/meetings/{meeting.pk}/")
        await communicator.receive_json_from(timeout=5)
        await _in_thread(open_poll, council, meeting)
        await communicator.receive_json_from(timeout=5)
        await communicator.send_json_to({"type": "resync"})
        snapshot = await communicator.receive_json_from(timeout=5)
        assert snapshot["type"] == "snapshot"
        assert snapshot["state"]["poll"]["state"] == "open"
        assert snapshot["seq"] == await _in_thread(live.current_seq, meeting.pk)
        await communicator.disconnect()

    run(body)


def test_a_socket_cannot_act_it_only_gets_a_refusal(live_meeting):
    council, meeting = live_meeting

    async def body():
        communicator, _connected, _code = await connect(f"/ws/meetings/{meeting.pk}/")
        await communicator.receive_json_from(timeout=5)
        await communicator.send_json_to({"type": "ballot", "choice": 1})
        reply = await communicator.receive_json_from(timeout=5)
        assert reply["type"] == "error"
        await communicator.send_to(text_data="not json")
        assert (await communicator.receive_json_from(timeout=5))["type"] == "error"
        await communicator.disconnect()

    run(body)


def test_an_oversized_message_closes_the_socket(live_meeting):
    council, meeting = live_meeting

    async def body():
        communicator, _connected, _code = await connect(f"/ws/meetings/{meeting.pk}/")
        await communicator.receive_json_from(timeout=5)
        await communicator.send_to(text_data=json.dumps({"type": "resync", "pad": "x" * 1000}))
        closed = await communicator.receive_output(timeout=5)
        assert closed == {"type": "websocket.close", "code": 1009}

    run(body)


def test_too_many_messages_close_the_socket(live_meeting):
    council, meeting = live_meeting

    async def body():
        communicator, _connected, _code = await connect(f"/ws/meetings/{meeting.pk}/")
        await communicator.receive_json_from(timeout=5)
        output = None
        for _ in range(12):
            await communicator.send_json_to({"type": "resync"})
        while True:
            output = await communicator.receive_output(timeout=5)
            if output["type"] == "websocket.close":
                break
        assert output["code"] == 4429

    run(body)


def test_an_unknown_meeting_is_closed_with_4404_after_the_handshake_so_a_browser_sees_why(transactional_db):
    # A refused handshake reaches a browser as a bare 1006, which it would retry for ever.
    async def body():
        communicator, connected, _code = await connect("/ws/meetings/999999/")
        assert connected
        closing = await communicator.receive_output(timeout=5)
        assert (closing["type"], closing["code"]) == ("websocket.close", 4404)

    run(body)


def test_a_socket_from_another_site_is_refused(live_meeting):
    council, meeting = live_meeting

    async def body():
        with override_settings(ALLOWED_HOSTS=["rada.gdansk.example"]):
            communicator = WebsocketCommunicator(
                application(), f"/ws/meetings/{meeting.pk}/", headers=[(b"origin", b"https://evil.example")]
            )
            connected, _code = await communicator.connect(timeout=5)
            assert not connected
            good = WebsocketCommunicator(
                application(), f"/ws/meetings/{meeting.pk}/", headers=[(b"origin", b"https://rada.gdansk.example")]
            )
            connected, _code = await good.connect(timeout=5)
            assert connected
            await good.disconnect()

    run(body)


def test_readers_of_a_consultation_hear_of_new_comments(transactional_db, bare_tree):
    import datetime

    from django.utils import timezone

    from consultations import services as consultation_services
    from tests.accounts.factories import UserFactory
    from tests.consultations.factories import make_consultation

    now = timezone.now()
    page = make_consultation(
        parent=None,
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=1),
        slug="na-zywo",
    )
    author = UserFactory()

    async def body():
        communicator, connected, _code = await connect(f"/ws/consultations/{page.pk}/")
        assert connected
        assert await communicator.receive_json_from(timeout=5) == {"type": "comments", "count": 0}
        await _in_thread(
            consultation_services.comment_post, consultation=page, author=author, text="Dobry pomysł.", language="pl"
        )
        assert await communicator.receive_json_from(timeout=5) == {"type": "comments", "count": 1}
        await communicator.disconnect()

    run(body)


@override_settings(RADA_LIVE_RETRY_DELAY_MS=50)
def test_a_comment_count_the_channel_layer_refused_once_still_reaches_the_readers(
    transactional_db, bare_tree, monkeypatch
):
    """A consultation's readers have no heartbeat to catch up from: the count is sent again."""
    import datetime

    from django.utils import timezone

    from consultations import live as consultation_live
    from consultations import services as consultation_services
    from tests.accounts.factories import UserFactory
    from tests.consultations.factories import make_consultation

    now = timezone.now()
    page = make_consultation(
        parent=None, opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=1)
    )
    author = UserFactory()

    async def body():
        communicator, connected, _code = await connect(f"/ws/consultations/{page.pk}/")
        assert connected
        assert await communicator.receive_json_from(timeout=5) == {"type": "comments", "count": 0}
        refused = _refusing_layer(monkeypatch, times=1)
        await _in_thread(
            consultation_services.comment_post, consultation=page, author=author, text="Dobry pomysł.", language="pl"
        )
        assert await communicator.receive_json_from(timeout=5) == {"type": "comments", "count": 1}
        assert refused == [consultation_live.consultation_group(page.translation_key)]
        await communicator.disconnect()

    run(body)


def test_an_unpublished_consultation_is_closed_with_4404(transactional_db, bare_tree):
    import datetime

    from django.utils import timezone

    from tests.consultations.factories import make_consultation

    now = timezone.now()
    day = datetime.timedelta(days=1)
    page = make_consultation(opens_at=now - day, closes_at=now + day, slug="szkic", publish=False)  # not public

    async def body():
        communicator, connected, _code = await connect(f"/ws/consultations/{page.pk}/")
        assert connected
        closing = await communicator.receive_output(timeout=5)
        assert (closing["type"], closing["code"]) == ("websocket.close", 4404)

    run(body)


@override_settings(RADA_LIVE_COALESCE_MS=50)
def test_rapid_changes_are_coalesced_and_the_last_one_is_always_sent():
    import time

    sent = []
    window = coalescer._Coalescer()

    def send():
        sent.append(len(calls))

    calls = []
    for _ in range(200):
        calls.append(1)
        window.request("meeting-x", send)
    deadline = time.monotonic() + 5
    while (not sent or sent[-1] != 200) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)  # nothing more comes
    assert len(sent) <= 2  # the first change at once, the rest in one message at the window's end
    assert sent[-1] == 200  # the last message is built after the last change


@override_settings(RADA_LIVE_COALESCE_MS=5000)
def test_a_lone_change_is_sent_at_once_not_at_the_end_of_the_window():
    sent = threading.Event()
    coalescer._Coalescer().request("meeting-y", sent.set)
    assert sent.wait(timeout=1)


async def _group_size(group):
    """How many channels the channel layer holds in ``group``."""
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if hasattr(layer, "groups"):  # in memory
        return len(layer.groups.get(group, {}))
    connection = layer.connection(layer.consistent_hash(group))
    return await connection.zcard(layer._group_key(group))


def test_the_sockets_of_one_process_share_one_membership_of_the_meeting_group(live_meeting):
    council, meeting = live_meeting
    group = live.meeting_group(meeting.pk)

    async def body():
        viewers = [(await connect(f"/ws/meetings/{meeting.pk}/?lang={code}"))[0] for code in ("pl", "uk", "ru")]
        for viewer in viewers:
            await viewer.receive_json_from(timeout=5)
        assert await _group_size(group) == 1
        await _in_thread(open_poll, council, meeting)
        messages = [await viewer.receive_json_from(timeout=5) for viewer in viewers]
        assert {m["seq"] for m in messages} == {messages[0]["seq"]}
        assert [m["html"]["panel"] != messages[0]["html"]["panel"] for m in messages] == [False, True, True]
        for viewer in viewers:
            await viewer.disconnect()
        assert await _group_size(group) == 0

    run(body)


def test_an_idle_socket_outlives_the_channel_layers_blocking_read(live_meeting, redis_url):
    """channels-redis waits for messages with a blocking pop of 5 s; with
    redis-py's default read timeout of 5 s an idle socket used to fail."""
    import asyncio

    council, meeting = live_meeting

    async def body():
        communicator, _connected, _code = await connect(f"/ws/meetings/{meeting.pk}/?lang=en")
        await communicator.receive_json_from(timeout=5)
        await asyncio.sleep(6.5)
        await _in_thread(open_poll, council, meeting)
        message = await communicator.receive_json_from(timeout=15)  # a loaded CI machine is slow
        while message["type"] == "heartbeat":
            message = await communicator.receive_json_from(timeout=15)
        assert message["state"]["poll"]["state"] == "open"
        await communicator.disconnect()

    run(body)


def test_a_message_begins_with_its_type_and_number_so_clients_can_read_them_first():
    message = {"seq": 7, "state": {"poll": None}, "html": {"en": {"panel": "<p>x</p>"}}}
    assert live.frame(message, "state", "en").startswith('{"type":"state","seq":7,"state":')


# --- no screen stays stale: retries and the heartbeat ----------------------------------------


class Screen:
    """A page following a meeting, reading its socket as ``static/js/live.js``
    does: applies states in order, asks for a snapshot after a gap or when a
    heartbeat says it is behind."""

    def __init__(self, communicator):
        self.communicator, self.seq, self.state = communicator, None, None

    async def shows(self, until, timeout=10):
        """Reads until the state shown satisfies ``until``; fails after ``timeout`` seconds."""
        import asyncio

        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.state is None or not until(self.state):
            remaining = deadline - loop.time()
            try:
                message = await self.communicator.receive_json_from(timeout=max(remaining, 0.01))
            except TimeoutError:
                pytest.fail(f"the screen was still stale after {timeout} s: {self.state and self.state['poll']}")
            await self.read(message)
        return self.state

    async def read(self, message):
        kind, seq = message["type"], message.get("seq")
        if kind == "snapshot" and (self.seq is None or seq >= self.seq):
            self.seq, self.state = seq, message["state"]
        elif kind == "state" and (self.seq is None or seq > self.seq):
            if self.seq is None or seq != self.seq + 1:
                await self.communicator.send_json_to({"type": "resync"})
            else:
                self.seq, self.state = seq, message["state"]
        elif kind == "heartbeat" and self.seq is not None and seq > self.seq:
            await self.communicator.send_json_to({"type": "resync"})


async def screens(meeting, languages):
    return [Screen((await connect(f"/ws/meetings/{meeting.pk}/?lang={code}"))[0]) for code in languages]


def _cast(count):
    return lambda state: state["poll"] is not None and state["poll"]["cast"] == count


def _refusing_layer(monkeypatch, times):
    """The channel layer refuses the next ``times`` messages to a group (None: all)."""
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    send = layer.group_send
    refused = []

    async def group_send(group, message):
        if times is None or len(refused) < times:
            refused.append(group)
            raise ConnectionError("the channel layer is gone")
        await send(group, message)

    monkeypatch.setattr(layer, "group_send", group_send)
    return refused


@override_settings(RADA_LIVE_HEARTBEAT_SECONDS=0.2)
def test_a_heartbeat_tells_each_socket_the_number_of_the_last_message(live_meeting):
    council, meeting = live_meeting

    async def body():
        communicator, _connected, _code = await connect(f"/ws/meetings/{meeting.pk}/?lang=en")
        snapshot = await communicator.receive_json_from(timeout=5)
        beat = await communicator.receive_json_from(timeout=5)
        assert beat == {"type": "heartbeat", "seq": snapshot["seq"], "every": 0.2}
        await communicator.disconnect()

    run(body)


@override_settings(RADA_LIVE_HEARTBEAT_SECONDS=0.2)
def test_the_sockets_of_a_process_share_one_heartbeat_read(live_meeting, monkeypatch):
    council, meeting = live_meeting
    reads = []
    heartbeat = live.heartbeat
    monkeypatch.setattr(live, "heartbeat", lambda meeting_id: reads.append(meeting_id) or heartbeat(meeting_id))

    async def body():
        import asyncio

        loop = asyncio.get_running_loop()
        began = loop.time()
        viewers = [(await connect(f"/ws/meetings/{meeting.pk}/"))[0] for _ in range(5)]
        for viewer in viewers:
            await viewer.receive_json_from(timeout=5)
        for _beat in range(3):
            for viewer in viewers:
                assert (await viewer.receive_json_from(timeout=5))["type"] == "heartbeat"
        beats = (loop.time() - began) / 0.2
        # One read per beat, whatever the number of sockets (five would read five times).
        assert 3 <= len(reads) <= beats + 1
        for viewer in viewers:
            await viewer.disconnect()

    run(body)


@override_settings(RADA_LIVE_HEARTBEAT_SECONDS=60, RADA_LIVE_RETRY_DELAY_MS=50)
def test_a_message_the_channel_layer_refused_once_is_sent_again_and_every_screen_is_exact(live_meeting, monkeypatch):
    council, meeting = live_meeting
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)

    async def body():
        viewers = await screens(meeting, ("pl", "en", "uk"))
        for viewer in viewers:
            await viewer.shows(_cast(0))
        refused = _refusing_layer(monkeypatch, times=1)
        await _in_thread(vote, council, poll, "m1", "yes")
        for viewer in viewers:
            await viewer.shows(_cast(1))
        assert refused == [live.meeting_group(meeting.pk)]
        for viewer in viewers:
            await viewer.communicator.disconnect()

    run(body)


@override_settings(RADA_LIVE_HEARTBEAT_SECONDS=60, RADA_LIVE_RETRY_DELAY_MS=50)
def test_a_message_whose_database_work_failed_is_built_again_and_sent(live_meeting, monkeypatch):
    """The backend waiting for the sequence row's lock was terminated: nothing
    was numbered or sent, so only trying again can tell the screens."""
    from django.db import OperationalError

    council, meeting = live_meeting
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    failures = []
    build = live.meeting_message

    def meeting_message(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise OperationalError("terminating connection due to administrator command")
        return build(*args, **kwargs)

    async def body():
        (viewer,) = await screens(meeting, ("en",))
        await viewer.shows(_cast(0))
        monkeypatch.setattr(live, "meeting_message", meeting_message)
        await _in_thread(vote, council, poll, "m1", "no")
        await viewer.shows(_cast(1))
        assert failures == [1]
        await viewer.communicator.disconnect()

    run(body)


@override_settings(RADA_LIVE_HEARTBEAT_SECONDS=0.5, RADA_LIVE_RETRIES=1, RADA_LIVE_RETRY_DELAY_MS=50)
def test_when_the_channel_layer_refuses_every_message_screens_catch_up_from_the_heartbeat(live_meeting, monkeypatch):
    council, meeting = live_meeting
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET)

    async def body():
        viewers = await screens(meeting, ("pl", "en", "ru"))
        for viewer in viewers:
            await viewer.shows(_cast(0))
        refused = _refusing_layer(monkeypatch, times=None)
        await _in_thread(vote, council, poll, "m1", "yes")
        await _in_thread(vote, council, poll, "m2", "no")
        for viewer in viewers:
            state = await viewer.shows(_cast(2))
            assert state["poll"]["state"] == "open"
        assert len(refused) >= 2  # every message and every retry
        for viewer in viewers:
            await viewer.communicator.disconnect()

    run(body)


def _failing(times, calls):
    def send():
        calls.append(__import__("time").monotonic())
        if times is None or len(calls) <= times:
            raise ConnectionError("refused")

    return send


@pytest.mark.parametrize("window", [0, 50])
def test_a_failed_send_is_tried_again_until_it_succeeds(settings, window):
    import time

    settings.RADA_LIVE_COALESCE_MS, settings.RADA_LIVE_RETRY_DELAY_MS, settings.RADA_LIVE_RETRIES = window, 20, 5
    calls = []
    coalescer._Coalescer().request(f"retry-{window}", _failing(2, calls))
    deadline = time.monotonic() + 5
    while len(calls) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)
    assert len(calls) == 3  # two failures, then sent; nothing after


def test_retries_wait_twice_as_long_each_time_and_give_up_after_the_limit(settings, caplog):
    import time

    settings.RADA_LIVE_COALESCE_MS, settings.RADA_LIVE_RETRY_DELAY_MS, settings.RADA_LIVE_RETRIES = 0, 40, 3
    calls = []
    coalescer._Coalescer().request("retry-forever", _failing(None, calls))
    time.sleep(0.04 + 0.08 + 0.16 + 0.5)
    assert len(calls) == 4  # the first attempt and three retries
    gaps = [later - earlier for earlier, later in zip(calls, calls[1:], strict=False)]
    assert gaps[0] >= 0.04 and gaps[1] >= 0.08 and gaps[2] >= 0.16
    assert "not sent after 4 attempts" in caplog.text
