"""Rate limits count by the client's address, also behind a reverse proxy; the
demo seed may suspend them in its own thread."""

import threading

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from core.ratelimit import allow, client_address, suspended

factory = RequestFactory()


def request(remote="10.0.0.1", forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return factory.get("/", REMOTE_ADDR=remote, **headers)


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_a_trusted_proxy_the_forwarded_header_is_ignored():
    assert client_address(request(forwarded="203.0.113.9")) == "10.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_appended_counts():
    assert client_address(request(forwarded="203.0.113.9")) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_addresses_a_client_forged_in_front_of_the_proxys_are_ignored():
    assert client_address(request(forwarded="198.51.100.1, 203.0.113.9")) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_outer_ones_entry_counts():
    assert client_address(request(forwarded="198.51.100.1, 203.0.113.9, 10.0.0.5")) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize("forwarded", ["", "not-an-address"])
def test_a_missing_or_malformed_forwarded_header_falls_back_to_the_peer(forwarded):
    assert client_address(request(forwarded=forwarded)) == "10.0.0.1"


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_each_resident_has_their_own_limit(client):
    from translators.views import DETECTIONS_PER_MINUTE

    cache.clear()
    for _ in range(DETECTIONS_PER_MINUTE):
        assert (
            client.post("/en/translators/detect/", {"text": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 200
        )
    assert client.post("/en/translators/detect/", {"text": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    assert client.post("/en/translators/detect/", {"text": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.10").status_code == 200


def test_a_limit_allows_that_many_attempts_in_its_window():
    cache.clear()
    assert [allow("test:limit", limit=3, seconds=60) for _ in range(4)] == [True, True, True, False]


def test_a_suspended_limit_allows_every_attempt_and_counts_none():
    cache.clear()
    with suspended():
        assert all(allow("test:suspended", limit=1, seconds=60) for _ in range(5))
    assert [allow("test:suspended", limit=1, seconds=60) for _ in range(2)] == [True, False]


def test_a_suspension_lifts_limits_only_in_its_own_thread():
    cache.clear()
    elsewhere = []
    with suspended():
        thread = threading.Thread(
            target=lambda: elsewhere.extend(allow("test:thread", limit=1, seconds=60) for _ in range(2))
        )
        thread.start()
        thread.join()
    assert elsewhere == [True, False]
