"""Shared fixtures.

Tests stand on factories (``tests/<app>/factories.py``): each builds the
records it needs and rolls them back.  The test database (``tests/database.py``)
holds only what every test shares, made once per session: the staff groups,
the four languages, the Polish home page with its aliases
(``tests.cms.factories.site``) and the consultations index under it, which
most tests would otherwise build (a fifth of their time).  Only the demo's own tests (``tests/demo/``) and
the browser tests load the demo.

With ``RADA_REQUIRE_SERVICES=1`` (set by ``.ci/run``) a missing PostgreSQL or
Redis stops the run with an error instead of falling back or skipping.
"""

import os
import uuid

import pytest
from django.conf import settings

from tests import scheduling

REQUIRE_SERVICES = os.environ.get("RADA_REQUIRE_SERVICES") == "1"


def pytest_configure(config):
    from django.test import TransactionTestCase

    from tests.database import flush_written_tables

    # Transactional tests are torn down by emptying only the tables they wrote (tests/database.py).
    TransactionTestCase._fixture_teardown = flush_written_tables
    if not hasattr(config, "workerinput"):
        # The served sites of the browser tests are copies of one site migrated and
        # seeded once per run (tests/browser/site_template.py); its name is chosen
        # here, before pytest-xdist starts the workers, which inherit it, unless
        # `make test` (tests/run.py) chose it for both of its phases.
        if "RADA_SITE_TEMPLATE" not in os.environ:
            os.environ["RADA_SITE_TEMPLATE"] = f"rada_site_{uuid.uuid4().hex[:10]}"
            config.rada_discards_site_template = True
        os.environ["RADA_TEST_RUN"] = uuid.uuid4().hex[:10]  # names the workers' test groups (tests/scheduling.py)
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


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        from tests.browser.site_template import discard

        if getattr(config, "rada_discards_site_template", False):
            discard()
        if "RADA_TEST_RUN" in os.environ:
            scheduling.forget_groups()


def pytest_collection_modifyitems(config, items):
    """The browser tests, the slowest, come first in parallel runs (pytest-xdist,
    ``make test``, which hands each test file to one worker); in a single process
    they come last, holding an event loop while they run."""
    parallel = hasattr(config, "workerinput")
    items.sort(key=lambda item: ("tests/browser/" in str(item.path)) != parallel)
    if parallel and config.getvalue("loadgroup"):  # pytest-xdist sets it in its workers for --dist loadgroup
        scheduling.record_groups(items)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own choice
def pytest_xdist_make_scheduler(config, log):
    """Tests sharing a world built once run on one worker (tests/scheduling.py)."""
    if config.getvalue("dist") == "loadgroup":
        return scheduling.make_scheduler(config, log)
    return None


@pytest.fixture(scope="session", autouse=True)
def _wagtail_indexes_off():
    """Wagtail's search and reference indexes are kept only for the tests that read them
    (``tests.database.wagtail_indexes``)."""
    from tests import database

    with database.wagtail_indexes(False):
        yield


@pytest.fixture(autouse=True)
def _wagtail_indexes_for_marked_tests(request):
    if request.node.get_closest_marker("wagtail_indexes") is None:
        yield
        return
    from tests import database

    with database.wagtail_indexes(True):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from tests import database
    from tests.cms.factories import site
    from tests.consultations.factories import consultation_index

    with django_db_blocker.unblock():
        database.prepare()
        site()
        consultation_index()


def pytest_runtest_setup(item):
    if item.get_closest_marker("concurrent_writers"):
        from django.db import connection

        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL: concurrent writers (set DATABASE_URL)")


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
def home_pl(db):
    from tests.cms.factories import home

    return home("pl")


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages raised outside a request are in English unless a test asks otherwise
    (a request's language would otherwise stay active in the thread)."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _steady_rate_limit_windows(monkeypatch):
    """Rate limits count in fixed windows of the clock (a minute, an hour): a test
    making a limit's worth of attempts must not see the window end halfway and the
    count start again.  The windows' clock stands still at the first second of an hour."""
    import time

    from core import ratelimit

    still = (time.time() // 3600) * 3600 + 1
    monkeypatch.setattr(ratelimit, "_now", lambda: still)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; no test inherits another's attempts."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def django_assert_num_queries(django_assert_num_queries, settings):
    """A test counting queries measures rendering: the anonymous page cache
    (core/pagecache.py) is off for it, unless the test turns it on again."""
    settings.PAGE_CACHE_SECONDS = 0
    return django_assert_num_queries


@pytest.fixture
def django_assert_max_num_queries(django_assert_max_num_queries, settings):
    """See django_assert_num_queries."""
    settings.PAGE_CACHE_SECONDS = 0
    return django_assert_max_num_queries


@pytest.fixture
def bare_tree(transactional_db):
    """For transactional tests, which find the tables flushed by those before
    them: the site skeleton and the staff groups again."""
    from tests import database
    from tests.cms.factories import site

    database.base_rows()
    return site()
