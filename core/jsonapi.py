"""What every read-only endpoint under /api/v1/ shares.

* **Listings** (:class:`Listing`) declare their filters, how a page of items is
  serialised and how a row is flattened for a spreadsheet.  The same
  declaration serves the paged JSON (``{"count", "next", "previous",
  "results"}``), the downloads (all rows as CSV or JSON, same filters, same
  fields) and the OpenAPI description (``opendata.openapi``), so the three
  cannot drift apart.
* **Errors** are JSON, ``{"error": "…"}``, in English (the API's language),
  with the right status: 400 for a bad parameter, 404, 405.
* **Caching**: every answer has an ``ETag`` (a hash of its body) and a
  ``Last-Modified`` (when this exact body was first served; see
  :func:`_first_seen`), and conditional requests get 304.
* **CORS**: anyone may read, from any origin (``GET``, ``HEAD``, ``OPTIONS``).
"""

import datetime
import functools
import hashlib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from . import tabular

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")


class BadRequest(Exception):
    """A parameter the API cannot use; its message is the answer."""


class NoSuchPage(Http404):
    """A page number past the last page."""


def error(message, status):
    return JsonResponse({"error": message}, status=status)


# --- filters ----------------------------------------------------------------


@dataclass
class Filter:
    """A query parameter of a listing.  ``apply(items, value)`` narrows the items."""

    name: str
    description: str
    apply: object
    choices: tuple = ()
    kind: str = "string"  # "string", "choice", "date", "integer"

    def parse(self, raw):
        if self.choices and raw not in self.choices:
            raise BadRequest(f"{self.name} must be one of: {', '.join(self.choices)}.")
        if self.kind == "date":
            return parse_date(self.name, raw)
        if self.kind == "integer":
            if not re.fullmatch(r"[0-9]{1,9}", raw):
                raise BadRequest(f"{self.name} must be a whole number.")
            return int(raw)
        return raw

    def schema(self):
        if self.choices:
            return {"type": "string", "enum": list(self.choices)}
        if self.kind == "date":
            return {"type": "string", "format": "date"}
        if self.kind == "integer":
            return {"type": "integer", "minimum": 0, "maximum": 999_999_999}
        return {"type": "string"}


def parse_date(name, raw):
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a date written as YYYY-MM-DD.") from None


