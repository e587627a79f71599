"""Events of a consultation (workshops, meetings with residents)."""

import datetime

from django.utils import timezone

from events.models import Event

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def make_event(consultation, *, capacity=10, starts_in=2 * DAY, **fields):
    """A two-hour workshop of ``consultation`` (None: an event of its own), starting
    ``starts_in`` from now, made directly."""
    starts_at = timezone.now() + starts_in
    values = {
        "title": "Warsztaty o lekcjach polskiego",
        "kind": Event.Kind.WORKSHOP,
        "place": "Centrum Wsparcia Imigrantów, ul. Jaskółcza 1",
        "description": "Porozmawiajmy o planie.",
        "spoken_languages": ["pl", "uk"],
    } | fields
    return Event.objects.create(
        consultation_key=consultation.translation_key if consultation is not None else None,
        starts_at=starts_at,
        ends_at=starts_at + 2 * HOUR,
        capacity=capacity,
        **values,
    )
