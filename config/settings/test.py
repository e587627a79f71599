"""The test suite: fast hashing, in-memory e-mail, no manifest for static files."""

from .base import *  # noqa: F403

RADA_ENVIRONMENT = "test"
DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
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

# Live updates are sent at once after each commit, so tests can wait for them.
RADA_LIVE_COALESCE_MS = env("RADA_LIVE_COALESCE_MS", 0, cast=int)  # noqa: F405
