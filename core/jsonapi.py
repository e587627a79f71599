"""What every read-only endpoint under /api/v1/ shares.

* **Records** (:class:`Record`) list the fields of one kind of item, each
  once (:class:`Field`): its name, its JSON Schema and where its value comes
  from.  That one list makes the JSON row, the spreadsheet's columns (an
  object's properties flattened to ``name.property``) and the item's schema
  in the OpenAPI document, so a field cannot be in one and not the others.
* **Listings** (:class:`Listing`) add the items the public may see and the
  filters.  The same declaration serves the paged JSON (``{"count", "next",
  "previous", "results"}``), the downloads (every row as CSV or JSON, same
  filters, same fields) and the OpenAPI description (``opendata.openapi``).
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
from types import SimpleNamespace

from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from . import tabular
from .language import LANGUAGE_CODES

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
    return Filter(name, f"Only items {what}.", lambda qs, code: qs.filter(language=code), choices=LANGUAGE_CODES)


# --- schemas: the vocabulary of the OpenAPI document -------------------------------

STRING = {"type": "string"}
TEXT = {"type": "string", "description": "As written, in the language given by `language`."}
INTEGER = {"type": "integer", "minimum": 0}
BOOLEAN = {"type": "boolean"}
DATETIME = {"type": "string", "format": "date-time"}
DATE = {"type": "string", "format": "date"}
URI = {"type": "string", "format": "uri"}
UUID = {"type": "string", "format": "uuid"}
LANGUAGE = {"type": "string", "enum": list(LANGUAGE_CODES)}


def enum(values):
    return {"type": "string", "enum": list(values)}


def nullable(schema):
    return {**schema, "type": [schema["type"], "null"]} if "type" in schema else {"oneOf": [schema, {"type": "null"}]}


def obj(properties, description=None):
    """An object with exactly these properties, all present."""
    schema = {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}
    if description:
        schema["description"] = description
    return schema


def array(items, description=None):
    schema = {"type": "array", "items": items}
    if description:
        schema["description"] = description
    return schema


def _types(schema):
    kind = schema.get("type")
    return set(kind) if isinstance(kind, list) else {kind}


def _is_scalar(schema):
    return bool(_types(schema) & {"string", "integer", "number", "boolean"}) and not _types(schema) & {
        "object",
        "array",
    }


# --- records: one kind of item, each field declared once --------------------------


@dataclass(frozen=True)
class Field:
    """One field of an API item.

    ``source`` says where the value comes from: the attribute of the same
    name (by default), a dotted path of attributes (``"term.number"``), or a
    function of the item and the batch's context.  ``csv`` says how it reads
    in a spreadsheet: by default a scalar is one column, an object one column
    per property (``name.property``) and a list of scalars one column joined
    by commas; a list of objects or a map must say how it reads
    (``csv=`` a function of the JSON row giving the cell, or a dict of such
    functions by column, headed ``name.key``), or opt out with ``csv=False``.
    """

    name: str
    schema: dict
    source: object = None
    csv: object = True

    def __post_init__(self):
        if self.csv is True and not self._flattens(self.schema):
            raise ValueError(f"Field {self.name!r}: say how it reads in a spreadsheet (csv=…).")

    @classmethod
    def _flattens(cls, schema):
        if _is_scalar(schema):
            return True
        if "object" in _types(schema) and "properties" in schema:
            return all(cls._flattens(sub) for sub in schema["properties"].values())
        if "array" in _types(schema):
            return _is_scalar(schema["items"])
        return False

    def value(self, item, context):
        if callable(self.source):
            value = self.source(item, context)
        else:
            value = item
            for step in (self.source or self.name).split("."):
                value = getattr(value, step)
        return _json_value(value)

    def columns(self):
        """``[(header, function of the JSON row)]``: this field's spreadsheet columns."""
        if self.csv is False:
            return []
        if callable(self.csv):
            return [(self.name, self.csv)]
        if isinstance(self.csv, dict):
            return [(f"{self.name}.{key}", get) for key, get in self.csv.items()]
        return list(_flatten(self.name, self.schema, lambda row: row[self.name]))


def _flatten(header, schema, get):
    if "object" in _types(schema) and "properties" in schema:
        for key, sub in schema["properties"].items():
            yield from _flatten(f"{header}.{key}", sub, lambda row, key=key: (get(row) or {}).get(key))
    else:
        yield header, get


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


@dataclass
class Record:
    """One kind of item the API gives: its fields, in order.

    ``prepare(request, items)`` may fetch what a whole batch of items needs
    at once (counts, answers…); its dict is the ``context`` every field's
    source receives, with ``request`` (and ``absolute(path)``) added."""

    name: str
    fields: list
    description: str = ""
    prepare: object = None

    def rows(self, request, items, **extra):
        context = _Context(request=request, **(self.prepare(request, items) if self.prepare else {}), **extra)
        return [{f.name: f.value(item, context) for f in self.fields} for item in items]

    def row(self, request, item, **extra):
        return self.rows(request, [item], **extra)[0]

    def schema(self):
        return obj({f.name: f.schema for f in self.fields}, self.description or None)

    def columns(self):
        return [column for f in self.fields for column in f.columns()]

    def extended(self, name, fields, *, prepare=None, description=""):
        """This record with more fields (a detail view's), under another name."""
        prepares = [step for step in (self.prepare, prepare) if step]

        def both(request, items):
            return {key: value for step in prepares for key, value in step(request, items).items()}

        return Record(name, [*self.fields, *fields], description or self.description, both if prepares else None)


class _Context(SimpleNamespace):
    """What a field's source gets beside its item: the request, and what the
    record's ``prepare`` fetched for the batch."""

    def absolute(self, path):
        return self.request.build_absolute_uri(path)


# --- listings ---------------------------------------------------------------


@dataclass
class Listing:
    """One public collection: the items the public may see, its filters and its record.

    ``items(request, params, **kwargs)`` returns a queryset (or list) of every
    item the public may see, already narrowed by the parameters it handles
    itself; the record turns a batch of items into rows (so counts are
    fetched once per batch) and says the spreadsheet's columns.
    """

    name: str
    items: object
    record: Record
    filters: list = field(default_factory=list)
    summary: str = ""

    def serialize(self, request, items):
        return self.record.rows(request, items)

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
        """Every item as CSV (the record's columns) or JSON (the API's rows)."""
        rows = list(self.rows(request, **kwargs))
        columns = self.record.columns()
        return tabular.download(
            name=self.name,
            file_format=file_format,
            headers=[header for header, _get in columns],
            rows=([get(row) for _header, get in columns] for row in rows),
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
