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

**Speed.** A hit costs one cache read for the generation and, when this
process kept the entry (a small in-process LRU, bounded in bytes), nothing
else: no database query, no template.  Answers carry an ``ETag``; a matching
``If-None-Match`` answers 304.

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

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.db.models import Min, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe

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


def generation():
    """The current generation, or None when the cache cannot tell (then nothing is cached).

    A missing counter (first start, eviction, a flushed cache) restarts from
    the clock in nanoseconds: never a number an older stored entry could carry."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def bump():
    """Invalidates every stored page."""
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
        bump()  # each write: pages are stored between them, inside the same transaction
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
        length = len(entry[3])
        if length > self.max_bytes // 4:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = entry
            self.size += length
            while self.size > self.max_bytes:
                _old_key, old = self.entries.popitem(last=False)
                self.size -= len(old[3])

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
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not _language_free(request.path_info).startswith(tuple(NEVER))


def _key(request, gen):
    parts = "\n".join(
        (
            release(),
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            getattr(request, "LANGUAGE_CODE", ""),
            request.headers.get("Accept", ""),
        )
    )
    return f"{ENTRY_PREFIX}{gen}:{hashlib.blake2b(parts.encode(), digest_size=16).hexdigest()}"


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


def _etag(content):
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def _from_entry(request, entry):
    _until_at, status, headers, content, etag = entry
    response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(content))
    if "If-None-Match" in request.headers or "If-Modified-Since" in request.headers:
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        response = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    response[HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Serves and stores anonymous pages (see the module's doc).  Sits right
    after LocaleMiddleware, which decides the language, and before everything
    that looks at the session, the user, CSRF or messages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        gen = generation()
        if gen is None:
            return self.get_response(request)
        key = _key(request, gen)
        now = _clock()
        entry = local_entries.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                local_entries.put(key, entry)
        if entry is not None and entry[0] > now:
            return _from_entry(request, entry)

        response = self.get_response(request)
        if _storable(request, response):
            until = _valid_until(gen, now)
            timeout = min(settings.PAGE_CACHE_SECONDS, until - now)
            if timeout >= 1 and until:
                self._store(request, response, key, min(until, now + settings.PAGE_CACHE_SECONDS), timeout)
        return response

    def _store(self, request, response, key, until, timeout):
        if not response.has_header("ETag"):
            response["ETag"] = _etag(response.content)
        if not response.has_header("Cache-Control"):
            # Browsers ask again each time (If-None-Match), so they see a change at once too.
            response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ("Cookie",))  # a signed-in reader gets another page
        headers = [(name, value) for name, value in response.items() if name.lower() not in ("content-length",)]
        entry = (until, response.status_code, tuple(headers), response.content, response["ETag"])
        cache.set(key, entry, timeout=int(timeout))
        local_entries.put(key, entry)
        response[HEADER] = "miss"
