"""Sending public state to websocket groups, after commit and coalesced.

Apps describe *what* to send (``council.live``, ``consultations.live``);
this module decides *when*: the first change of a target (a live group) after
a quiet spell is sent at once and opens a window; changes during the window
ride along in one message built at its end, from the state as it is then.
So a lone change waits for nothing, the last change is always followed by a
message, and a group gets at most one message per window, however fast the
changes come.

The window is as long as the group's last message took to hand out to its
sockets, as the websocket processes measure it (``core.live.fanout``: it grows
with the audience and with the machine's load), bounded by
``RADA_LIVE_COALESCE_MIN_MS`` and ``RADA_LIVE_COALESCE_MS``; the longest when
no process has said yet.  And it lasts at least until its own message has been
built and handed to the channel layer.  So a meeting followed by a handful of
readers is updated almost at once, and one followed by thousands gets no more
messages than its servers can hand out.

The window runs on the ASGI server's event loop when the change was made in
one of its threads (so an in-memory channel layer is used from the loop that
owns it), and otherwise on a small background loop of this process (WSGI
workers, which then need the Redis channel layer to reach anyone).

A send that fails (the database or the channel layer briefly gone) is tried
again, ``RADA_LIVE_RETRIES`` times, after ``RADA_LIVE_RETRY_DELAY_MS`` and
twice as long each time; each attempt builds its message afresh, so it
carries the state as it is then.  What a lost message leaves behind, the
clients catch up on from the heartbeat (``core.live.fanout``).
"""

import asyncio
import contextlib
import logging
import os
import threading

from asgiref.sync import SyncToAsync, async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, transaction

from .fanout import cost_key

logger = logging.getLogger(__name__)


def group_send(group, message):
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group, message)


def on_commit(group, send):
    """After the current transaction commits, ``send()`` once per window for
    ``group``, the live group that ``send`` sends to."""
    if _muted:
        return
    transaction.on_commit(lambda: _coalescer.request(group, send))


_muted = 0


@contextlib.contextmanager
def muted():
    """Changes made inside announce nothing: for the demo seed, which nobody
    watches, and whose dozens of announcements would otherwise all start at
    its commit and contend for an SQLite file."""
    global _muted
    _muted += 1
    try:
        yield
    finally:
        _muted -= 1


def window(group):
    """Seconds the window of ``group`` lasts: its last hand-out's duration as a
    websocket process reported it, within the bounds; the longest bound while
    none has (a group nobody has watched lately, or a cache that is down)."""
    longest = settings.RADA_LIVE_COALESCE_MS / 1000
    shortest = min(settings.RADA_LIVE_COALESCE_MIN_MS / 1000, longest)
    cost = cache.get(cost_key(group))
    if cost is None:
        return longest
    return min(longest, max(shortest, cost))


class _Window:
    """A target's open window: when it opened, and whether a change waits for its end."""

    __slots__ = ("opened", "waiting")

    def __init__(self):
        self.opened = None
        self.waiting = False


class _Coalescer:
    """Per process and target: the first change after a quiet spell is sent at
    once and opens a window; the changes made during the window ride along in
    one message at its end, which opens the next window.  So a target gets at
    most one message per window, a lone change is not delayed at all, and the
    last change is always followed by a message.

    The window's length (:func:`window`) is learned while its first message is
    sent, and the window lasts until its time is up *and* that message has been
    handed on: when building a message takes longer than the window (a loaded
    machine, a meeting with much to render), the changes meanwhile wait for
    that message rather than start messages of their own that would queue up
    behind it, each to be fanned out to every viewer."""

    def __init__(self):
        self._windows = {}  # key -> _Window
        self._lock = threading.Lock()
        self._loop = None

    def _background_loop(self):
        """For processes without an event loop of their own (WSGI workers)."""
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="rada-live", daemon=True).start()
                self._loop = loop
            return self._loop

    def request(self, key, send):
        if settings.RADA_LIVE_COALESCE_MS <= 0:
            try:
                send()
            except Exception:  # noqa: BLE001 - the change is committed; the message is tried again
                self._retry(key, send, attempt=1)
            return
        with self._lock:
            if key in self._windows:
                self._windows[key].waiting = True
                return
            self._windows[key] = _Window()
        loop = _server_loop() or self._background_loop()
        loop.call_soon_threadsafe(self._send, key, send)

    def _send(self, key, send):
        """In the loop: send now (the state is read when the message is built,
        so it carries every change made so far) and open a window.  The sync
        work runs in a worker thread whose ``async_to_sync`` calls come back to
        this loop."""
        loop = asyncio.get_running_loop()
        self._windows[key].opened = loop.time()
        loop.create_task(self._first_attempt(key, send))

    async def _first_attempt(self, key, send):
        length = settings.RADA_LIVE_COALESCE_MS / 1000
        try:
            length = await sync_to_async(_closing_connections(send, key), thread_sensitive=False)()
        except Exception:  # noqa: BLE001 - the change is committed; the message is tried again
            self._retry(key, send, attempt=1)
        finally:
            loop = asyncio.get_running_loop()
            loop.call_at(self._windows[key].opened + length, self._close, key, send)

    async def _attempt(self, key, send, attempt):
        try:
            await sync_to_async(_closing_connections(send), thread_sensitive=False)()
        except Exception:  # noqa: BLE001 - the change is committed; the message is tried again
            self._retry(key, send, attempt=attempt + 1)

    def _retry(self, key, send, attempt):
        """Schedules attempt number ``attempt`` (1 is the first retry), or gives up."""
        if attempt > settings.RADA_LIVE_RETRIES:
            logger.error(
                "Live message for %s not sent after %d attempts; clients catch up from the heartbeat",
                key,
                attempt,
                exc_info=True,
            )
            return
        delay = settings.RADA_LIVE_RETRY_DELAY_MS / 1000 * 2 ** (attempt - 1)
        logger.warning("Live message for %s not sent; trying again in %.2f s", key, delay, exc_info=True)
        loop = _server_loop() or self._background_loop()
        loop.call_soon_threadsafe(
            lambda: loop.call_later(delay, lambda: loop.create_task(self._attempt(key, send, attempt)))
        )

    def _close(self, key, send):
        """Ends the window, its time up and its message handed on: with the
        next message if a change waits, otherwise for good."""
        with self._lock:
            state = self._windows[key]
            waiting = state.waiting
            if waiting:
                state.waiting = False
            else:
                del self._windows[key]
        if waiting:
            self._send(key, send)


def _closing_connections(send, group=None):
    """``send`` for a worker thread; with ``group``, it then returns the
    window's length, read in the same thread (a thread hop can cost more than
    the read on a busy machine) and after the message, so that a lone change
    waits for nothing."""

    def run():
        try:
            send()
            if group is None:
                return None
            try:
                return window(group)
            except Exception:  # noqa: BLE001 - the message is sent; the longest window, then
                logger.warning("No window length for %s", group, exc_info=True)
                return settings.RADA_LIVE_COALESCE_MS / 1000
        finally:
            close_old_connections()

    return run


def _server_loop():
    """The ASGI server's event loop when called from one of its sync threads,
    so that an in-memory channel layer is used from the loop that owns it."""
    loop = getattr(SyncToAsync.threadlocal, "main_event_loop", None)
    same_process = getattr(SyncToAsync.threadlocal, "main_event_loop_pid", None) == os.getpid()
    if loop is not None and same_process and loop.is_running():
        return loop
    return None


_coalescer = _Coalescer()