def day_start(day):
    """The first moment of ``day`` in the site's time zone, for ``since`` filters."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def day_after(day):
    """The first moment after ``day``, for inclusive ``until`` filters."""
    return day_start(day + datetime.timedelta(days=1))


def date_range(field_name, what, datetimes=True):
    """``since`` and ``until`` (inclusive days) on one date or datetime field."""
    if datetimes:
        since = Filter(
            "since",
            f"Only {what} on or after this day.",
            lambda qs, day: qs.filter(**{f"{field_name}__gte": day_start(day)}),
            kind="date",
        )
        until = Filter(
            "until",
            f"Only {what} on or before this day.",
            lambda qs, day: qs.filter(**{f"{field_name}__lt": day_after(day)}),
            kind="date",
        )
    else:
        since = Filter(
            "since",
            f"Only {what} on or after this day.",
            lambda qs, day: qs.filter(**{f"{field_name}__gte": day}),
            kind="date",
        )
        until = Filter(
            "until",
            f"Only {what} on or before this day.",
            lambda qs, day: qs.filter(**{f"{field_name}__lte": day}),
            kind="date",
        )
    return [since, until]


def language_filter(what="written in this language", name="language"):
    codes = tuple(code for code, _name in settings.LANGUAGES)
    return Filter(name, f"Only items {what}.", lambda qs, code: qs.filter(language=code), choices=codes)


# --- listings ---------------------------------------------------------------


@dataclass
class Listing:
    """One public collection: its items, filters, fields and spreadsheet columns.

    ``items(request, params)`` returns a queryset (or list) of every item the
    public may see, already narrowed by the parameters it handles itself;
    ``serialize(request, items)`` turns a batch of items into dicts (so counts
    can be fetched once per batch); ``columns`` maps a CSV header to a
    function of the serialised dict.
    """

    name: str
    items: object
    serialize: object
    filters: list = field(default_factory=list)
    columns: list = field(default_factory=list)

    def params(self, request):
        values = {}
        for item_filter in self.filters:
            raw = request.GET.get(item_filter.name)
            if raw not in (None, ""):
                values[item_filter.name] = item_filter.parse(raw)
        return values

    def narrowed(self, request, **kwargs):
        params = self.params(request)
        items = self.items(request, params, **kwargs)
        for item_filter in self.filters:
            if item_filter.name in params and item_filter.apply is not None:
                items = item_filter.apply(items, params[item_filter.name])
        return items

    def page(self, request, **kwargs):
        return JsonResponse(paginate(request, self.narrowed(request, **kwargs), self.serialize))

    def rows(self, request, **kwargs):
        """Every item, serialised in batches (as the pages are)."""
        items = self.narrowed(request, **kwargs)
        paginator = Paginator(items, MAX_PAGE_SIZE)
        for number in paginator.page_range:
            yield from self.serialize(request, list(paginator.page(number).object_list))

    def download(self, request, file_format, **kwargs):
        """Every item as CSV (one column per declared column) or JSON (the API's records)."""
        rows = list(self.rows(request, **kwargs))
        return tabular.download(
            name=self.name,
            file_format=file_format,
            headers=[header for header, _get in self.columns],
            rows=([get(row) for _header, get in self.columns] for row in rows),
            payload=rows,
        )


def paginate(request, items, serialize):
    """``{"count", "next", "previous", "results"}`` for ``?page=`` and ``?page_size=``."""
    number = _whole_number(request, "page", 1, 1, 10**6)
    size = _whole_number(request, "page_size", PAGE_SIZE, 1, MAX_PAGE_SIZE)
    paginator = Paginator(items, size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        raise NoSuchPage("No such page of results.") from None
    base = request.build_absolute_uri(request.path)
    params = request.GET.copy()

    def link(n):
        params["page"] = n
        return f"{base}?{params.urlencode()}"

    return {
        "count": paginator.count,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": serialize(request, list(page.object_list)),
    }


def _whole_number(request, name, default, low, high):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    if not re.fullmatch(r"[0-9]{1,9}", raw) or not low <= int(raw) <= high:
        raise BadRequest(f"{name} must be a whole number from {low} to {high}.")
    return int(raw)


def column(key, *path):
    """A CSV column reading ``row[key][path…]``."""

    def get(row):
        value = row.get(key)
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        return value

    return (".".join((key, *path)), get)


# --- the view decorator -------------------------------------------------------


def api_view(not_found="Not found."):
    """GET/HEAD/OPTIONS only; JSON errors; CORS; ETag and Last-Modified."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ALLOWED_METHODS:
                response = error(f"{request.method} is not allowed here; this API only reads.", 405)
                response["Allow"] = ", ".join(ALLOWED_METHODS)
                return _cors(response)
            if request.method == "OPTIONS":
                response = HttpResponse(status=204)
                response["Allow"] = ", ".join(ALLOWED_METHODS)
                return _cors(response)
            try:
                response = view(request, *args, **kwargs)
            except NoSuchPage as missing:
                return _cors(error(str(missing), 404))
            except Http404:
                return _cors(error(not_found, 404))
            except BadRequest as bad:
                return _cors(error(str(bad), 400))
            return _cors(_conditional(request, response))

        wrapped.csrf_exempt = True
        return wrapped

    return decorator


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
    response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Content-Disposition"
    response["Access-Control-Max-Age"] = "86400"
    return response


def _conditional(request, response):
    if response.status_code != 200 or response.streaming:
        return response
    etag = '"' + hashlib.blake2b(response.content, digest_size=16).hexdigest() + '"'
    last_modified = _first_seen(request.get_full_path(), etag)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=60"
    response["Vary"] = "Accept-Encoding"
    return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)


def _first_seen(path, etag):
    """When this exact body was first served for this URL (as a Unix time).

    Rada's records have no single "changed at" (a hidden comment, a support, a
    closed poll all change what a listing says), so the moment a body was first
    seen stands in for it.  If the cache forgets, the time moves later, never
    earlier: a client may download again, but never keeps a stale copy."""
    key = "api-seen:" + hashlib.blake2b(f"{path}\n{etag}".encode(), digest_size=16).hexdigest()
    now = int(timezone.now().timestamp())
    cache.add(key, now, timeout=60 * 60 * 24 * 30)
    return cache.get(key) or now
