"""``/ws/meetings/<id>/``: the public state of a council meeting, live."""

import asyncio

from channels.db import database_sync_to_async
from django.db import OperationalError

from core.live.consumers import CLOSE_NOT_FOUND, ReadOnlyConsumer, language_of

from . import live
from .models import Meeting

SNAPSHOT_ATTEMPTS = 4


class MeetingConsumer(ReadOnlyConsumer):
    """``/ws/meetings/<id>/?lang=pl``: a snapshot on connect, then each message."""

    async def connect(self):
        self.meeting_id = self.scope["url_route"]["kwargs"]["meeting_id"]
        self.language = self.variant = language_of(self.scope)
        if not await database_sync_to_async(_meeting_exists)(self.meeting_id):
            await self.accept()  # so that the client learns why, and stops reconnecting
            await self.close(code=CLOSE_NOT_FOUND)
            return
        meeting_id = self.meeting_id
        await self.join(live.meeting_group(meeting_id), beat=lambda: database_sync_to_async(live.heartbeat)(meeting_id))
        await self.accept()
        await self.snapshot()

    async def send_snapshot(self):
        message = await self._read_snapshot()
        if message is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        await self.send(text_data=live.frame(message, "snapshot", self.language))

    async def _read_snapshot(self):
        """A read that fails for a moment (a dropped database connection; on
        SQLite, the sequence row being written) is tried again shortly: a
        client asks for a snapshot precisely when something went wrong."""
        for attempt in range(SNAPSHOT_ATTEMPTS):
            try:
                return await database_sync_to_async(live.snapshot)(self.meeting_id, self.language)
            except OperationalError:
                if attempt == SNAPSHOT_ATTEMPTS - 1:
                    raise
                await asyncio.sleep(0.05 * 2**attempt)
        return None

    def render(self, message):
        """The fast way (see ``core.live.consumers``) for the messages below."""
        kind = message["type"]
        if kind == "meeting.state":
            return message["frames"][self.language]
        if kind == "meeting.heartbeat":
            return message["text"]
        return None

    async def meeting_state(self, event):
        """Each message arrives serialised once per language; the socket passes its reader's on."""
        await self.send(text_data=event["frames"][self.language])

    async def meeting_heartbeat(self, event):
        await self.send(text_data=event["text"])


def _meeting_exists(meeting_id):
    return Meeting.objects.filter(pk=meeting_id).exists()
