"""Coalescing never delays a change that comes alone, and its window is as
long as the group's last message took to hand out, within bounds."""

import asyncio
import itertools
import threading
import time

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.core.cache import cache
from django.test import override_settings

from core.live import coalescer, fanout
from core.live.fanout import Hub, cost_key
from tests.core.live_fakes import Layer


@override_settings(RADA_LIVE_COALESCE_MS=300)
def test_a_change_after_a_quiet_spell_goes_out_at_once_even_after_a_burst():
    window = coalescer._Coalescer()
    sent = []
    first, again = threading.Event(), threading.Event()
    window.request("meeting-q", lambda: (sent.append(time.monotonic()), first.set()))
    assert first.wait(timeout=2)
    time.sleep(0.5)  # the window closes; nothing was waiting for it
    asked = time.monotonic()
    window.request("meeting-q", lambda: (sent.append(time.monotonic()), again.set()))
    assert again.wait(timeout=2)
    assert sent[-1] - asked < 0.2  # not held for a window


@override_settings(RADA_LIVE_COALESCE_MS=300)
def test_changes_during_a_window_wait_for_its_end_and_go_out_as_one():
    window = coalescer._Coalescer()
    sent = []
    done = threading.Event()

    def send():
        sent.append(time.monotonic())
        if len(sent) == 2:
            done.set()

    started = time.monotonic()
    for _ in range(5):
        window.request("meeting-r", send)
    assert done.wait(timeout=3)
    time.sleep(0.5)
    assert len(sent) == 2  # the first at once, the four others in one message
    assert sent[0] - started < 0.2
    assert sent[1] - started >= 0.29


@override_settings(RADA_LIVE_COALESCE_MS=50)
def test_a_message_slower_to_build_than_the_window_holds_the_next_until_it_is_handed_on():
    """Otherwise, on a loaded machine, every change would start a message of its own."""
    window = coalescer._Coalescer()
    spans = []
    done = threading.Event()

    def slow_send():
        started = time.monotonic()
        time.sleep(0.3)
        spans.append((started, time.monotonic()))
        if len(spans) == 2:
            done.set()

    window.request("meeting-s", slow_send)
    for _ in range(3):
        time.sleep(0.08)  # past the window, while the first message is still being built
        window.request("meeting-s", slow_send)
    assert done.wait(timeout=3)
    time.sleep(0.5)
    assert len(spans) == 2  # the three later changes in one message
    assert spans[1][0] >= spans[0][1]  # which started once the first was handed on


# --- the window follows what a message costs to hand out ------------------------------


def burst_gap(group, changes=3):
    """Seconds from a burst of ``changes`` to its second message (the first
    goes at once, the second carries the others: it waits for the window
    opened when the first was asked for), and how many messages were sent."""
    window = coalescer._Coalescer()
    sent = []
    second = threading.Event()

    def send():
        sent.append(time.monotonic())
        if len(sent) == 2:
            second.set()

    asked = time.monotonic()
    for _ in range(changes):
        window.request(group, send)
    assert second.wait(timeout=5)
    time.sleep(0.3)  # nothing more comes
    return sent[1] - asked, len(sent)


@pytest.fixture
def handed_out():
    """Says how long a group's last hand-out took, as a websocket process would."""
    groups = []

    def record(group, seconds):
        groups.append(group)
        cache.set(cost_key(group), seconds, 60)

    yield record
    for group in groups:
        cache.delete(cost_key(group))


@override_settings(RADA_LIVE_COALESCE_MIN_MS=10, RADA_LIVE_COALESCE_MS=2000)
def test_the_window_is_as_long_as_the_groups_last_hand_out_took(handed_out):
    handed_out("meeting.cheap", 0.03)
    handed_out("meeting.dear", 0.4)
    cheap, cheap_messages = burst_gap("meeting.cheap")
    dear, dear_messages = burst_gap("meeting.dear")
    assert (cheap_messages, dear_messages) == (2, 2)  # a burst still becomes two messages
    assert cheap < 0.25  # a small audience: the burst's rest follows almost at once
    assert 0.39 <= dear < 0.8  # a large one: a window as long as its last hand-out


@override_settings(RADA_LIVE_COALESCE_MIN_MS=250, RADA_LIVE_COALESCE_MS=2000)
def test_the_window_is_never_shorter_than_the_least(handed_out):
    handed_out("meeting.tiny", 0.001)
    gap, _messages = burst_gap("meeting.tiny")
    assert gap >= 0.24


