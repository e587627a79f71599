"""``/health/``: what the proxy and a monitor ask of each worker (config/health.py)."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from config.settings.base import cache_and_channels, tasks_settings

# A Redis address where nothing listens: the service is down, for real.
pytestmark = pytest.mark.django_db

NOWHERE = "redis://127.0.0.1:1/0"


@pytest.fixture
def down():
    caches, layers = cache_and_channels(NOWHERE)
    return caches, layers


def test_a_healthy_worker_answers_200_with_every_check_ok(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "channel_layer": "ok", "tasks": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_a_cache_that_does_not_answer_makes_the_worker_unavailable(client, down):
    caches, _ = down
    with override_settings(CACHES=caches):
        response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["cache"] != "ok"
    assert body["database"] == "ok"


def test_a_channel_layer_that_does_not_answer_makes_the_worker_unavailable(client, down):
    from channels.layers import channel_layers

    _, layers = down
    with override_settings(CHANNEL_LAYERS=layers):
        channel_layers.backends.clear()
        try:
            response = client.get("/health/")
        finally:
            channel_layers.backends.clear()
    assert response.status_code == 503
    body = response.json()
    assert "the channel layer did not answer" in body["channel_layer"]
    assert "127.0.0.1" not in body["channel_layer"]


@pytest.mark.django_db(transaction=True)
def test_tasks_waiting_too_long_make_the_worker_degraded_but_still_serving(client):
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS=tasks_settings("database"), RADA_HEALTH_TASKS_LATE_SECONDS=300):
        assert client.get("/health/").json()["tasks"] == "ok"
        DBTaskResult.objects.create(
            task_path="config.health.nothing",
            args_kwargs={"args": [], "kwargs": {}},
            backend_name="default",
            queue_name="default",
            run_after=timezone.now() - datetime.timedelta(minutes=10),
        )
        DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=6))
        response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert "db_worker" in body["tasks"]


def test_a_monitor_can_ask_for_plain_text(client):
    response = client.get("/health/", {"format": "text"})
    assert response.status_code == 200
    assert "ChannelLayer" in response.content.decode()


def test_probes_arriving_together_at_a_threaded_worker_all_find_the_channel_layer(redis_url):
    """gunicorn serves /health/ from several threads, each running the async check
    in an event loop of its own; the proxy's probe and a monitor's often arrive
    together.  Every one of them must find the layer, not only the first."""
    import concurrent.futures
    import threading

    from asgiref.sync import async_to_sync
    from channels.layers import channel_layers

    from config.health import ChannelLayer

    threads = 8
    together = threading.Barrier(threads)

    def probe(_):
        together.wait(timeout=10)
        return async_to_sync(ChannelLayer().get_result)().error

    channel_layers.backends.clear()  # one layer for the threads, made now, as in a worker
    try:
        with concurrent.futures.ThreadPoolExecutor(threads) as pool:
            errors = [error for _round in range(5) for error in pool.map(probe, range(threads))]
    finally:
        channel_layers.backends.clear()
    assert [str(error) for error in errors if error is not None] == []


def test_the_task_queue_check_closes_the_connection_it_opened():
    """The check runs in a thread of the probe's event loop, a new one for each
    request under gunicorn; a connection it left open stayed idle until the garbage
    collector found it (twenty-odd on one worker after forty probes)."""
    import threading

    from django.db import connection

    from config.health import PendingTasks

    if connection.vendor == "sqlite":
        pytest.skip("Django never closes the tests' in-memory SQLite database, by design")
    left_open = []

    def probe():
        try:
            PendingTasks().run()
            left_open.append(connection.connection is not None)
        finally:
            connection.close()

    with override_settings(TASKS=tasks_settings("database")):
        thread = threading.Thread(target=probe)
        thread.start()
        thread.join(timeout=10)
    assert left_open == [False]
