"""The one writer of tables as files: CSV, XLSX and JSON.

Every download of the site goes through here -- the API's listings, the
statistics' datasets, officials' exports -- so they all open the same way in a
spreadsheet in Poland or Ukraine, and are all safe to open:

* **CSV**: UTF-8 with a byte-order mark (so spreadsheets do not guess another
  encoding), ``;`` between cells (``,`` is the decimal mark there), one header
  row, times in Warsaw time without a zone suffix (which spreadsheets do not
  parse), ``yes``/``no`` for booleans, lists joined by commas.
* **XLSX**: typed cells (numbers are numbers, times are times), a bold, frozen
  header row.
* **JSON**: the records as they are, UTF-8, not ASCII-escaped.

In CSV and XLSX a text that starts like a formula (``=``, ``+``, ``-``, ``@``)
is kept as text and never run (CSV injection), and control characters that
people paste from word processors (a vertical tab is Word's manual line break)
are cleaned, since they break both formats' readers.
"""

import csv
import datetime
import io
import json
import re
import zoneinfo

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from core.text import clean_text as text_clean

CSV_DELIMITER = ";"
TIME_ZONE = zoneinfo.ZoneInfo("Europe/Warsaw")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d|Z)")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def clean_text(text):
    """Line breaks made ``\\n`` (Windows', old Mac's, Word's vertical tab and
    form feed alike), other control characters but the tab removed."""
    return _CONTROL.sub("", text_clean(text))


def _local(moment):
    """Spreadsheets have no time zones: an aware time becomes Warsaw wall time."""
    if timezone.is_aware(moment):
        return moment.astimezone(TIME_ZONE).replace(tzinfo=None)
    return moment


def csv_cell(value):
    """A value as a CSV cell: text, with formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(csv_cell(item) for item in value)
    if isinstance(value, datetime.datetime):
        return _local(value).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, str) and _ISO_MOMENT.fullmatch(value):
        return _local(datetime.datetime.fromisoformat(value)).strftime("%Y-%m-%d %H:%M:%S")
    text = clean_text(str(value))
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def to_csv(headers, rows):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([csv_cell(header) for header in headers])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()


def _xlsx_value(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return _local(value)
    if isinstance(value, bool | int | float | datetime.date):
        return value
    if isinstance(value, list | tuple):
        return csv_cell(value)
    return clean_text(str(value))


def to_xlsx(title, headers, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = clean_text(title)[:31] or "Rada"
    sheet.append([_xlsx_value(header) for header in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([_xlsx_value(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"  # text that looks like a formula stays text
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_json(payload):
    return json.dumps(payload, ensure_ascii=False, indent=1, cls=DjangoJSONEncoder)


def download(*, name, file_format, headers=(), rows=(), title="", payload=None, inline=False):
    """A response with the table as ``rada-<name>-<date>.<format>``.

    CSV and XLSX write ``headers`` and ``rows`` (lists of values); JSON writes
    ``payload`` (records as the API gives them, or a document around the
    rows), or the rows as records keyed by the headers."""
    if file_format not in FORMATS:
        raise ValueError(f"No such table format: {file_format}")
    if file_format == "csv":
        body = to_csv(headers, rows)
    elif file_format == "xlsx":
        body = to_xlsx(title or name, headers, rows)
    else:
        if payload is None:
            payload = [dict(zip(headers, row, strict=True)) for row in rows]
        body = to_json(payload)
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    stamp = timezone.localdate().isoformat()
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="rada-{name}-{stamp}.{file_format}"'
    return response
