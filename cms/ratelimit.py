"""A fixed-window rate limit in the shared cache (Redis in production), so the
limit holds across all workers."""

import time

from django.core.cache import cache


def allow(key, *, limit, seconds):
    """Count one attempt for ``key``; False once ``limit`` attempts were made in the window."""
    window = int(time.time() // seconds)
    cache_key = f"rada:ratelimit:{key}:{window}"
    cache.add(cache_key, 0, seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, seconds + 1)
        count = 1
    return count <= limit
