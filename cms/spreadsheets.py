"""Tables as files that spreadsheet programs in Poland and Ukraine open
correctly: XLSX (typed cells: numbers are numbers, times are times) or CSV
(the open-data convention of :mod:`cms.jsonapi`: UTF-8 with a byte-order
mark, ``;`` between cells, Warsaw time)."""

import datetime
import io
import zoneinfo

from django.http import HttpResponse
from django.utils import timezone

from .jsonapi import CSV_TIME_ZONE, to_csv

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _local(value):
    """Spreadsheets have no time zones: an aware time becomes Warsaw wall time."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return value.astimezone(zoneinfo.ZoneInfo(CSV_TIME_ZONE)).replace(tzinfo=None)
    return value


def _cell(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # text that looks like a formula stays text
    return _local(value)


def xlsx(title, headers, rows):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([_cell(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(headers, rows):
    columns = [(header, (lambda row, i=i: row[i])) for i, header in enumerate(headers)]
    return to_csv(
        [[value.isoformat() if isinstance(value, datetime.datetime) else value for value in row] for row in rows],
        columns,
    )


def download(name, title, headers, rows, file_format):
    """A response with the table as ``rada-<name>-<date>.xlsx`` or ``.csv``."""
    rows = list(rows)
    stamp = timezone.localdate().isoformat()
    if file_format == "xlsx":
        response = HttpResponse(xlsx(title, headers, rows), content_type=XLSX)
    else:
        response = HttpResponse(csv_text(headers, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rada-{name}-{stamp}.{file_format}"'
    return response
