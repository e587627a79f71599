"""The anonymous page cache: the same bytes for every anonymous reader, until anything changes.

An anonymous GET (no session, no messages cookie, no ``Authorization``) is served
from the shared cache when an answer for the same scheme, host, path, query,
language and ``Accept`` header was stored in the current *generation*.

**Exact invalidation.** Every statement that writes to the database (any
``INSERT``, ``UPDATE``, ``DELETE`` or schema change, through the ORM, a
``queryset.update()``, ``bulk_create`` or raw SQL; from a view, a task worker, a
management command or the admin) bumps the generation, once per transaction:
at once, and again after the commit.  The second bump is what makes it exact:
a reader that rendered the old rows while the transaction was open stored them
under a generation nobody asks for any more.  The first one serves connections
that read their own uncommitted writes (tests wrapped in a transaction).  The
hook sits on the database connection (``execute_wrappers``), so no write path
can forget to announce itself.  Coarse, but never stale: a page is rendered at
most once per change.

**The clock.** Some pages change without a write: a consultation opens or
closes, a meeting starts, "today" moves on at midnight.  Apps register the
moments that matter (:func:`register_moments`); an entry never outlives the
next such moment after it was stored, nor midnight, nor ``PAGE_CACHE_SECONDS``.

**Never a personal byte.** An answer is stored only when it is a 200 to a GET
with no ``Set-Cookie`` (so no CSRF token was put in a form: using one sends
the cookie again), that did not touch the session, that showed no message,
whose reader is anonymous, whose ``Cache-Control`` is not private/no-store
and whose ``Vary`` names nothing outside the key.  The admin, preview and
account pages are never cached (:data:`NEVER`).

**Speed.** The cache is the first middleware.  A hit costs one Redis read
for the generation (on a connection the thread keeps) and, when this process
kept the entry (a small in-process LRU, bounded in bytes, holding each answer
with its headers ready), nothing else: no other middleware, no database
query, no template.  So an entry holds the *final* headers, those the whole
stack gave the stored answer (security headers, CSP, Permissions-Policy,
Vary, Content-Language), and the key holds everything they depend on: the
settings that shape them, the scheme (HSTS, the HTTPS redirect) and the
language, worked out as LocaleMiddleware does (a page is stored only when it
then agreed).  Whether an answer holds nothing personal is still decided
inside the stack, where the session, user and messages are known
(:class:`AnonymousCheckMiddleware`); whether it is the same for everyone as
sent (no cookie, no CSP nonce) on the way out.  Answers carry an ``ETag``; a
matching ``If-None-Match`` answers 304.

When the cache is unreachable (Redis down, core/cache.py), the generation reads
as missing and every request is rendered: the cache fails open to correctness.
"""

import hashlib
import os
import re
import threading
import time
from collections import OrderedDict
from datetime import datetime, timedelta
from pathlib import Path

from csp.constants import HEADER as CSP_HEADER
from csp.constants import HEADER_REPORT_ONLY as CSP_HEADER_REPORT_ONLY
from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.db.models import Min, Q
from django.dispatch import receiver
from django.http import HttpResponse
from django.http.response import ResponseHeaders
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe

from .cache import request_memo

GENERATION_KEY = "rada:pagecache:generation"
ENTRY_PREFIX = "rada:pagecache:page:"
HEADER = "X-Rada-Cache"

# Paths (after an optional language prefix) never served from or stored in the cache.
NEVER = ["/admin/", "/accounts/", "/health/", "/static/", "/media/", "/documents/", "/pattern-library/", "/ws/"]

# Tables whose rows no public page shows; a write there bumps nothing.  Sessions
# (a signed-in reader's, never read by the cache) and the task queue's own
# bookkeeping (a task's effects write other tables).
IGNORED_TABLES = ("django_session", "django_tasks_database_")

