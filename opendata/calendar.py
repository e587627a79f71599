"""iCalendar (RFC 5545) feeds that a phone or desktop calendar subscribes to:
the council's meetings, and the opening and closing of public consultations.

The writer is written out here rather than taken from a library: lines end in
CRLF and are folded at 75 octets without splitting a character, text values
escape backslash, semicolon, comma and line breaks, and every time is in UTC
(``…Z``), which needs no VTIMEZONE and is read alike everywhere, summer time
included.  UIDs are built from the records' stable keys and the site's
configured host (``SITE_URL``), so an event keeps its UID from one download
to the next and in every language.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations import selectors as consultation_selectors
from core.language import current_language
from core.text import clean_text
from council import selectors as council_selectors
from council.models import Meeting
from events import selectors as event_selectors

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
# A meeting has a start time but no planned end; calendars show it this long
# until it closes, then from its start to its actual close.
MEETING_LENGTH = datetime.timedelta(hours=2)
# How often a subscribed calendar should fetch the file again.
REFRESH_INTERVAL = "PT6H"
PRODUCT_ID = "-//Rada//Immigrants' Council of Gdansk//EN"


# --- the writer -------------------------------------------------------------------------


def escape_text(value):
    """A TEXT value (RFC 5545 §3.3.11): control characters removed (no calendar reads them),
    backslash, semicolon, comma and line breaks escaped."""
    value = clean_text(str(value)).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line):
    """One content line folded into lines of at most 75 octets (RFC 5545 §3.1):
    each continuation starts with a space, and no UTF-8 character is split."""
    lines = []
    current = ""
    size = 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > MAX_LINE_OCTETS:
            lines.append(current)
            current, size = " ", 1
        current += char
        size += octets
    lines.append(current)
    return CRLF.join(lines)


def utc(moment):
    """A DATE-TIME in UTC form, e.g. ``20260329T010000Z``."""
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass
class Event:
    uid: str
    start: datetime.datetime
    summary: str
    url: str
    end: datetime.datetime | None = None
    description: str = ""
    location: str = ""
    conference: str = ""
    last_modified: datetime.datetime | None = None
    transparent: bool = False
    categories: list[str] = field(default_factory=list)

    def lines(self, stamp):
        lines = [
            "BEGIN:VEVENT",
            f"UID:{self.uid}",
            f"DTSTAMP:{utc(stamp)}",
            f"DTSTART:{utc(self.start)}",
        ]
        if self.end is not None:
            lines.append(f"DTEND:{utc(self.end)}")
        lines.append(f"SUMMARY:{escape_text(self.summary)}")
        if self.description:
            lines.append(f"DESCRIPTION:{escape_text(self.description)}")
        if self.location:
            lines.append(f"LOCATION:{escape_text(self.location)}")
        if self.categories:
            lines.append("CATEGORIES:" + ",".join(escape_text(category) for category in self.categories))
        lines.append(f"URL:{self.url}")
        if self.conference:
            lines.append(f"CONFERENCE;VALUE=URI:{self.conference}")
        if self.last_modified is not None:
            lines.append(f"LAST-MODIFIED:{utc(self.last_modified)}")
        lines.append("STATUS:CONFIRMED")
        lines.append("TRANSP:TRANSPARENT" if self.transparent else "TRANSP:OPAQUE")
        lines.append("END:VEVENT")
        return lines


def render_calendar(*, name, description, url, events, stamp):
    """A VCALENDAR holding ``events``, as the text of an ``.ics`` file."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"X-WR-CALDESC:{escape_text(description)}",
        f"URL:{url}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH_INTERVAL}",
        f"X-PUBLISHED-TTL:{REFRESH_INTERVAL}",
    ]
    for event in events:
        lines.extend(event.lines(stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


# --- the events -------------------------------------------------------------------------


def uid_domain():
    """The configured host of the site: part of every UID, whatever host a request used."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "rada"


def meeting_events(request):
    council = _("Immigrants' Council of Gdańsk")
    events = []
    for meeting in council_selectors.meetings_for_calendar():
        page = request.build_absolute_uri(meeting.get_absolute_url())
        details = [_("Status: %(status)s") % {"status": meeting.get_status_display()}]
        if meeting.online_url:
            details.append(_("Online: %(url)s") % {"url": meeting.online_url})
        details.append(page)
        closed = meeting.status == Meeting.Status.CLOSED and meeting.closed_at and meeting.closed_at > meeting.starts_at
        events.append(
            Event(
                uid=f"council-term-{meeting.term.number}-meeting-{meeting.number}@{uid_domain()}",
                start=meeting.starts_at,
                end=meeting.closed_at if closed else meeting.starts_at + MEETING_LENGTH,
                summary=f"{meeting} — {council}",
                description="\n".join(details),
                location=meeting.place,
                conference=meeting.online_url,
                url=page,
                categories=[council],
            )
        )
    return events


def consultation_events(request, language):
    events = []
    category = _("Public consultations")
    pages = consultation_selectors.consultations_in_language(language=language, now=timezone.now())
    for page in sorted(pages, key=lambda page: (page.opens_at, page.pk)):
        url = request.build_absolute_uri(page.get_url(request))
        description = "\n\n".join(part for part in (page.intro, url) if part)
        for kind, moment, summary in (
            ("opens", page.opens_at, _("Consultation opens: %(title)s")),
            ("closes", page.closes_at, _("Consultation closes: %(title)s")),
        ):
            events.append(
                Event(
                    uid=f"consultation-{page.translation_key}-{kind}@{uid_domain()}",
                    start=moment,
                    summary=summary % {"title": page.title},
                    description=description,
                    url=url,
                    last_modified=page.last_published_at,
                    transparent=True,
                    categories=[category],
                )
            )
    return events


def event_events(request):
    """Events of the city and the council: workshops, trainings, information
    sessions, of a consultation or of their own, in the language they are written in."""
    events = []
    for event in event_selectors.calendar_events():
        url = request.build_absolute_uri(event.get_absolute_url())
        details = [event.get_kind_display()]
        if event.spoken_languages:
            details.append(_("Languages: %(languages)s") % {"languages": ", ".join(event.spoken_language_names())})
        details += [event.description, url]
        events.append(
            Event(
                uid=f"event-{event.pk}@{uid_domain()}",
                start=event.starts_at,
                end=event.ends_at,
                summary=event.title,
                description="\n\n".join(part for part in details if part),
                location=event.place,
                conference=event.online_url,
                url=url,
                categories=[str(event.get_kind_display())],
            )
        )
    return events


# --- the views --------------------------------------------------------------------------


def _calendar_response(request, *, name, description, events, filename):
    body = render_calendar(
        name=f"{name} · Rada",
        description=description,
        url=request.build_absolute_uri(),
        events=events,
        stamp=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def meetings_calendar(request):
    """``/<lang>/feeds/meetings.ics``: every meeting of the council."""
    return _calendar_response(
        request,
        name=_("Meetings of the council"),
        description=_("Meetings of the Immigrants' Council of Gdańsk: date, time, place and online link."),
        events=meeting_events(request),
        filename="rada-meetings.ics",
    )


def consultations_calendar(request):
    """``/<lang>/feeds/consultations.ics``: when each public consultation opens and closes."""
    return _calendar_response(
        request,
        name=_("Public consultations"),
        description=_("When the public consultations of the City of Gdańsk open and close."),
        events=consultation_events(request, current_language()),
        filename="rada-consultations.ics",
    )


def events_calendar(request):
    """``/<lang>/feeds/events.ics``: every event that is not cancelled."""
    return _calendar_response(
        request,
        name=_("Meetings and workshops"),
        description=_("Workshops, trainings and information sessions for residents, with the city and the council."),
        events=event_events(request),
        filename="rada-events.ics",
    )


def full_calendar(request):
    """``/<lang>/feeds/calendar.ics``: the two calendars above in one."""
    return _calendar_response(
        request,
        name=_("Council meetings and consultations"),
        description=_("Meetings of the Immigrants' Council of Gdańsk and the dates of public consultations."),
        events=meeting_events(request) + consultation_events(request, current_language()),
        filename="rada.ics",
    )
