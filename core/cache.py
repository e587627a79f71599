"""Django's Redis cache, made to degrade instead of fail; versioned fragments.

The cache is an optimisation and a place for rate-limit counters: when Redis is
unreachable, pages must still load and ballots still be recorded in
PostgreSQL.  So a Redis error counts as a miss (reads give the default, writes
do nothing) and is logged, at most once a minute per process."""

import collections
import functools
import hashlib
import logging
import secrets
import threading
import time

from django.core.cache import cache as django_cache
from django.core.cache.backends.redis import RedisCache
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


class ResilientRedisCache(RedisCache):
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
