"""The test suite: fast hashing, in-memory e-mail, no manifest for static files."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import cache_and_channels, with_pattern_library

RADA_ENVIRONMENT = "test"
DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
# Fast hashing; PBKDF2 as well, to check passwords that the production settings
# set on a test database (tests/browser/test_topology.py).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# A served test site (the browser tests) may write e-mail to files, to follow its links.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")  # noqa: F405
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", "")  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Static files straight from the source folders, as in development.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

TASKS = tasks_settings("immediate")  # noqa: F405

# A test database need not survive a power cut: PostgreSQL acknowledges a commit
# without waiting for its WAL to reach the disk (the data stay consistent; only the
# last moments could be lost in a crash).  Thousands of test commits, the served
# site's migrations and its demo stop waiting on fsync.  And no JIT compilation:
# a test database's tables fill with the dead rows of rolled-back tests (more so
# where autovacuum is off, as on the CI machine), the planner's estimates grow, and
# a query over a few live rows would be compiled to machine code before it runs.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off -c jit=off"  # noqa: F405

# Live updates are sent at once after each commit, so tests can wait for them.
RADA_LIVE_COALESCE_MS = env("RADA_LIVE_COALESCE_MS", 0, cast=int)  # noqa: F405

# Tests running in parallel (pytest-xdist's workers gw0, gw1, …) each get a Redis
# database of their own: a test empties the cache before it starts, which in
# Redis empties the whole database, channel layer included.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _WORKER.startswith("gw"):  # noqa: F405
    _parts = urlsplit(REDIS_URL)  # noqa: F405
    _database = int(_parts.path.strip("/") or 0) + 1 + int(_WORKER[2:])
    REDIS_URL = urlunsplit(_parts._replace(path=f"/{_database}"))
    CACHES, CHANNEL_LAYERS = cache_and_channels(REDIS_URL)

INSTALLED_APPS, TEMPLATES = with_pattern_library(INSTALLED_APPS, TEMPLATES)  # noqa: F405
