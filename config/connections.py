"""At most ``RADA_RATELIMIT_WEBSOCKETS_PER_ADDRESS`` open websockets per client
address in one ASGI process.

Each socket costs memory (its outbox, its buffers) for as long as it is open,
so one address opening thousands would cost the process tens of megabytes;
a household or an office behind one address needs a few.  Above the limit the
handshake is refused (403) and the client's reconnection back-off slows it.
The count is per process, kept in memory: it needs no cache, so it holds when
Redis is down, and each process protects its own memory."""

import collections
import ipaddress

from django.conf import settings


def scope_address(scope):
    """The client's address, read as ``core.ratelimit.client_address`` reads a
    request's: behind ``TRUSTED_PROXY_COUNT`` proxies, the X-Forwarded-For entry
    the outermost one wrote, otherwise the peer."""
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        headers = dict(scope.get("headers") or [])
        forwarded = headers.get(b"x-forwarded-for", b"").decode("latin-1")
        entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
        if len(entries) >= count:
            try:
                return str(ipaddress.ip_address(entries[-count]))
            except ValueError:
                pass
    client = scope.get("client") or ("", 0)
    return client[0] or ""


class ConnectionLimit:
    """ASGI middleware for websockets: refuses a connection from an address that
    already has the allowed number open in this process."""

    def __init__(self, app):
        self.app = app
        self.open = collections.Counter()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "websocket":
            return await self.app(scope, receive, send)
        address = scope_address(scope)
        if self.open[address] >= settings.RADA_RATELIMIT_WEBSOCKETS_PER_ADDRESS:
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008})
            return None
        self.open[address] += 1
        try:
            return await self.app(scope, receive, send)
        finally:
            self.open[address] -= 1
            if self.open[address] <= 0:
                del self.open[address]
