"""Sending public state to websocket groups, after commit and coalesced.

Apps describe *what* to send (``council.live``, ``consultations.live``);
this module decides *when*: the first change of a target starts a short
window (``RADA_LIVE_COALESCE_MS``), changes during the window ride along, and
the message built at its end reads the state as it is then.  So a channel
carries at most a few messages a second per process, however fast the
changes come, and the last change is always followed by a message.

The window runs on the ASGI server's event loop when the change was made in
one of its threads (so an in-memory channel layer is used from the loop that
owns it), and otherwise on a small background loop of this process (WSGI
workers, which then need the Redis channel layer to reach anyone).
"""

import asyncio
import logging
import os
import threading

from asgiref.sync import SyncToAsync, async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import close_old_connections, transaction

logger = logging.getLogger(__name__)


def group_send(group, message):
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group, message)


def on_commit(key, send):
    """After the current transaction commits, ``send()`` once per window for ``key``."""
    transaction.on_commit(lambda: _coalescer.request(key, send))


class _Coalescer:
    """Per process: one pending broadcast per target at a time."""

    def __init__(self):
        self._pending = set()
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
        window = settings.RADA_LIVE_COALESCE_MS / 1000
        if window <= 0:
            send()
            return
        with self._lock:
            if key in self._pending:
                return
            self._pending.add(key)
        loop = _server_loop() or self._background_loop()
        loop.call_soon_threadsafe(loop.call_later, window, self._fire, key, send)

    def _fire(self, key, send):
        """At the end of the window, in the loop: the state is read now, so the
        message carries every change made so far.  The sync work runs in a
        worker thread whose ``async_to_sync`` calls come back to this loop."""
        with self._lock:
            self._pending.discard(key)
        asyncio.get_running_loop().create_task(sync_to_async(_closing_connections(send), thread_sensitive=False)())


def _closing_connections(send):
    def run():
        try:
            send()
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