# Headers a stored answer may vary on: the language is in the key
# (LocaleMiddleware resolved it from the prefix, cookie or Accept-Language), so
# is Accept; no middleware of Rada's compresses, so Accept-Encoding is moot.
KEYED_VARY = {"accept-language", "accept", "accept-encoding"}

# Statements that never change a row.  Anything else counts as a write.
_READ = re.compile(r"\s*(SELECT|SAVEPOINT|RELEASE|ROLLBACK|SET|SHOW|BEGIN|COMMIT|EXPLAIN|PRAGMA)\b", re.IGNORECASE)
_TABLE = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?([\w.]+)"?', re.IGNORECASE)


def _clock():
    return time.time()


def enabled():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


# --- the generation --------------------------------------------------------------------


# Whether this process has read the generation since the last bump (to look a page up, or
# anything else kept under it): until it has, nothing it could have kept needs a new
# generation (see ``_written``).
_looked_up = True


def generation():
    """The current generation, or None when the cache cannot tell (then nothing is cached).

    A missing counter (first start, eviction, a flushed cache) restarts from
    the clock in nanoseconds: never a number an older stored entry could carry."""
    # One round trip per request: on a connection of the thread's own with Redis, and
    # remembered for the rest of the request (the routing, the page cache and the parts of
    # a page kept under it ask), until this process writes.
    global _looked_up
    _looked_up = True
    memo = request_memo()
    if memo is not None and GENERATION_KEY in memo:
        return memo[GENERATION_KEY]
    read = getattr(cache, "get_on_kept_connection", cache.get)
    value = read(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    if memo is not None and value is not None:
        memo[GENERATION_KEY] = value
    return value


def bump():
    """Invalidates every stored page."""
    global _looked_up
    _looked_up = False
    memo = request_memo()
    if memo is not None:
        memo.pop(GENERATION_KEY, None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet: any fresh one is newer than every entry
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def _is_write(sql):
    if _READ.match(sql):
        return False
    table = _TABLE.match(sql)
    return not (table and table.group(1).startswith(IGNORED_TABLES))


def _bump_after_commit():
    bump()


def _in_test_transaction(connection):
    # A test case's transaction never commits, and its requests read its writes.
    return any(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _written(connection):
    """A write on ``connection``: bump now, and once more after its transaction commits."""
    if not connection.in_atomic_block:
        bump()
        return
    if _in_test_transaction(connection):
        # Each write, since pages are stored between them inside the same transaction;
        # but only once the generation was read since the last bump (the test's requests
        # run in this process): a test writes hundreds of rows before its first request.
        if _looked_up:
            bump()
        return
    if any(callback is _bump_after_commit for _sids, callback, _robust in connection.run_on_commit):
        return  # this transaction already bumped
    bump()
    transaction.on_commit(_bump_after_commit, using=connection.alias, robust=True)


# Cached fragments (core.cache) are renewed by the services and signals that change what they
# show; a write they never see (``queryset.update()``, raw SQL, a script) reaches them here.
_table_watchers = []


def on_write_to(tables, callback):
    """Calls ``callback()`` after every write statement on one of ``tables``
    (their database names), whichever code sent it."""
    _table_watchers.append((frozenset(tables), callback))


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and _is_write(sql):
        _written(context["connection"])
        table = _TABLE.match(sql)
        for tables, callback in _table_watchers:
            if table and table.group(1) in tables:
                callback()
    return result


def _install(connection, **kwargs):
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


def watch_writes():
    """Hooks every database connection, opened or to be opened (from CoreConfig.ready)."""
    connection_created.connect(_install, dispatch_uid="rada-pagecache-writes")
    for connection in connections.all(initialized_only=True):
        _install(connection)


# --- the clock ---------------------------------------------------------------------------

_moments = []


def register_moments(queryset, *fields):
    """Pages change by the clock at each future value of ``fields`` in ``queryset``
    (a callable returning a queryset, e.g. ``lambda: Consultation.objects.all()``):
    no entry stored before such a moment is served after it."""
    _moments.append((queryset, fields))


def next_moment(now):
    """The first moment after ``now`` at which a page may change without a write."""
    local = timezone.localtime(now)
    candidates = [timezone.make_aware(datetime.combine(local.date() + timedelta(days=1), datetime.min.time()))]
    for queryset, fields in _moments:
        found = queryset().aggregate(**{field: Min(field, filter=Q(**{f"{field}__gt": now})) for field in fields})
        for value in found.values():
            if value is None:
                continue
            if not isinstance(value, datetime):  # a date: the page changes when that day begins
                value = timezone.make_aware(datetime.combine(value, datetime.min.time()))
            candidates.append(value)
    return min(candidates).timestamp()


_until = {}  # generation -> the next moment, computed once per generation and process


def _valid_until(gen, now):
    until = _until.get(gen)
    if until is None or until <= now:
        _until.clear()
        try:
            until = _until[gen] = next_moment(timezone.now())
        except Exception:  # noqa: BLE001 - the clock's moments cannot be read (no database): store nothing
            return 0
    return until


def valid_until(gen):
    """The moment (a timestamp) until which something rendered now in generation
    ``gen`` stays true, as far as the clock goes: for fragments kept under the
    generation (a page's body shared by signed-in readers), as for whole pages.
    0 when the moments cannot be read: keep nothing."""
    return _valid_until(gen, _clock())


# --- the code ----------------------------------------------------------------------------

_release = []
SKIP = {"tests", "node_modules", "media", "staticfiles", "docs", "bench", "__pycache__", "locale-src"}


def release():
    """A fingerprint of the code, templates and compiled translations: a deploy
    that changes what a page looks like starts with an empty cache."""
    if not _release:
        digest = hashlib.blake2b(digest_size=8)
        for top in (Path(settings.BASE_DIR), Path(settings.STATIC_ROOT)):
            for folder, subfolders, files in os.walk(top):
                subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and name not in SKIP)
                for name in sorted(files):
                    if name.endswith((".py", ".html", ".mo", "staticfiles.json")):
                        stat = os.stat(os.path.join(folder, name))
                        digest.update(f"{folder}/{name}:{stat.st_mtime_ns}:{stat.st_size}".encode())
        _release.append(digest.hexdigest())
    return _release[0]


# --- the entries ---------------------------------------------------------------------------


class _Ready:
    """An entry made ready to answer from: its final headers as Django keeps
    them (with its length and the hit marker), so a hit converts nothing."""

    __slots__ = ("until", "status", "content", "etag", "last_modified", "store", "headers")

    def __init__(self, entry):
        self.until, self.status, self.headers, self.content, self.etag = entry
        stored = ResponseHeaders(dict(self.headers))
        stored["Content-Length"] = str(len(self.content))
        stored[HEADER] = "hit"
        self.store = stored._store
        self.last_modified = parse_http_date_safe(stored.get("Last-Modified", ""))

    def answer(self, request):
        head = request.method == "HEAD"
        meta = request.META
        if "HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta:
            fresh = get_conditional_response(request, etag=self.etag, last_modified=self.last_modified)
            if fresh is not None:
                # The headers every answer of this page carries (the site's security headers
                # among them), without those that describe a body.
                for lower, (name, value) in self.store.items():
                    if lower not in ("content-type", "content-length"):
                        fresh[name] = value
                return fresh
        response = HttpResponse(b"" if head else self.content, status=self.status)
        # The headers were converted and checked when the entry was made ready; Django's
        # ResponseHeaders keeps them in ``_store`` (lower-case name -> (name, value)).
        response.headers._store = self.store.copy()
        return response


class _LocalEntries:
    """This process's most recently used entries, bounded in bytes: a hit then
    costs no cache round trip for the body."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        length = len(entry.content)
        if length > self.max_bytes // 4:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = entry
            self.size += length
            while self.size > self.max_bytes:
                _old_key, old = self.entries.popitem(last=False)
                self.size -= len(old.content)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


local_entries = _LocalEntries(32 * 1024 * 1024)


def _language_free(path):
    for code, _name in settings.LANGUAGES:
        if path.startswith(f"/{code}/"):
            return path[len(code) + 1 :]
    return path


def cacheable_request(request):
    """A request the cache may answer: anonymous by every sign the server can see."""
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    meta = request.META
    if "HTTP_AUTHORIZATION" in meta:
        return False
    # CommonMiddleware refuses these with a 403; a hit answers before it runs.
    if settings.DISALLOWED_USER_AGENTS:
        agent = meta.get("HTTP_USER_AGENT", "")
        if any(pattern.search(agent) for pattern in settings.DISALLOWED_USER_AGENTS):
            return False
    return not _language_free(request.path_info).startswith(tuple(NEVER))


def _language(request):
    """The language LocaleMiddleware will activate for ``request`` (Django's
    ``process_request``, step by step): the path's prefix, else the language
    cookie, else ``Accept-Language``.  The cache answers before that middleware
    runs, so it works the language out the same way for the key, and stores a
    page only when the middleware then agreed (:class:`AnonymousCheckMiddleware`)."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    language = translation.get_language_from_request(request, check_path=i18n_patterns_used)
    if (
        i18n_patterns_used
        and not prefixed_default_language
        and not translation.get_language_from_path(request.path_info)
    ):
        language = settings.LANGUAGE_CODE
    return language


# Settings that shape the headers the middleware above the cache adds to a stored answer,
# or whether it answers at all: a change of one (a deploy, a test) starts a new cache.
HEADER_SETTINGS = (
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_SSL_HOST",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_PROXY_SSL_HEADER",
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "PERMISSIONS_POLICY",
    "X_FRAME_OPTIONS",
    "LANGUAGE_CODE",
    "LANGUAGES",
    "LANGUAGE_COOKIE_NAME",
    "SESSION_COOKIE_NAME",
    "MIDDLEWARE",
)
_settings_print = []


def _settings_fingerprint():
    if not _settings_print:
        values = repr([(name, getattr(settings, name, None)) for name in HEADER_SETTINGS])
        _settings_print.append(hashlib.blake2b(values.encode(), digest_size=8).hexdigest())
    return _settings_print[0]


@receiver(setting_changed)
def _forget_settings(setting, **kwargs):
    if setting in HEADER_SETTINGS:
        _settings_print.clear()


def _lookup(request):
    """``(key, language)`` for a request the cache may answer, else None.  The key
    holds everything the answer depends on: the code and settings, the scheme,
    the host, the path and query, the language and ``Accept``."""
    if not cacheable_request(request):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # CommonMiddleware answers 400
    language = _language(request)
    key = "\n".join(
        (
            release(),
            _settings_fingerprint(),
            request.scheme,
            host,
            request.get_full_path(),
            language,
            request.META.get("HTTP_ACCEPT", ""),
        )
    )
    return key, language


def _shared_key(gen, key):
    return f"{ENTRY_PREFIX}{gen}:{hashlib.blake2b(key.encode(), digest_size=16).hexdigest()}"


def _storable(request, response):
    """Whether ``response`` holds nothing of this reader's own (see the module's doc)."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a CSRF token went into the page
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
    if vary - KEYED_VARY:
        return False
    # Reading the (empty) session to learn the reader is anonymous is fine; keeping anything in it is not.
    session = getattr(request, "session", None)
    if session is not None and (session.modified or not session.is_empty()):
        return False
    # A page rendered inside an open transaction may show rows that are then rolled back.
    connection = connections["default"]
    if connection.in_atomic_block and not _in_test_transaction(connection):
        return False
    user = getattr(request, "_cached_user", None)  # set only when something looked at the user
    if user is not None and user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and (messages._queued_messages or getattr(messages, "_loaded_data", None)))


def _storable_as_sent(request, response):
    """Whether the final answer, with every header the middleware above the
    cache added, is the same for every reader with this key: no cookie was set
    on the way out and no CSP nonce was made (a nonce must be new each time)."""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if getattr(request, "_csp_nonce", None) is not None:
        return False
    if any("nonce-" in response.get(name, "") for name in (CSP_HEADER, CSP_HEADER_REPORT_ONLY)):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store")):
        return False
    # Cookie: SessionMiddleware names it when the (empty) session was read, and the
    # cache does too (a signed-in reader gets another page); no answer is given to a
    # request with a session or messages cookie, and the view's own Vary was checked
    # inside (_storable).
    vary = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
    return not (vary - KEYED_VARY - {"cookie"})


def _etag(content):
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


class _Miss:
    """What the cache knows of a request it could not answer, for the way back."""

    __slots__ = ("gen", "key", "language", "now", "until", "timeout")

    def __init__(self, gen, key, language, now):
        self.gen, self.key, self.language, self.now = gen, key, language, now
        self.until = self.timeout = None


class PageCacheMiddleware:
    """Serves and stores anonymous pages (see the module's doc).  First in
    MIDDLEWARE: a hit answers with the headers the whole stack gave the stored
    answer (security headers, CSP, Permissions-Policy, Vary, Content-Language)
    and runs no other middleware.  Whether an answer holds nothing personal is
    decided inside the stack, where the session, user and messages are known
    (:class:`AnonymousCheckMiddleware`); whether it is the same for everyone as
    sent (no cookie, no nonce) is decided here, on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lookup = _lookup(request)
        if lookup is None:
            return self.get_response(request)
        gen = generation()
        if gen is None:
            return self.get_response(request)
        key, language = lookup
        local_key = (gen, key)
        now = _clock()
        entry = local_entries.get(local_key)
        if entry is None:
            found = cache.get(_shared_key(gen, key))
            if found is not None:
                entry = _Ready(found)
                local_entries.put(local_key, entry)
        if entry is not None and entry.until > now:
            return entry.answer(request)

        request._pagecache = miss = _Miss(gen, key, language, now)
        response = self.get_response(request)
        if miss.until is not None:
            if _storable_as_sent(request, response):
                self._store(response, miss)
            else:
                del response[HEADER]
        return response

    def _store(self, response, miss):
        headers = tuple(
            (name, value) for name, value in response.items() if name.lower() not in ("content-length", HEADER.lower())
        )
        entry = (miss.until, response.status_code, headers, response.content, response["ETag"])
        cache.set(_shared_key(miss.gen, miss.key), entry, timeout=miss.timeout)
        local_entries.put((miss.gen, miss.key), _Ready(entry))


class AnonymousCheckMiddleware:
    """The page cache's look from inside the stack: right after LocaleMiddleware
    and before everything that reads the session, the user, CSRF or messages.
    Marks an answer storable when it holds nothing of this reader's own
    (:func:`_storable`) and its language is the one the key was made with."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        miss = getattr(request, "_pagecache", None)
        if miss is None or getattr(request, "LANGUAGE_CODE", None) != miss.language:
            return response
        if not _storable(request, response):
            return response
        until = _valid_until(miss.gen, miss.now)
        timeout = min(settings.PAGE_CACHE_SECONDS, until - miss.now)
        if timeout < 1 or not until:
            return response
        if not response.has_header("ETag"):
            response["ETag"] = _etag(response.content)
        if not response.has_header("Cache-Control"):
            # Browsers ask again each time (If-None-Match), so they see a change at once too.
            response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ("Cookie",))  # a signed-in reader gets another page
        miss.until, miss.timeout = min(until, miss.now + settings.PAGE_CACHE_SECONDS), int(timeout)
        response[HEADER] = "miss"
        return response
