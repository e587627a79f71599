"""The Redis cache's quick paths (core/cache.py): one client reused, and the
page cache's generation read on a connection each thread keeps, which must
see another process's change on the very next read and fail open."""

import threading
import uuid

import pytest
from django.conf import settings

from core.cache import ResilientRedisCache

OPTIONS = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}

needs_redis = pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL")


def redis_cache():
    return ResilientRedisCache(settings.REDIS_URL, {"KEY_PREFIX": "rada-test", "OPTIONS": OPTIONS})


@pytest.fixture
def key():
    return f"kept-read-{uuid.uuid4().hex}"


@needs_redis
def test_the_client_is_made_once_and_reused():
    cache = redis_cache()
    assert cache._cache.get_client("a") is cache._cache.get_client("b")


@needs_redis
def test_a_kept_connection_reads_what_the_cache_wrote(key):
    cache = redis_cache()
    assert cache.get_on_kept_connection(key) is None
    cache.set(key, 41)
    cache.incr(key)
    assert cache.get_on_kept_connection(key) == 42
    cache.set(key, {"a": "pickled"})
    assert cache.get_on_kept_connection(key) == {"a": "pickled"}


@needs_redis
def test_a_change_made_by_another_process_is_read_at_once(key):
    mine, theirs = redis_cache(), redis_cache()  # two processes' caches
    mine.set(key, 1)
    assert mine.get_on_kept_connection(key) == 1
    theirs.incr(key)
    assert mine.get_on_kept_connection(key) == 2


@needs_redis
def test_each_thread_reads_on_a_connection_of_its_own(key):
    cache = redis_cache()
    cache.set(key, 7)
    cache.get_on_kept_connection(key)
    connections = [cache._kept.connection]

    def read():
        assert cache.get_on_kept_connection(key) == 7
        connections.append(cache._kept.connection)

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    assert len(connections) == 2
    assert connections[0] is not connections[1]


def test_an_unreachable_redis_reads_as_missing():
    dead = ResilientRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": OPTIONS})
    assert dead.get_on_kept_connection("anything") is None
    assert dead._kept.connection is None  # made again on the next read
