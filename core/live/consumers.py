"""What every websocket of the site shares: it is read-only.

A socket never performs an action: ballots, comments and chair actions are
HTTP POSTs with CSRF and permission checks.  A client may only ask for a
fresh snapshot (``{"type": "resync"}``); its messages must be small and few,
or the socket is closed.

A socket follows its group through the process's hub (``core.live.fanout``), not
as a member of the group in the channel layer: it has no channel of its own, and
waits on nothing but its client.

How a group message reaches the socket: the consumer class says, without
awaiting anything, what text a socket receives for it (:meth:`ReadOnlyConsumer.render`);
the text is built and framed once per message and ``variant`` (the reader's
language), and the frame written straight to each connection
(``core.live.wire``).  A message type without ``render`` (or a server whose
connections cannot be written to directly) goes the general way: into the
socket's own outbox, drained by its own writer task, which awaits the type's
handler method.  Either way one socket's messages leave in the order they came."""

import asyncio
import json
import time
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer

from ..language import site_language
from . import fanout, wire

MAX_CLIENT_MESSAGE = 256  # bytes: {"type": "resync"} is 18
MAX_CLIENT_MESSAGES = 10  # per window
CLIENT_WINDOW = 10  # seconds
CLOSE_NOT_FOUND = 4404  # sent after accepting: a refused handshake reaches a browser only as 1006
CLOSE_TOO_BIG = 1009
CLOSE_TOO_MANY = 4429
CLOSE_TOO_SLOW = 4408  # the reader fell OUTBOX messages behind; it reconnects and resynchronises
OUTBOX = 64  # messages waiting for one slow reader
BACKLOG = 512 * 1024  # bytes written to a connection that its reader has not taken yet


def language_of(scope):
    """The reader's language, from the socket's ``?lang=``."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return site_language((query.get("lang") or [""])[0])


class ReadOnlyConsumer(AsyncWebsocketConsumer):
    """Accepts only ``{"type": "resync"}``, small and not too often.

    A viewer's socket lives for hours and there are thousands of them in a
    process, so it keeps little: no channel-layer channel, no task but its
    server's, and an outbox and writer only once a message needs them."""

    group = None
    holding = False
    held = None
    outbox = None
    writer = None
    pending = 0  # messages in the outbox or being sent by the writer
    recent = ()
    link = None
    closing = False
    variant = None  # sockets of a group with the same variant receive the same text

    async def __call__(self, scope, receive, send):
        """Channels' loop without the channel layer: a viewer's socket hears its
        group through the hub, so a channel of its own (and the task waiting on
        it) would only cost memory."""
        self.scope = scope
        self.channel_layer = None
        self.base_send = send
        try:
            while True:
                await self.dispatch(await receive())
        except StopConsumer:
            pass

    async def accept(self, subprotocol=None, headers=None):
        await super().accept(subprotocol=subprotocol, headers=headers)
        self.link = wire.link(self.base_send)

    async def receive(self, text_data=None, bytes_data=None):
        size = len(text_data.encode()) if text_data is not None else len(bytes_data or b"")
        if size > MAX_CLIENT_MESSAGE:
            await self.close(code=CLOSE_TOO_BIG)
            return
        now = time.monotonic()
        self.recent = [t for t in self.recent if now - t < CLIENT_WINDOW] + [now]
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
        await fanout.hub().join(group, self, beat=beat)
        self.group = group

    async def snapshot(self):
        """Sends a snapshot; messages arriving meanwhile follow it, in order.

        The hub delivers as soon as a message arrives, while this socket may be
        waiting for its snapshot to be built.  Sent before it (or before the
        socket is accepted), a message would be lost or overtaken by an older
        snapshot, and the reader would see a gap or a stale state."""
        self.holding = True
        if self.held is None:
            self.held = []
        try:
            await self.send_snapshot()
        finally:
            self.holding = False
            held, self.held = self.held, None
            for message in held:
                self.deliver(message)

    def render(self, message):
        """The text this socket receives for a group message, or None to have
        the message's handler method send it.  It must depend on nothing but
        the message and ``variant``: it is called once per message and variant,
        and its frame written to every socket of that variant."""
        return None

    def deliver(self, message, frames=None):
        """A group message from the hub.  ``frames``: what this message has
        already been rendered and framed to, per variant, shared by the hub
        among the group's sockets.

        Never waits: a reader on a stalled connection (a phone in a tunnel)
        holds up nobody but itself, and one that falls too far behind
        (``OUTBOX`` messages, or ``BACKLOG`` bytes) is closed; its client
        reconnects and starts again from a snapshot."""
        if self.holding:
            self.held.append(message)
            return
        if frames is None:
            frames = {}
        key = (type(self), self.variant)
        built = frames.get(key)
        if built is None:
            text = self.render(message)
            built = frames[key] = (text, None if text is None else wire.text_frame(text))
        text, frame = built
        if text is not None and self.link is not None and not self.pending:
            if self.link.write(frame) and self.link.backlog() > BACKLOG:
                self._too_slow()
            return
        self._enqueue((text, message))

    def _enqueue(self, entry):
        if self.outbox is None:
            self.outbox = asyncio.Queue(OUTBOX)
        try:
            self.outbox.put_nowait(entry)
        except asyncio.QueueFull:
            self._too_slow()
            return
        self.pending += 1
        if self.writer is None:
            self.writer = asyncio.get_running_loop().create_task(self._write())

    def _too_slow(self):
        if self.closing:
            return
        self.holding, self.held, self.closing = True, [], True  # take nothing more
        asyncio.get_running_loop().create_task(self._close_too_slow())

    async def _close_too_slow(self):
        if self.link is not None:
            # Its buffer is full: a close frame behind it would wait as long as the data.
            self.link.abort()
            return
        await self.close(code=CLOSE_TOO_SLOW)

    async def _write(self):
        while True:
            text, message = await self.outbox.get()
            try:
                if text is not None:
                    await self.send(text_data=text)
                else:
                    # The handlers do no database work, so channels' ``dispatch``
                    # (which closes stale database connections in a worker thread
                    # before every handler, costlier than the delivery itself) is
                    # not needed.
                    await getattr(self, get_handler_name(message))(message)
            finally:
                self.pending -= 1

    async def send_snapshot(self):
        raise NotImplementedError

    async def send_json(self, content):
        await self.send(text_data=json.dumps(content, ensure_ascii=False, separators=(",", ":")))

    async def disconnect(self, code):
        if self.writer is not None:
            self.writer.cancel()
        if self.group:
            await fanout.hub().leave(self.group, self)
