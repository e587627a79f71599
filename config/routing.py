"""Websocket routes of every app, gathered in one list for ``asgi.py``."""

from consultations.routing import websocket_urlpatterns as consultation_routes
from council.routing import websocket_urlpatterns as council_routes

websocket_urlpatterns = [*council_routes, *consultation_routes]
