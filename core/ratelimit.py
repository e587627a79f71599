"""A fixed-window rate limit in the shared cache (Redis in production), so the
limit holds across all workers."""

import contextlib
import ipaddress
import threading
import time

from django.conf import settings
from django.core.cache import cache


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
    window = int(time.time() // seconds)
    cache_key = f"rada:ratelimit:{key}:{window}"
    cache.add(cache_key, 0, seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, seconds + 1)
        count = 1
    return count <= limit
