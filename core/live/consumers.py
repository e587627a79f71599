"""What every websocket of the site shares: it is read-only.

A socket never performs an action: ballots, comments and chair actions are
HTTP POSTs with CSRF and permission checks.  A client may only ask for a
fresh snapshot (``{"type": "resync"}``); its messages must be small and few,
or the socket is closed.

A socket follows its group through the process's hub (``core.live.fanout``), not
as a member of the group in the channel layer."""

import asyncio
import json
import time
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer

from ..language import site_language
from . import fanout

MAX_CLIENT_MESSAGE = 256  # bytes: {"type": "resync"} is 18
MAX_CLIENT_MESSAGES = 10  # per window
CLIENT_WINDOW = 10  # seconds
CLOSE_NOT_FOUND = 4404  # sent after accepting: a refused handshake reaches a browser only as 1006
CLOSE_TOO_BIG = 1009
CLOSE_TOO_MANY = 4429
CLOSE_TOO_SLOW = 4408  # the reader fell OUTBOX messages behind; it reconnects and resynchronises
OUTBOX = 64  # messages waiting for one slow reader


def language_of(scope):
    """The reader's language, from the socket's ``?lang=``."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return site_language((query.get("lang") or [""])[0])


class ReadOnlyConsumer(AsyncWebsocketConsumer):
    """Accepts only ``{"type": "resync"}``, small and not too often."""

    group = None
    holding = False
    writer = None

    async def receive(self, text_data=None, bytes_data=None):
        size = len(text_data.encode()) if text_data is not None else len(bytes_data or b"")
        if size > MAX_CLIENT_MESSAGE:
            await self.close(code=CLOSE_TOO_BIG)
            return
        now = time.monotonic()
        self.recent = [t for t in getattr(self, "recent", []) if now - t < CLIENT_WINDOW] + [now]
        if len(self.recent) > MAX_CLIENT_MESSAGES:
            await self.close(code=CLOSE_TOO_MANY)
            return
        try:
            message = json.loads(text_data) if text_data is not None else None
        except ValueError:
            message = None
        if not isinstance(message, dict) or message.get("type") != "resync":
            await self.send_json({"type": "error", "error": 'Only {"type": "resync"} is accepted here.'})
            return
        await self.snapshot()

    async def join(self, group, beat=None):
        """Receive the group's messages from now on (before the snapshot, so
        none is missed); they are held until the snapshot has been sent.
        ``beat``: the group's heartbeat (see ``core.live.fanout``)."""
        self.holding, self.held = True, []
        self.outbox = asyncio.Queue(OUTBOX)
        await fanout.hub().join(group, self, beat=beat)
        self.group = group

    async def snapshot(self):
        """Sends a snapshot; messages arriving meanwhile follow it, in order.

        The hub delivers as soon as a message arrives, while this socket may be
        waiting for its snapshot to be built.  Sent before it (or before the
        socket is accepted), a message would be lost or overtaken by an older
        snapshot, and the reader would see a gap or a stale state."""
        self.holding = True
        try:
            await self.send_snapshot()
        finally:
            self.holding = False
            held, self.held = self.held, []
            for message in held:
                self.deliver(message)
            if self.writer is None and self.group is not None:
                self.writer = asyncio.get_running_loop().create_task(self._write())

    def deliver(self, message):
        """A group message from the hub: queued for this socket's own writer,
        so that a reader on a stalled connection (a phone in a tunnel) holds up
        nobody but itself.  One that falls ``OUTBOX`` messages behind is closed;
        its client reconnects and starts again from a snapshot."""
        if self.holding:
            self.held.append(message)
            return
        try:
            self.outbox.put_nowait(message)
        except asyncio.QueueFull:
            self.holding = True  # take nothing more
            asyncio.get_running_loop().create_task(self.close(code=CLOSE_TOO_SLOW))

    async def _write(self):
        while True:
            message = await self.outbox.get()
            # The handlers do no database work, so channels' ``dispatch`` (which
            # closes stale database connections in a worker thread before every
            # handler, costlier than the delivery itself) is not needed.
            await getattr(self, get_handler_name(message))(message)

    async def send_snapshot(self):
        raise NotImplementedError

    async def send_json(self, content):
        await self.send(text_data=json.dumps(content, ensure_ascii=False, separators=(",", ":")))

    async def disconnect(self, code):
        if self.writer is not None:
            self.writer.cancel()
        if self.group:
            await fanout.hub().leave(self.group, self)
