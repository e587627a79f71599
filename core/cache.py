"""Django's Redis cache, made to degrade instead of fail.

The cache is an optimisation and a place for rate-limit counters: when Redis is
unreachable, pages must still load and ballots still be recorded in
PostgreSQL.  So a Redis error counts as a miss (reads give the default, writes
do nothing) and is logged, at most once a minute per process."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
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
