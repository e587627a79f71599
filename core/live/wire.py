"""Websocket frames written straight to a connection, encoded once for all.

A live message goes to thousands of sockets of one process, and most of them
receive the very same bytes (one text per language).  Through ASGI each socket
would cost a ``websocket.send`` event, the server's framing of the text and,
for the ``websockets`` library's protocol, an awaited drain.  Here the hub
encodes the frame once per text (:func:`text_frame`) and writes it to each
connection's transport (:class:`Link`), as the ``websockets`` library's own
``broadcast()`` does.

This works with the servers whose protocol object is known, found behind the
ASGI ``send`` callable: uvicorn's two ``websockets`` implementations
(``--ws websockets-sansio`` and ``--ws websockets``).  Under any other server
(Daphne for ``make run`` and the browser tests, uvicorn's ``wsproto``)
:func:`link` returns None and the socket is served through ASGI, as before.

A frame written here is a whole frame, unmasked (a server's) and uncompressed
(legal with or without permessage-deflate), written in one ``transport.write``
call, so it never interleaves with the frames the server writes itself
(pings, pongs, the close frame, the snapshot sent through ASGI)."""

import struct

try:
    from websockets.protocol import State
except ImportError:  # a server without the websockets library: no LegacyLink is ever made
    State = None


def text_frame(text):
    """The bytes of one unfragmented text frame from a server carrying ``text``."""
    payload = text.encode()
    size = len(payload)
    if size < 126:
        header = struct.pack("!BB", 0x81, size)
    elif size < 1 << 16:
        header = struct.pack("!BBH", 0x81, 126, size)
    else:
        header = struct.pack("!BBQ", 0x81, 127, size)
    return header + payload


class Link:
    """A connection's transport, and how to tell that frames may still go out on it."""

    __slots__ = ("protocol", "transport")

    def __init__(self, protocol):
        self.protocol = protocol
        self.transport = protocol.transport

    def write(self, frame):
        """Writes the frame, or returns False when the connection is closing."""
        if self.transport.is_closing() or not self.is_open():
            return False
        self.transport.write(frame)
        return True

    def backlog(self):
        """Bytes written but not yet taken by the network (a stalled reader's grow)."""
        return self.transport.get_write_buffer_size()

    def abort(self):
        self.transport.abort()

    def is_open(self):
        raise NotImplementedError


class SansIOLink(Link):
    """uvicorn's ``websockets-sansio`` protocol: open once accepted, until a close was sent or the peer left."""

    __slots__ = ()

    def is_open(self):
        protocol = self.protocol
        return (
            protocol.handshake_complete
            and not protocol.close_sent
            and not protocol.disconnected
            and protocol.initial_response is None
        )


class LegacyLink(Link):
    """uvicorn's ``websockets`` protocol (the library's legacy asyncio one): open in state OPEN."""

    __slots__ = ()

    def is_open(self):
        return self.protocol.state is State.OPEN


_KINDS = {
    ("uvicorn.protocols.websockets.websockets_sansio_impl", "WebSocketsSansIOProtocol"): SansIOLink,
    ("uvicorn.protocols.websockets.websockets_impl", "WebSocketProtocol"): LegacyLink,
}


def link(send):
    """The :class:`Link` of the connection behind an ASGI ``send`` callable, or
    None when its server is not one whose protocol is known here."""
    protocol = getattr(send, "__self__", None)
    if protocol is None or getattr(protocol, "transport", None) is None:
        return None
    for klass in type(protocol).__mro__:
        kind = _KINDS.get((klass.__module__, klass.__qualname__))
        if kind is not None:
            return kind(protocol)
    return None
