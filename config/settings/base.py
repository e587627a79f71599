"""Settings shared by every environment.

Every value that differs between machines comes from the environment through
:func:`env`, with a safe default.  ``DEBUG`` is off here; ``dev.py`` turns it
on.  ``DATABASE_URL`` selects the database and ``REDIS_URL`` switches the
channel layer and the cache from in-memory to Redis.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env(name, default=None, *, cast=str):
    """Read one setting from the environment.

    ``cast`` may be ``str``, ``int``, ``bool`` or ``list`` (comma-separated).
    A malformed value stops start-up with a message naming the variable.
    """
    raw = os.environ.get(name)
    if raw is None:
        return default
    raw = raw.strip()
    if cast is bool:
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")
    if cast is int:
        try:
            return int(raw)
        except ValueError:
            raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if cast is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    return raw


RADA_ENVIRONMENT = "base"
DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"], cast=list)
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [], cast=list)

INSTALLED_APPS = [
    "daphne",
    "core",
    "accounts",
    "cms",
    "consultations",
    "council",
    "opendata",
    "translators",
    "events",
    "plainlanguage",
    "support",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersConfig",  # wagtail.users, listing users without stand-in accounts
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "channels",
    "csp",
    "django_tasks_db",
    "health_check",
    "vote",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Anonymous pages from the cache, first: a hit carries the headers the whole stack
    # gave the stored answer and runs no other middleware (core/pagecache.py).
    "core.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    # The page cache's check that an answer holds nothing personal: after the language
    # is known, before anything reads the session, the user, CSRF or messages.
    "core.pagecache.AnonymousCheckMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.middleware.NulFreeQueryMiddleware",
    "config.middleware.SafeNextMiddleware",
    "config.middleware.RateLimitedMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# The pattern library (django-pattern-library): every component of the templates
# alone, with example data, at /pattern-library/.  A tool for the people who build
# the site, so only development and test settings switch it on (with_pattern_library):
# it renders templates with made-up data and needs no login, so production never
# serves it.
PATTERN_LIBRARY = {
    "SECTIONS": (
        ("foundations", ["patterns/foundations"]),
        ("components", ["patterns/components"]),
    ),
    "TEMPLATE_SUFFIX": ".html",
    "PATTERN_BASE_TEMPLATE_NAME": "patterns/base.html",
    "BASE_TEMPLATE_NAMES": ["base.html"],
}


def with_pattern_library(installed_apps, templates):
    """``(INSTALLED_APPS, TEMPLATES)`` with the pattern library added."""
    options = templates[0]["OPTIONS"]
    builtins = [*options.get("builtins", []), "pattern_library.loader_tags"]
    return [*installed_apps, "pattern_library"], [{**templates[0], "OPTIONS": {**options, "builtins": builtins}}]


# --- Database -------------------------------------------------------------
# DATABASE_URL, e.g. postgres://rada:secret@db.internal:5432/rada.  Without it
# an SQLite file in the project folder is used (never in production).
DATABASE_URL = env("DATABASE_URL")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env("DATABASE_CONN_MAX_AGE", 60, cast=int),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and channel layer ----------------------------------------------
# REDIS_URL, e.g. redis://127.0.0.1:6379/0, is shared by every worker: the
# cache (rate limits, sessions stay in the database) and the channel layer
# that carries live meeting updates between processes.
REDIS_URL = env("REDIS_URL")


def cache_and_channels(redis_url):
    """``(CACHES, CHANNEL_LAYERS)``: in Redis at ``redis_url``, or in memory without one."""
    if not redis_url:
        return (
            {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
            {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}},
        )
    caches = {
        "default": {
            # Django's Redis cache, but a Redis outage counts as a miss (core/cache.py).
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "rada",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    channel_layers = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # A viewer's channel holds at most 200 messages and each lives 30 s: with
            # coalescing a meeting sends a few messages a second, so only a stalled
            # client fills up, and it resynchronises with a snapshot anyway.
            #
            # The layer waits for messages with a blocking pop of 5 s; redis-py 8
            # gives every connection a read timeout of 5 s by default, so an idle
            # socket would fail ("Timeout reading") before its pop returned.  The
            # read timeout is set above the pop's; a dead Redis is still noticed.
            "CONFIG": {
                "hosts": [{"address": redis_url, "socket_timeout": 15, "socket_connect_timeout": 2}],
                "prefix": "rada",
                "capacity": 200,
                "expiry": 30,
            },
        }
    }
    return caches, channel_layers


CACHES, CHANNEL_LAYERS = cache_and_channels(REDIS_URL)

# Anonymous pages are kept in that cache at most this long (0 turns the page
# cache off); any database write empties it at once (core/pagecache.py).
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS", 600, cast=int)

# --- Background tasks (e-mail) ----------------------------------------------
# "database": tasks are stored and a worker (`manage.py db_worker`) runs them,
# so a slow mail server never slows a request.  "immediate": run at once, in
# the request (development and tests).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def tasks_settings(backend):
    if backend not in TASK_BACKENDS:
        raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {backend!r}.")
    # "database" is always configured too, so tests can check the queued path explicitly.
    return {"default": {"BACKEND": TASK_BACKENDS[backend]}, "database": {"BACKEND": TASK_BACKENDS["database"]}}


TASKS = tasks_settings(env("TASKS_BACKEND", "database"))

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Where allauth sends a person whose sign-up is complete (and any flow that names no
# page): their account page, in the language of the request (i18n_patterns).
LOGIN_REDIRECT_URL = "my_participation"
ACCOUNT_USER_DISPLAY = "accounts.adapter.user_display"  # the public name, never the username
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Rada] "
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_PREVENT_ENUMERATION = True
# allauth counts failed logins per username from anywhere, so anyone could lock
# a known username out; Rada counts them per address and username instead
# (accounts/adapter.py, RADA_RATELIMIT_LOGIN_* below).  allauth's limit on
# login requests per address stays.
ACCOUNT_RATE_LIMITS = {"login_failed": None}
SESSION_COOKIE_AGE = env("SESSION_COOKIE_AGE", 60 * 60 * 24 * 14, cast=int)
# Read from the cache (Redis in production), written through to the database: a
# signed-in page then costs no query for its session.  accounts.services.sessions_end
# ends sessions in both.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- E-mail ---------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env("EMAIL_PORT", 25, cast=int)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", False, cast=bool)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Rada <rada@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("Rada admins", address) for address in env("ADMINS", [], cast=list)]

# --- Languages ------------------------------------------------------------
LANGUAGE_CODE = "pl"
LANGUAGES = [
    ("pl", "Polski"),
    ("en", "English"),
    ("uk", "Українська"),
    ("ru", "Русский"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", "Europe/Warsaw")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LANGUAGE_COOKIE_NAME = "rada_language"

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = "Rada"
WAGTAILADMIN_BASE_URL = env("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_FINDERS = []  # no third-party requests: embeds are not offered
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
# No avatars from gravatar.com: it would receive a hash of every official's
# e-mail address, and the admin would break offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security headers that hold everywhere --------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # the Wagtail preview uses a same-origin frame
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp): the site's own scripts, styles, images
# and sockets only; no inline script or style, so HTML a script inserts (the
# live panels) can never run code; no framing; forms post only here.  'self'
# covers ws:/wss: to the same host in CSP 3 browsers.  The Wagtail admin, which
# writes inline scripts and styles, gets a looser policy under /admin/ only
# (config.middleware.ContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Browser features no page of Rada uses, turned off for every page and frame.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), "
    "browsing-topics=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # One line per background task (search index, reference index) is noise.
        "django_tasks": {"level": "WARNING"},
        # Daphne's development server prints its own access log line.
        "django.channels.server": {"level": "INFO", "propagate": False},
        # SQL statements are never logged, whatever LOG_LEVEL says: the statements
        # of a secret ballot (who voted, which counter moved) would sit side by side.
        "django.db.backends": {"level": "INFO"},
    },
}

# The reverse proxy (see README) terminates TLS and sets X-Forwarded-Proto.
BEHIND_PROXY = env("BEHIND_PROXY", False, cast=bool)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
# How many proxies append to X-Forwarded-For in front of the workers: the
# client's address, which rate limits count by, is that many entries from the
# end.  Behind a proxy, REMOTE_ADDR is the proxy's, and every resident would
# share one limit.  The same number for allauth's login limits.
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT", 1 if BEHIND_PROXY else 0, cast=int)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# --- Rate limits --------------------------------------------------------------
# Counted in the cache (Redis), per window; a limit reached answers 429 with
# Retry-After.  When Redis is down the limits let everything through, except
# failed logins, which are then counted in each worker's memory.
# Failed logins per client address and username together, and per address alone
# (15 minutes): a username cannot be locked out from another address.
RADA_RATELIMIT_LOGIN_FAILURES = env("RADA_RATELIMIT_LOGIN_FAILURES", 5, cast=int)
RADA_RATELIMIT_LOGIN_FAILURES_PER_ADDRESS = env("RADA_RATELIMIT_LOGIN_FAILURES_PER_ADDRESS", 30, cast=int)
RADA_RATELIMIT_LOGIN_WINDOW = env("RADA_RATELIMIT_LOGIN_WINDOW", 15 * 60, cast=int)
# Pseudonym changes per resident and hour (each is broadcast to every reader).
RADA_RATELIMIT_PSEUDONYM_CHANGES = env("RADA_RATELIMIT_PSEUDONYM_CHANGES", 10, cast=int)
# Motion drafts per member and hour.
RADA_RATELIMIT_MOTION_DRAFTS = env("RADA_RATELIMIT_MOTION_DRAFTS", 10, cast=int)
# Candidacies sent or changed per resident and hour.
RADA_RATELIMIT_CANDIDACIES = env("RADA_RATELIMIT_CANDIDACIES", 10, cast=int)
# Open websockets per client address in one ASGI process (held in memory).
RADA_RATELIMIT_WEBSOCKETS_PER_ADDRESS = env("RADA_RATELIMIT_WEBSOCKETS_PER_ADDRESS", 20, cast=int)

# --- Participation ------------------------------------------------------------
# A comment reported by this many different residents is hidden until a
# moderator reviews it.
RADA_REPORTS_TO_HIDE = env("RADA_REPORTS_TO_HIDE", 3, cast=int)

# --- Reports of discrimination ---------------------------------------------------
# The personal data in a closed report (what happened, where, when, how to
# contact the person, the case workers' notes) is deleted this many months after
# closing, by `manage.py purge_closed_reports` (daily, from cron); what remains
# (kind, area, dates) serves the public statistics.
RADA_REPORT_RETENTION_MONTHS = env("RADA_REPORT_RETENTION_MONTHS", 24, cast=int)

# --- Council -------------------------------------------------------------------
# How a resolution's number is written: {term} (the term's number), {term_roman},
# {number} (sequential within the term) and {year} may be used.
RADA_RESOLUTION_NUMBER_FORMAT = env("RADA_RESOLUTION_NUMBER_FORMAT", "{term_roman}/{number}/{year}")
# A resolution the city has not answered this many days after its adoption is
# shown as overdue ("waiting for the city's answer for N days").
RADA_CITY_ANSWER_DAYS = env("RADA_CITY_ANSWER_DAYS", 60, cast=int)
# Live updates: the first change after a quiet spell goes out at once; the
# changes made in the window it opens go out together at the window's end.  The
# window is as long as the meeting's last message took to hand out to its
# sockets in a websocket process, but no shorter than the first setting and no
# longer than the second (0: no window, every change sent in its request).
RADA_LIVE_COALESCE_MIN_MS = env("RADA_LIVE_COALESCE_MIN_MS", 10, cast=int)
RADA_LIVE_COALESCE_MS = env("RADA_LIVE_COALESCE_MS", 100, cast=int)
# A live message that could not be sent is tried again this many times, after
# this many milliseconds and twice as long each time (6 × from 250 ms: ~16 s).
RADA_LIVE_RETRIES = env("RADA_LIVE_RETRIES", 6, cast=int)
RADA_LIVE_RETRY_DELAY_MS = env("RADA_LIVE_RETRY_DELAY_MS", 250, cast=int)
# Every this many seconds each live meeting's sockets hear the number of its
# last message, so a client that missed one notices and asks for a snapshot.
RADA_LIVE_HEARTBEAT_SECONDS = env("RADA_LIVE_HEARTBEAT_SECONDS", 5, cast=int)
# /health/ reports "degraded" when a queued task has waited longer than this (no db_worker?).
RADA_HEALTH_TASKS_LATE_SECONDS = env("RADA_HEALTH_TASKS_LATE_SECONDS", 300, cast=int)
