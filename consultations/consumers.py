"""``/ws/consultations/<page id>/``: how many comments a consultation has, live."""

import json

from channels.db import database_sync_to_async

from core.live.consumers import CLOSE_NOT_FOUND, ReadOnlyConsumer

from . import live
from .models import ConsultationPage


class ConsultationConsumer(ReadOnlyConsumer):
    """``/ws/consultations/<page id>/``: how many published comments there are."""

    async def connect(self):
        key = await database_sync_to_async(_consultation_key)(self.scope["url_route"]["kwargs"]["page_id"])
        if key is None:
            await self.accept()  # so that the client learns why, and stops reconnecting
            await self.close(code=CLOSE_NOT_FOUND)
            return
        self.key = key
        await self.join(live.consultation_group(key))
        await self.accept()
        await self.snapshot()

    async def send_snapshot(self):
        count = await database_sync_to_async(live.comment_count)(self.key)
        await self.send_json({"type": "comments", "count": count})

    def render(self, message):
        """The fast way (see ``core.live.consumers``): every reader gets the same text."""
        if message["type"] == "consultation.comments":
            return json.dumps({"type": "comments", "count": message["count"]}, separators=(",", ":"))
        return None

    async def consultation_comments(self, event):
        await self.send_json({"type": "comments", "count": event["count"]})


def _consultation_key(page_id):
    page = ConsultationPage.objects.live().public().filter(pk=page_id).first()
    return str(page.translation_key) if page else None
