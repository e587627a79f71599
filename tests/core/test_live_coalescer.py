"""Coalescing never delays a change that comes alone."""

import threading
import time

from django.test import override_settings

from core.live import coalescer


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
