"""The yearly evaluation report of the Model: per thematic area, how its tasks
went in a year (their notes of that year and their changes of status) and the
indicators of that year against their targets."""

import datetime
from collections import Counter

from django.db.models import Q

from cms import selectors as cms_selectors
from cms.models import TASK_STATUS_ORDER
from core.areas import Area

from . import stats
from .models import Indicator


def _indicators_of(year):
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return Indicator.objects.filter(Q(year=year) | Q(year__isnull=True, starts_on__lte=last, ends_on__gte=first))


def years(*, today):
    """The years with a report, newest first: those with task progress or indicators, up to this one."""
    found = set(cms_selectors.evaluation_years(today=today))
    found |= set(Indicator.objects.filter(year__isnull=False).values_list("year", flat=True))
    found |= {day.year for day in Indicator.objects.filter(year__isnull=True).dates("starts_on", "year")}
    return sorted((year for year in found if year <= today.year), reverse=True)


def report(year):
    """[{code, label, tasks, indicators, counts}] per area (and one for the tasks
    serving all areas), each with its tasks' rows and its indicators' progress."""
    progress = cms_selectors.task_progress_in(year)
    indicators = {}
    for row in stats.indicator_progress(_indicators_of(year)):
        indicators.setdefault(row["indicator"].area, []).append(row)
    sections = []
    for code in [*Area.values, ""]:
        rows = progress.get(code, [])
        sections.append(
            {
                "code": code,
                "label": Area(code).label if code else None,
                "tasks": rows,
                "indicators": indicators.get(code, []),
                "counts": _status_counts(rows),
            }
        )
    return sections


def _status_counts(rows):
    """[(status, how many of ``rows``' tasks stand there now)], in list order, leaving out none."""
    counts = Counter(row["task"].status for row in rows)
    return [(status, counts[status]) for status in TASK_STATUS_ORDER if counts[status]]
