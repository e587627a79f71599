"""Development: ``make run``.  DEBUG on, e-mail printed to the console."""

from .base import *  # noqa: F403
from .base import env, tasks_settings, with_pattern_library

RADA_ENVIRONMENT = "development"
DEBUG = env("DEBUG", True, cast=bool)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

TASKS = tasks_settings(env("TASKS_BACKEND", "immediate"))  # e-mail at once, in the request

INSTALLED_APPS, TEMPLATES = with_pattern_library(INSTALLED_APPS, TEMPLATES)  # noqa: F405
