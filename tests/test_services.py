"""The real services behind REDIS_URL and DATABASE_URL, when they are set."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection


def test_cache_round_trips_through_redis(redis_url, settings):
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("rada:test:key", {"value": 1}, 30)
    assert cache.get("rada:test:key") == {"value": 1}


def test_channel_layer_carries_a_group_message_through_redis(redis_url):
    layer = get_channel_layer()
    assert type(layer).__name__ == "RedisChannelLayer"

    async def exchange():
        channel = await layer.new_channel()
        await layer.group_add("rada-test", channel)
        await layer.group_send("rada-test", {"type": "test.message", "text": "dzień dobry"})
        message = await layer.receive(channel)
        await layer.group_discard("rada-test", channel)
        return message

    assert async_to_sync(exchange)() == {"type": "test.message", "text": "dzień dobry"}


@pytest.mark.django_db
def test_database_is_the_one_database_url_names(settings):
    expected = "postgresql" if (settings.DATABASE_URL or "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected
