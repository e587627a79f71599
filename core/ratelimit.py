"""Fixed-window rate limits in the shared cache (Redis in production), so a
limit holds across all workers.

When the cache is unreachable, :func:`allow` lets everything through (it
*fails open*: a Redis outage must not stop residents from commenting).  Failed
logins are the exception: :func:`failures_exceeded` and :func:`failure_count`
fall back to a counter in this process's memory, so an outage is not an open
door for guessing passwords -- each worker then holds the limit on its own.

A limit that is reached raises :class:`RateLimited` (:func:`enforce`), a
:class:`RuleBroken`: views show it as they show any refusal, and
``config.middleware.RateLimitedMiddleware`` makes the answer a 429 with
``Retry-After`` -- the form with its message, or, where no view caught it, a
429 page in the reader's language."""

import contextlib
import contextvars
import ipaddress
import math
import threading
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse
from django.template.loader import render_to_string

from core.cache import ResilientRedisCache
from core.errors import RuleBroken


class RateLimited(RuleBroken):
    """A limit was reached; try again in ``retry_after`` seconds.

    It is a refusal like any other, so a view that shows refusals in its form
    shows this one there too (nothing typed is lost); the request is marked as
    limited all the same, and ``config.middleware.RateLimitedMiddleware``
    answers it with 429 and ``Retry-After`` (see :func:`limited_for`)."""

    def __init__(self, retry_after, message=""):
        super().__init__(message)
        self.retry_after = max(1, math.ceil(retry_after))
        _limited.set(self.retry_after)


# The windows' clock, which the tests hold still so that no window ends halfway through a test.
_now = time.time

# Seconds to wait, once a limit refused something in the current request (or task).
_limited = contextvars.ContextVar("rada_rate_limited", default=None)


@contextlib.contextmanager
def request_limits():
    """Around one request: yields a function giving the seconds to wait if a
    limit refused something inside, else None."""
    token = _limited.set(None)
    try:
        yield _limited.get
    finally:
        _limited.reset(token)


def window_left(seconds):
    """Seconds until the current window of a ``seconds`` limit ends."""
    return seconds - _now() % seconds


def too_many_requests(request, *, retry_after=60, message=""):
    """The 429 answer: a page in the site's layout, in the reader's language,
    saying when to try again, and ``Retry-After`` for programs."""
    retry_after = max(1, math.ceil(retry_after))
    context = {"message": message, "minutes": math.ceil(retry_after / 60), "request": request}
    response = HttpResponse(render_to_string("429.html", context, request=request), status=429)
    response["Retry-After"] = str(retry_after)
    return response


def client_address(request):
    """The address a request came from, for counting attempts: behind
    ``TRUSTED_PROXY_COUNT`` proxies, the entry of X-Forwarded-For that the
    outermost one wrote (entries further left are whatever the client sent);
    otherwise REMOTE_ADDR."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [entry.strip() for entry in request.headers.get("x-forwarded-for", "").split(",") if entry.strip()]
    if count > 0 and len(forwarded) >= count:
        candidate = forwarded[-count]
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass  # not an address: fall back rather than count by a forged string
    return request.META.get("REMOTE_ADDR", "")


_suspended = threading.local()


@contextlib.contextmanager
def suspended():
    """Inside, every attempt is allowed and none is counted: for the demo seed,
    which writes a consultation's worth of comments, ratings and supports as a
    handful of accounts within seconds, as no person could.  It holds in this
    thread only, so requests served beside it keep their limits."""
    _suspended.depth = getattr(_suspended, "depth", 0) + 1
    try:
        yield
    finally:
        _suspended.depth -= 1


def allow(key, *, limit, seconds):
    """Count one attempt for ``key``; False once ``limit`` attempts were made in the window."""
    if getattr(_suspended, "depth", 0):
        return True
    window = int(_now() // seconds)
    cache_key = f"rada:ratelimit:{key}:{window}"
    cache.add(cache_key, 0, seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, seconds + 1)
        count = 1
    return count <= limit


def enforce(key, *, limit, seconds, message=""):
    """:func:`allow`, raising :class:`RateLimited` once the limit is reached."""
    if not allow(key, limit=limit, seconds=seconds):
        raise RateLimited(window_left(seconds), message)


# --- counters that hold when the cache is down (failed logins) --------------------

_local = {}
_local_lock = threading.Lock()


def _raw(method):
    """The cache's own ``method``, raising on an outage (ResilientRedisCache
    would swallow the error and report a miss)."""
    backend = caches["default"]
    kind = RedisCache if isinstance(backend, ResilientRedisCache) else type(backend)
    return getattr(kind, method).__get__(backend)


def _local_count(cache_key, seconds, add):
    now = _now()
    with _local_lock:
        if len(_local) > 10_000:  # forget ended windows now and then
            for stale in [key for key, (ends, _count) in _local.items() if ends <= now]:
                del _local[stale]
        ends, count = _local.get(cache_key, (0, 0))
        if ends <= now:
            ends, count = (now // seconds + 1) * seconds, 0
        if add:
            count += 1
            _local[cache_key] = (ends, count)
        return count


def _count(key, seconds, *, add):
    window = int(_now() // seconds)
    cache_key = f"rada:ratelimit:{key}:{window}"
    try:
        if not add:
            return _raw("get")(cache_key, 0) or 0
        _raw("add")(cache_key, 0, seconds + 1)
        try:
            return _raw("incr")(cache_key)
        except ValueError:  # expired between add and incr
            _raw("set")(cache_key, 1, seconds + 1)
            return 1
    except Exception:  # noqa: BLE001 - any cache failure: count in this process instead
        return _local_count(cache_key, seconds, add)


def failure_count(key, *, seconds):
    """Counts one failure for ``key`` in the current window; the count so far."""
    if getattr(_suspended, "depth", 0):
        return 0
    return _count(key, seconds, add=True)


def failures_exceeded(key, *, limit, seconds):
    """True once ``limit`` failures were counted for ``key`` in this window."""
    if getattr(_suspended, "depth", 0):
        return False
    return _count(key, seconds, add=False) >= limit
