"""Django's Redis cache, made to degrade instead of fail; versioned fragments.

The cache is an optimisation and a place for rate-limit counters: when Redis is
unreachable, pages must still load and ballots still be recorded in
PostgreSQL.  So a Redis error counts as a miss (reads give the default, writes
do nothing) and is logged, at most once a minute per process."""

import collections
import functools
import hashlib
import logging
import os
import secrets
import threading
import time

from django.core.cache import cache as django_cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import transaction
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_last_warning = [0.0]


def _warn(error):
    now = time.monotonic()
    if now - _last_warning[0] > 60:
        _last_warning[0] = now
        logger.warning("Redis cache unavailable, working without it: %s", error)


def _degrade(fallback):
    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                _warn(error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorator


def _default(key, default=None, *args, **kwargs):
    return default


class _ReusedClients(RedisCacheClient):
    """Django's client builds a new ``redis.Redis`` for every operation, and
    building one (its table of response callbacks) cost more than the round
    trip itself: one per connection pool is kept, as redis-py clients are safe
    to share between threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._pools.get(index)
            if pool is None:
                pool = self._pool_class.from_url(self._servers[index], **self._pool_options)
                pool = self._pools.setdefault(index, pool)
            client = self._clients.setdefault(index, self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClients
        self._kept = threading.local()
        self._packed_gets = {}

    def get_on_kept_connection(self, key):
        """``get(key)`` in one round trip on a connection this thread keeps to itself.

        The page cache reads its generation on every request it answers, and the
        client's usual path (a connection taken from the pool and given back, the
        retry and event machinery, the command packed again) cost about as much
        as the round trip itself.  None when the key is missing or Redis cannot
        be reached (the connection is then dropped and made again next time)."""
        kept = self._kept
        connection = getattr(kept, "connection", None)
        try:
            if connection is None or kept.pid != os.getpid():
                kept.pid, kept.pool = os.getpid(), self._cache._get_connection_pool(write=False)
                connection = kept.connection = kept.pool.get_connection()
            packed = self._packed_gets.get(key)
            if packed is None:
                packed = self._packed_gets[key] = connection.pack_command("GET", self.make_and_validate_key(key))
            connection.send_packed_command(packed, check_health=False)
            value = connection.read_response()
        except RedisError as error:
            _warn(error)
            if connection is not None:
                connection.disconnect()
                kept.pool.release(connection)
            kept.connection = None
            return None
        return None if value is None else self._cache._serializer.loads(value)

    get = _degrade(_default)(RedisCache.get)
    get_many = _degrade(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _degrade(lambda *args, **kwargs: False)(RedisCache.has_key)
    # "Added": locks built on add() (allauth's rate limits) then go ahead, failing open.
    add = _degrade(lambda *args, **kwargs: True)(RedisCache.add)
    set = _degrade(lambda *args, **kwargs: None)(RedisCache.set)
    set_many = _degrade(lambda *args, **kwargs: [])(RedisCache.set_many)
    touch = _degrade(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = _degrade(lambda *args, **kwargs: False)(RedisCache.delete)
    delete_many = _degrade(lambda *args, **kwargs: None)(RedisCache.delete_many)
    clear = _degrade(lambda *args, **kwargs: None)(RedisCache.clear)
    # A counter that cannot be counted starts again: rate limits fail open.
    incr = _degrade(lambda *args, **kwargs: 1)(RedisCache.incr)


# --- Fragments: parts of pages rendered once and reused until what they show changes.
#
# A fragment's key holds the versions of the things it shows ("scopes", such as
# one consultation's comments).  Whatever changes a scope calls bump(scope): the
# next reader computes a new key, misses, and renders afresh; the old fragment
# is never read again and expires.  A version is a random token, not a
# counter, so a version lost from the cache (evicted, Redis restarted) comes
# back as a value no fragment was ever stored under: a miss, never a stale hit.

FRAGMENT_TIMEOUT = 24 * 60 * 60
_VERSION = "rada:version:"


def versions(*scopes):
    """The current version of each scope, in one round trip (two on first use)."""
    found = django_cache.get_many([_VERSION + scope for scope in scopes])
    missing = {_VERSION + scope: secrets.token_hex(8) for scope in scopes if _VERSION + scope not in found}
    for key, token in missing.items():
        # add(): another process may have set it meanwhile; then theirs counts.
        if not django_cache.add(key, token, timeout=None):
            missing[key] = django_cache.get(key, token)
    found.update(missing)
    return tuple(found[_VERSION + scope] for scope in scopes)


def bump(*scopes):
    """Mark ``scopes`` changed: at once (this process and the tests see it
    immediately) and again after the transaction commits, so that a reader who
    took the new version before the commit cannot keep the old rows under it."""

    def renew():
        django_cache.set_many({_VERSION + scope: secrets.token_hex(8) for scope in scopes}, timeout=None)

    renew()
    transaction.on_commit(renew)


# A fragment's key names one rendering that never changes (a change gives a new
# key), so each process also keeps the latest ones in memory: a hit then costs
# no round trip to Redis.  Values are shared between requests: never mutated.
LOCAL_FRAGMENTS = 128
_local = collections.OrderedDict()
_local_lock = threading.Lock()


def _remember(key, value):
    with _local_lock:
        _local[key] = value
        _local.move_to_end(key)
        while len(_local) > LOCAL_FRAGMENTS:
            _local.popitem(last=False)


def fragment(parts, render, timeout=FRAGMENT_TIMEOUT, fresh=None):
    """``render()``'s value, computed once for ``parts`` (a tuple of strings and
    numbers, versions included) and then read from this process's memory or the
    cache, as long as ``fresh(value)`` holds when given.  The value must be the
    same for every reader: nothing personal, no CSRF token."""
    key = "rada:fragment:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    value = _local.get(key)
    if value is None:
        value = django_cache.get(key)
    if value is None or (fresh is not None and not fresh(value)):
        value = render()
        django_cache.set(key, value, timeout)
    _remember(key, value)
    return value
