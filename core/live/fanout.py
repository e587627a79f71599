"""One channel-layer subscription per group per process, fanned out locally.

Without this, every websocket of a meeting is a member of the meeting's group
in the channel layer: with two thousand viewers a message is copied two
thousand times into Redis, read back two thousand times and decoded two
thousand times, and a process delivers about one message a second.  Here a
process joins a group once, through a channel of its own; the sockets of that
group in the process register with it, and each message read from the channel
is handed to each of them in order (``consumer.deliver(message, frames)``,
which never waits: see ``core.live.consumers``).  ``frames`` is shared by the
sockets for that one message, so that what they receive is serialised and
framed once per language, not once per socket.

If reading from the channel layer fails (Redis gone), the group's sockets are
closed: their clients reconnect with back-off, and each new connection joins
afresh, so they resynchronise from a snapshot as soon as the layer is back.

A group may have a heartbeat: every ``RADA_LIVE_HEARTBEAT_SECONDS`` the hub asks
it once (``beat()``, for a meeting one read of its last message's number) and
hands the answer to each of the group's sockets like any message.  So the cost
is one small query per group and process, whatever the number of viewers, and
a client that missed a message -- lost between the database and the channel
layer, or in the layer -- learns it within one beat and asks for a snapshot.

The hub also times each hand-out of a group's message (the writes to every
socket of the group in this process: it grows with the audience, and with the
machine's load) and leaves the figure in the cache (:func:`cost_key`), where
the coalescer of whichever process sends the group's next messages reads it
as the length of its window (``core.live.coalescer``).  It is written when it
moved by more than a quarter, or every ``COST_TTL / 3`` seconds, not after
every message.  Where sockets are served through ASGI (Daphne) the hand-out
only queues the message for each socket's writer, so the figure is low and
the window short: that is the development server, with a handful of readers.
"""

import asyncio
import contextlib
import logging
import time
import uuid
import weakref

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

# The client reconnects.  A private code: Daphne (autobahn) refuses to send any
# below 3000 but 1000, and a refused close leaves the socket open and silent.
CLOSE_LAYER_LOST = 4503

COST_TTL = 60  # seconds a hand-out's duration is kept: a group nobody watches has none


def cost_key(group):
    """The cache key of how long the group's last hand-out took, in seconds."""
    return f"rada-live-cost:{group}"


class Hub:
    """The groups of one event loop (a server process has one)."""

    def __init__(self, layer):
        self.layer = layer
        self.members = {}  # group -> {consumer: None}, in order of joining
        self.readers = {}  # group -> (channel, task)
        self.beats = {}  # group -> heartbeat task
        self.reported = {}  # group -> (hand-out seconds, when) last left in the cache
        self.lock = asyncio.Lock()

    async def join(self, group, consumer, beat=None):
        """``beat``: an async function giving the group's heartbeat message, or None."""
        async with self.lock:
            if group not in self.readers:
                # A plain name, not a process-specific one ("…!…"): the hub
                # reads it with its own blocking pop, apart from the layer's
                # shared reader of per-connection channels.
                channel = f"rada-fanout.{uuid.uuid4().hex}"
                await self.layer.group_add(group, channel)
                task = asyncio.get_running_loop().create_task(self._read(group, channel))
                self.readers[group] = (channel, task)
            if beat is not None and group not in self.beats and settings.RADA_LIVE_HEARTBEAT_SECONDS > 0:
                self.beats[group] = asyncio.get_running_loop().create_task(self._beat(group, beat))
            self.members.setdefault(group, {})[consumer] = None

    async def leave(self, group, consumer):
        async with self.lock:
            members = self.members.get(group, {})
            members.pop(consumer, None)
            if members or group not in self.readers:
                return
            del self.members[group]
            self.reported.pop(group, None)
            channel, task = self.readers.pop(group)
            task.cancel()
            self._stop_beat(group)
        with contextlib.suppress(Exception):  # Redis down: the membership expires by itself
            await self.layer.group_discard(group, channel)

    def size(self, group):
        return len(self.members.get(group, ()))

    def _stop_beat(self, group):
        beat = self.beats.pop(group, None)
        if beat is not None:
            beat.cancel()

    def _hand_out(self, group, message):
        started = time.perf_counter()
        frames = {}  # what the message became, per kind of reader: built once, written to each
        members = list(self.members.get(group, ()))
        for consumer in members:
            try:
                consumer.deliver(message, frames)  # never waits for a slow reader
            except Exception:  # noqa: BLE001 - one broken socket must not silence the others
                logger.warning("Live message not delivered to one socket of %s", group, exc_info=True)
        if members:
            self._report(group, time.perf_counter() - started)

    def _report(self, group, cost):
        """Leaves the hand-out's duration in the cache if it moved by more than
        a quarter since this hub last did, or that was a while ago."""
        now = time.monotonic()
        last = self.reported.get(group)
        if last is not None and abs(cost - last[0]) <= last[0] / 4 and now - last[1] < COST_TTL / 3:
            return
        self.reported[group] = (cost, now)
        asyncio.get_running_loop().create_task(self._store(group, cost))

    @staticmethod
    async def _store(group, cost):
        try:
            await sync_to_async(cache.set, thread_sensitive=False)(cost_key(group), cost, COST_TTL)
        except Exception:  # noqa: BLE001 - the coalescer then takes its longest window
            logger.warning("Hand-out cost of %s not stored", group, exc_info=True)

    async def _beat(self, group, beat):
        while True:
            await asyncio.sleep(settings.RADA_LIVE_HEARTBEAT_SECONDS)
            try:
                message = await beat()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the database may be back at the next beat
                logger.warning("No heartbeat for %s", group, exc_info=True)
                continue
            if message is not None:
                self._hand_out(group, message)

    async def _read(self, group, channel):
        try:
            while True:
                message = await self.layer.receive(channel)
                self._hand_out(group, message)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - the layer is gone; the clients will reconnect
            logger.warning("Lost the channel layer for %s; closing its sockets", group, exc_info=True)
            async with self.lock:
                members = self.members.pop(group, {})
                if self.readers.get(group, (None,))[0] == channel:
                    del self.readers[group]
                    self._stop_beat(group)
            for consumer in members:
                with contextlib.suppress(Exception):
                    await consumer.close(code=CLOSE_LAYER_LOST)


_hubs = weakref.WeakKeyDictionary()  # event loop -> Hub


def hub():
    loop = asyncio.get_running_loop()
    if loop not in _hubs:
        _hubs[loop] = Hub(get_channel_layer())
    return _hubs[loop]
