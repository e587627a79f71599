"""Websocket routes of every app, gathered in one list for ``asgi.py``, and
what answers a socket to any other path: a refused handshake (403), where
Channels' router would fail with an error (a 500)."""

from channels.generic.websocket import AsyncWebsocketConsumer
from django.urls import re_path

from consultations.routing import websocket_urlpatterns as consultation_routes
from council.routing import websocket_urlpatterns as council_routes


class Refused(AsyncWebsocketConsumer):
    async def connect(self):
        await self.close()


websocket_urlpatterns = [*council_routes, *consultation_routes, re_path(r"", Refused.as_asgi())]
