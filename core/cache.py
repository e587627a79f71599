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

from asgiref.local import Local
from django.core.cache import cache as django_cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.core.signals import request_finished, request_started
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
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients.setdefault(pool, self._client(connection_pool=pool))
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


# Within one request each version is read once: the parts of a page that ask for
# the same scope (routing, view restrictions, the frame) share one round trip, and
# see one state of it.  What the request itself bumps it sees at once.  Outside a
# request (a command, a consumer) nothing is remembered.
_request = Local()


def _request_started(**kwargs):
    _request.versions = {}
    _request.memo = {}


def _request_finished(**kwargs):
    _request.versions = None
    _request.memo = None


def request_memo():
    """A dict that lives as long as the current request (None outside one): for
    values read from the cache that one request asks for several times."""
    return getattr(_request, "memo", None)


request_started.connect(_request_started, dispatch_uid="rada-cache-versions-started")
request_finished.connect(_request_finished, dispatch_uid="rada-cache-versions-finished")


def versions(*scopes):
    """The current version of each scope, in one round trip (two on first use;
    none for those already read in this request)."""
    memo = getattr(_request, "versions", None)
    keys = [_VERSION + scope for scope in scopes]
    found = {key: memo[key] for key in keys if key in memo} if memo is not None else {}
    wanted = [key for key in keys if key not in found]
    if wanted:
        found.update(django_cache.get_many(wanted))
    missing = {key: secrets.token_hex(8) for key in wanted if key not in found}
    for key, token in missing.items():
        # add(): another process may have set it meanwhile; then theirs counts.
        if not django_cache.add(key, token, timeout=None):
            missing[key] = django_cache.get(key, token)
    found.update(missing)
    if memo is not None:
        memo.update(found)
    return tuple(found[key] for key in keys)


def bump(*scopes):
    """Mark ``scopes`` changed: at once (this process and the tests see it
    immediately) and again after the transaction commits, so that a reader who
    took the new version before the commit cannot keep the old rows under it."""

    def renew():
        tokens = {_VERSION + scope: secrets.token_hex(8) for scope in scopes}
        django_cache.set_many(tokens, timeout=None)
        memo = getattr(_request, "versions", None)
        if memo is not None:
            memo.update(tokens)

    renew()
    transaction.on_commit(renew)


class Recent:
    """The ``size`` most recently used values, in this process's memory, safe to
    share between threads.  Values are shared between requests: never mutated."""

    def __init__(self, size):
        self.size = size
        self._values = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        return self._values.get(key)

    def put(self, key, value):
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)


# A fragment's key names one rendering that never changes (a change gives a new
# key), so each process also keeps the latest ones in memory: a hit then costs
# no round trip to Redis.
_local = Recent(256)


def fragment(parts, render, timeout=FRAGMENT_TIMEOUT, fresh=None, keep=None):
    """``render()``'s value, computed once for ``parts`` (a tuple of strings and
    numbers, versions included) and then read from this process's memory or the
    cache, as long as ``fresh(value)`` holds when given.  A value for which
    ``keep(value)`` is false is returned but not kept.  The value must be the
    same for every reader: nothing personal, no CSRF token."""
    key = "rada:fragment:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    value = _local.get(key)
    if value is None:
        value = django_cache.get(key)
    if value is None or (fresh is not None and not fresh(value)):
        value = render()
        if keep is not None and not keep(value):
            return value
        django_cache.set(key, value, timeout)
    _local.put(key, value)
    return value


# Markup that is a pure function of what its key names (a kind of button, an empty form for one
# kind of reader) is kept in this process's memory only: cheap to make again, never worth a round trip.
_markup = Recent(512)


def kept(parts, render):
    """``render()``, computed once per process for ``parts`` (a hashable tuple
    naming *everything* the rendering reads: it is then the same for whoever
    asks with the same ``parts``)."""
    value = _markup.get(parts)
    if value is None:
        value = render()
    _markup.put(parts, value)
    return value
