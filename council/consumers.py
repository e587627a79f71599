"""``/ws/meetings/<id>/``: the public state of a council meeting, live."""

from channels.db import database_sync_to_async

from core.live.consumers import CLOSE_NOT_FOUND, ReadOnlyConsumer, language_of

from . import live
from .models import Meeting


class MeetingConsumer(ReadOnlyConsumer):
    """``/ws/meetings/<id>/?lang=pl``: a snapshot on connect, then each message."""

    async def connect(self):
        self.meeting_id = self.scope["url_route"]["kwargs"]["meeting_id"]
        self.language = language_of(self.scope)
        if not await database_sync_to_async(_meeting_exists)(self.meeting_id):
            await self.accept()  # so that the client learns why, and stops reconnecting
            await self.close(code=CLOSE_NOT_FOUND)
            return
        await self.join(live.meeting_group(self.meeting_id))
        await self.accept()
        await self.snapshot()

    async def send_snapshot(self):
        message = await database_sync_to_async(live.snapshot)(self.meeting_id, self.language)
        if message is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        await self.send(text_data=live.frame(message, "snapshot", self.language))

    async def meeting_state(self, event):
        """Each message arrives serialised once per language; the socket passes its reader's on."""
        await self.send(text_data=event["frames"][self.language])


def _meeting_exists(meeting_id):
    return Meeting.objects.filter(pk=meeting_id).exists()
