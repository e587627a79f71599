"""Reads about interpreting requests: a translator's assignments, the officials'
week calendar and the yearly count by language pair, each in a fixed number
of queries."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from .languages import language_name
from .models import InterpretingRequest

Status = InterpretingRequest.Status


def assignments_of(translator, *, now):
    """What is offered to or taken by ``translator``: coming first (soonest
    first), then the past (latest first).  One query."""
    rows = list(
        InterpretingRequest.objects.filter(translator=translator)
        .exclude(status=Status.CANCELLED)
        .order_by("starts_at", "pk")
    )
    coming = [row for row in rows if row.ends_at >= now]
    past = [row for row in reversed(rows) if row.ends_at < now]
    return {"coming": coming, "past": past}


def week_of(day):
    """The Monday of ``day``'s week."""
    return day - datetime.timedelta(days=day.weekday())


def week_calendar(monday):
    """Every request starting in the week from ``monday``, by day (all seven
    days, empty ones too), with its translator.  One query."""
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
    end = start + datetime.timedelta(days=7)
    rows = (
        InterpretingRequest.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .select_related("translator__user")
        .order_by("starts_at", "pk")
    )
    days = {monday + datetime.timedelta(days=offset): [] for offset in range(7)}
    for row in rows:
        days[timezone.localdate(row.starts_at)].append(row)
    return {
        "monday": monday,
        "days": list(days.items()),
        "previous": monday - datetime.timedelta(days=7),
        "next": monday + datetime.timedelta(days=7),
    }


def yearly_counts(year):
    """Per language pair in ``year`` (cancelled requests left out): how many were
    requested, filled (accepted or done) and not filled, the pairs the city
    lacks most first.  One query."""
    counts = (
        InterpretingRequest.objects.filter(starts_at__year=year)
        .exclude(status=Status.CANCELLED)
        .values("source_language", "target_language")
        .annotate(
            requested=Count("pk"),
            filled=Count("pk", filter=Q(status__in=(Status.ACCEPTED, Status.DONE))),
        )
        .order_by()
    )
    rows = [
        {
            "source": row["source_language"],
            "target": row["target_language"],
            "pair": f"{language_name(row['source_language'])} ↔ {language_name(row['target_language'])}",
            "requested": row["requested"],
            "filled": row["filled"],
            "unfilled": row["requested"] - row["filled"],
        }
        for row in counts
    ]
    rows.sort(key=lambda row: (-row["unfilled"], -row["requested"], row["pair"]))
    return rows


def open_requests(*, now):
    """Coming requests still to fill (nobody assigned, or the translator declined), soonest first."""
    waiting = InterpretingRequest.objects.filter(status__in=(Status.REQUESTED, Status.DECLINED), starts_at__gte=now)
    return list(waiting.select_related("translator__user").order_by("starts_at", "pk"))
