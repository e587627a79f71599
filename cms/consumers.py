"""What every websocket of the site shares: it is read-only.

A socket never performs an action: ballots, comments and chair actions are
HTTP POSTs with CSRF and permission checks.  A client may only ask for a
fresh snapshot (``{"type": "resync"}``); its messages must be small and few,
or the socket is closed.

A socket follows its group through the process's hub (``cms.fanout``), not
as a member of the group in the channel layer."""

import json
import time

from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from . import fanout

MAX_CLIENT_MESSAGE = 256  # bytes: {"type": "resync"} is 18
MAX_CLIENT_MESSAGES = 10  # per window
CLIENT_WINDOW = 10  # seconds
CLOSE_NOT_FOUND = 4404
CLOSE_TOO_BIG = 1009
CLOSE_TOO_MANY = 4429

LANGUAGES = {code for code, _name in settings.LANGUAGES}


def language_of(scope):
    from urllib.parse import parse_qs

    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    language = (query.get("lang") or [settings.LANGUAGE_CODE])[0]
    return language if language in LANGUAGES else settings.LANGUAGE_CODE


class ReadOnlyConsumer(AsyncWebsocketConsumer):
    """Accepts only ``{"type": "resync"}``, small and not too often."""

    group = None

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
        await self.send_snapshot()

    async def join(self, group):
        """Receive the group's messages from now on (before the snapshot, so none is missed)."""
        await fanout.hub().join(group, self)
        self.group = group

    async def send_snapshot(self):
        raise NotImplementedError

    async def send_json(self, content):
        await self.send(text_data=json.dumps(content, ensure_ascii=False, separators=(",", ":")))

    async def disconnect(self, code):
        if self.group:
            await fanout.hub().leave(self.group, self)
