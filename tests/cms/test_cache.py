"""With Redis unreachable, the cache degrades to misses instead of failing."""

import pytest

from core.cache import ResilientRedisCache
from tests.accounts.factories import PASSWORD, UserFactory
from tests.council.factories import build_council, build_meeting

LOCATION = "redis://127.0.0.1:1/0"  # nothing listens there
OPTIONS = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}


@pytest.fixture
def dead_cache():
    return ResilientRedisCache(LOCATION, {"OPTIONS": OPTIONS})


def test_reads_are_misses_and_writes_do_nothing(dead_cache):
    assert dead_cache.get("key", "fallback") == "fallback"
    assert dead_cache.get_many(["key"]) == {}
    assert dead_cache.set("key", 1) is None
    assert dead_cache.has_key("key") is False


def test_locks_and_counters_fail_open(dead_cache):
    assert dead_cache.add("lock", True) is True
    assert dead_cache.incr("counter") == 1


@pytest.mark.django_db
def test_pages_and_login_work_without_redis(client, settings):
    resident = UserFactory()
    meeting = build_meeting(build_council(members=1), start=False)
    settings.CACHES = {
        "default": {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": LOCATION, "OPTIONS": OPTIONS}
    }
    assert client.get("/pl/").status_code == 200
    response = client.post("/en/accounts/login/", {"login": resident.username, "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert client.get(f"/pl/council/meetings/{meeting.pk}/").status_code == 200
