"""Production: everything from the environment, nothing guessed.

Start-up stops with :class:`ImproperlyConfigured` when ``SECRET_KEY``,
``ALLOWED_HOSTS`` or ``DATABASE_URL`` is missing.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

RADA_ENVIRONMENT = "production"

_missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL") if not os.environ.get(name)]
if _missing:
    raise ImproperlyConfigured("Production settings need these environment variables: " + ", ".join(_missing) + ".")

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS", cast=list)

SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", True, cast=bool)
# Probes ask workers directly over plain HTTP (systemd, a monitor on the machine).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365, cast=int)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env("SECURE_HSTS_INCLUDE_SUBDOMAINS", False, cast=bool)
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD", False, cast=bool)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