@override_settings(RADA_LIVE_COALESCE_MIN_MS=10, RADA_LIVE_COALESCE_MS=300)
def test_the_window_is_never_longer_than_the_most(handed_out):
    handed_out("meeting.huge", 30.0)
    gap, _messages = burst_gap("meeting.huge")
    assert 0.29 <= gap < 0.8


@override_settings(RADA_LIVE_COALESCE_MIN_MS=10, RADA_LIVE_COALESCE_MS=300)
def test_a_group_whose_hand_out_no_process_has_timed_gets_the_longest_window():
    cache.delete(cost_key("meeting.unknown"))
    gap, _messages = burst_gap("meeting.unknown")
    assert gap >= 0.29


@override_settings(RADA_LIVE_COALESCE_MIN_MS=10, RADA_LIVE_COALESCE_MS=5000)
def test_a_lone_change_to_a_group_dear_to_hand_out_waits_for_nothing(handed_out):
    handed_out("meeting.crowded", 5.0)
    sent = threading.Event()
    asked = time.monotonic()
    coalescer._Coalescer().request("meeting.crowded", sent.set)
    assert sent.wait(timeout=1)
    assert time.monotonic() - asked < 0.2


@override_settings(RADA_LIVE_COALESCE_MIN_MS=10, RADA_LIVE_COALESCE_MS=1000)
def test_a_long_burst_gets_at_most_one_message_per_window(handed_out):
    """However fast the changes come, a crowded meeting's messages are no more
    frequent than its servers can hand them out."""
    handed_out("meeting.busy", 0.1)
    window = coalescer._Coalescer()
    sent = []
    started = time.monotonic()
    while time.monotonic() - started < 1.0:
        window.request("meeting.busy", lambda: sent.append(time.monotonic()))
        time.sleep(0.002)
    last = time.monotonic()
    deadline = last + 2
    while (not sent or sent[-1] < last) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sent[-1] >= last  # the last change is followed by a message
    assert len(sent) <= 12  # about one per 100 ms over a second
    assert min(b - a for a, b in itertools.pairwise(sent)) >= 0.095


class Socket:
    """A socket whose write takes ``seconds``, as a real one's costs a little each."""

    def __init__(self, seconds=0.0):
        self.seconds = seconds
        self.received = []

    def deliver(self, message, frames=None):
        time.sleep(self.seconds)
        self.received.append(message)


async def until_stored(group, timeout=2.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        cost = await sync_to_async(cache.get)(cost_key(group))
        if cost is not None:
            return cost
        await asyncio.sleep(0.01)
    return None


def test_the_hub_leaves_how_long_a_hand_out_took_for_the_coalescer_to_read():
    group = "meeting.timed"
    cache.delete(cost_key(group))

    async def body():
        layer = Layer()
        hub = Hub(layer)
        for _ in range(20):
            await hub.join(group, Socket(seconds=0.002))  # 20 sockets, 2 ms each
        await layer.group_send(group, {"type": "meeting.state", "seq": 1})
        return await until_stored(group)

    try:
        cost = async_to_sync(body)()
        assert cost is not None
        assert 0.04 <= cost < 0.5
    finally:
        cache.delete(cost_key(group))


def test_the_hub_stores_the_cost_again_only_when_it_moved(monkeypatch):
    """Not a cache write after every message: only when the figure moved by
    more than a quarter (or a while has passed)."""
    group = "meeting.steady"
    clock = [0.0]  # the hub's timer, moved on by each write to a socket

    class Timed(Socket):
        def deliver(self, message, frames=None):
            clock[0] += self.seconds
            self.received.append(message)

    monkeypatch.setattr(fanout.time, "perf_counter", lambda: clock[0])

    async def body():
        layer = Layer()
        hub = Hub(layer)
        stored = []
        hub._store = lambda group, cost: asyncio.sleep(0, stored.append(cost))
        sockets = [Timed(seconds=0.002) for _ in range(10)]
        for socket in sockets:
            await hub.join(group, socket)

        async def hand_out(seq):
            await layer.group_send(group, {"type": "meeting.state", "seq": seq})
            while len(sockets[-1].received) < seq:
                await asyncio.sleep(0.001)
            await asyncio.sleep(0)

        for seq in (1, 2, 3):
            await hand_out(seq)
        assert stored == [pytest.approx(0.02)]  # three alike hand-outs, one write
        for socket in sockets:
            socket.seconds = 0.01  # the machine got busy: five times dearer
        await hand_out(4)
        assert stored == [pytest.approx(0.02), pytest.approx(0.1)]

    async_to_sync(body)()
