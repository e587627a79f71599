"""The health check that the proxy and a monitor ask: is this worker able to serve?

Built on django-health-check: its database and cache checks, and two of Rada's own,
the channel layer (live updates reach other workers through it) and the task queue
(e-mail and search indexing wait there for ``db_worker``).  The answer is JSON, short
enough for a load balancer's probe: 200 with ``"status": "ok"`` when every check
passes; 503 with ``"unavailable"`` when a service this worker needs fails (the
proxy then stops sending it requests); 200 with ``"degraded"`` when only the task
queue lags -- a monitor should alert, but the worker still serves pages.  A failing
check's text never holds a secret (no URL, no password).
"""

import asyncio
import dataclasses
import datetime
import uuid

from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connections, router
from django.http import JsonResponse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from health_check import checks
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable, ServiceWarning
from health_check.views import HealthCheckView


@dataclasses.dataclass
class ChannelLayer(HealthCheck):
    """A message sent on the channel layer comes back: Redis (or the in-memory
    layer of a single process) carries live updates.

    The message goes to a channel of its own, not to one of this process's
    (``new_channel()``): a process's channels are read through one lock bound to
    one event loop, and gunicorn answers probes from several threads, each with a
    loop of its own, so a second probe arriving during the first failed with
    "two event loops", and a healthy worker was reported unavailable."""

    timeout = datetime.timedelta(seconds=3)

    async def run(self):
        layer = get_channel_layer()
        if layer is None:
            raise ServiceUnavailable("no channel layer is configured")
        token = uuid.uuid4().hex
        channel = f"health.{token}"
        try:
            await layer.send(channel, {"type": "health.ping", "token": token})
            message = await asyncio.wait_for(layer.receive(channel), self.timeout.total_seconds())
        except Exception as error:  # noqa: BLE001 - any failure of the layer makes it unavailable
            raise ServiceUnavailable(f"the channel layer did not answer ({type(error).__name__})") from error
        if message.get("token") != token:
            raise ServiceUnavailable("the channel layer gave back another message")


@dataclasses.dataclass
class PendingTasks(HealthCheck):
    """Queued tasks are being taken: none ready to run has waited longer than
    ``RADA_HEALTH_TASKS_LATE_SECONDS`` (default five minutes).  When tasks run at
    once in the web process (development, tests) there is no queue to watch."""

    def run(self):
        if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
            return
        late = timezone.now() - datetime.timedelta(seconds=settings.RADA_HEALTH_TASKS_LATE_SECONDS)
        # A synchronous check runs in a thread of the probe's event loop, and under
        # gunicorn every request has a loop of its own: a connection left open here
        # would stay idle until the garbage collector found it (twenty-odd after forty
        # probes).  It is closed at once, as the database check closes its own.
        with connections[router.db_for_read(DBTaskResult)].temporary_connection():
            waiting = DBTaskResult.objects.ready().filter(enqueued_at__lt=late).count()
        if waiting:
            limit = settings.RADA_HEALTH_TASKS_LATE_SECONDS
            raise ServiceWarning(f"{waiting} task(s) waiting for more than {limit} s: is db_worker running?")


CHECKS = {
    "database": checks.Database,
    "cache": checks.Cache,
    "channel_layer": ChannelLayer,
    "tasks": PendingTasks,
}


class Health(HealthCheckView):
    """``/health/``: JSON for probes; ``?format=text`` and the other formats of
    django-health-check stay available to a monitor."""

    checks = tuple(CHECKS.values())

    async def get(self, request, *args, **kwargs):
        if request.GET.get("format"):
            return await super().get(request, *args, **kwargs)
        results = await asyncio.gather(*(check.get_result() for check in self.get_checks()))
        report = {
            name: "ok" if result.error is None else str(result.error)
            for name, result in zip(CHECKS, results, strict=True)
        }
        errors = [result.error for result in results if result.error is not None]
        if any(not isinstance(error, ServiceWarning) for error in errors):
            status, code = "unavailable", 503
        else:
            status, code = ("degraded" if errors else "ok"), 200
        return JsonResponse({"status": status, **report}, status=code)


health = Health.as_view()
