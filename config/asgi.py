"""ASGI entry point: HTTP through Django, websockets through Channels.

In production the reverse proxy sends only ``/ws/`` here and HTTP to the WSGI
workers (see README); under ``make run`` Daphne serves both.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from config.connections import ConnectionLimit  # noqa: E402
from config.routing import websocket_urlpatterns  # noqa: E402


def websocket_application():
    """Websockets only from the site's own origins (``ALLOWED_HOSTS``).

    The sockets carry public state and never act, so they need no user: no
    session lookup is made per connection (thousands connect at once when a
    meeting starts, or reconnect after an outage).  Each client address may
    hold a limited number open at once (``config/connections.py``)."""
    return ConnectionLimit(AllowedHostsOriginValidator(URLRouter(websocket_urlpatterns)))


application = ProtocolTypeRouter({"http": django_asgi_app, "websocket": websocket_application()})
