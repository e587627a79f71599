"""Shared fixtures.

The test database is seeded once per session with the demo content
(``demo.seed``), the same content ``make run`` shows: pages in four
languages and the demo accounts.  Tests roll back what they change.

With ``RADA_REQUIRE_SERVICES=1`` (set by ``.ci/run``) a missing PostgreSQL or
Redis stops the run with an error instead of falling back or skipping.
"""

import os

import pytest
from django.conf import settings

REQUIRE_SERVICES = os.environ.get("RADA_REQUIRE_SERVICES") == "1"


def pytest_configure(config):
    if not REQUIRE_SERVICES:
        return
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        raise pytest.UsageError(f"RADA_REQUIRE_SERVICES=1 but the database is {engine}; set DATABASE_URL.")
    if not settings.REDIS_URL:
        raise pytest.UsageError("RADA_REQUIRE_SERVICES=1 but REDIS_URL is not set.")
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        raise pytest.UsageError(f"Redis at {settings.REDIS_URL} cannot be reached: {error}") from error


def pytest_collection_modifyitems(items):
    """Browser tests last: they are the slowest and hold an event loop while they run."""
    items.sort(key=lambda item: "tests/browser/" in str(item.path))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from demo.seed import Seeder

    with django_db_blocker.unblock():
        Seeder().run()


@pytest.fixture
def redis_url():
    """The Redis URL for tests that need a real Redis; skips (or fails in CI) without it."""
    if not settings.REDIS_URL:
        if REQUIRE_SERVICES:
            pytest.fail("REDIS_URL is required in CI")
        pytest.skip("needs Redis: set REDIS_URL=redis://127.0.0.1:6379/0 to run")
    return settings.REDIS_URL


@pytest.fixture
def locales():
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_pl():
    from cms.models import HomePage

    return HomePage.objects.get(locale__language_code="pl", depth=2)


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages raised outside a request are in English unless a test asks otherwise
    (a request's language would otherwise stay active in the thread)."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; no test inherits another's attempts."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def bare_tree(transactional_db):
    """For transactional tests, which run after the others and find the tables
    flushed: the Polish locale, Wagtail's root and a home page.  (The seeded
    content is there only for the first such test.)"""
    from wagtail.models import Locale, Page

    from cms.models import HomePage

    locale, _ = Locale.objects.get_or_create(language_code="pl")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Rada", slug="home", hero_title="Rada", locale=locale))
    return home
