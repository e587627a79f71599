"""Every read about events and registrations, each with a fixed number of
queries whatever the number of events, registrations or requests."""

from django.db.models import Count, Prefetch, Q, Sum
from django.utils.translation import gettext as _

from accounts.services import DataSection
from consultations.models import ConsultationPage
from core.language import language_name
from council.models import Meeting

from . import permissions
from .models import AccessRequest, Event, Registration

KIND = AccessRequest.Kind


def _with_counts(events):
    return events.annotate(registered=Count("registrations", distinct=True))


def _attach_places(events):
    for event in events:
        event.places_left = max(event.capacity - event.registered, 0)
    return events


def upcoming_events(*, now, language, user, area="", spoken=""):
    """Events not yet over that ``user`` may see, with their places left and their
    consultation in ``language`` (or in any language it exists in); with ``area``,
    those of that thematic area; with ``spoken``, those where that language is
    spoken or written.  Three queries, and one more for each restricted consultation."""
    events = Event.objects.filter(ends_at__gt=now)
    if area:
        events = events.filter(area=area)
    events = list(_with_counts(events).order_by("starts_at", "pk"))
    if spoken:
        # JSON containment is not on SQLite; the upcoming events are few, so they are filtered here.
        events = [event for event in events if spoken in event.spoken_languages or event.language == spoken]
    events = _attach_places(events)
    keys = {event.consultation_key for event in events if event.consultation_key}
    pages = {}
    candidates = ConsultationPage.objects.live().filter(translation_key__in=keys).select_related("locale")
    for page in candidates.order_by("pk"):
        current = pages.get(page.translation_key)
        if current is None or (page.locale.language_code == language and current.locale.language_code != language):
            pages[page.translation_key] = page
    public = set(
        ConsultationPage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .values_list("translation_key", flat=True)
    )
    visible = public | {
        key for key, page in pages.items() if key not in public and permissions.may_see_consultation(user, key)
    }
    events = [event for event in events if event.consultation_key is None or event.consultation_key in visible]
    for event in events:
        event.consultation = pages.get(event.consultation_key)
    return events


def calendar_events():
    """Every event that is not cancelled, of its own or of a live, public
    consultation, for the events calendar: one query."""
    public = ConsultationPage.objects.live().public().values("translation_key")
    return (
        Event.objects.filter(is_cancelled=False)
        .filter(Q(consultation_key__isnull=True) | Q(consultation_key__in=public))
        .order_by("starts_at", "pk")
    )


def events_for_consultation(*, consultation, now):
    """The consultation's events that are not over yet, with places left: one query."""
    events = Event.objects.filter(consultation_key=consultation.translation_key, ends_at__gt=now)
    return _attach_places(list(_with_counts(events).order_by("starts_at", "pk")))


def _my_registration(user, **occasion):
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(user=user, **occasion)
        .prefetch_related(Prefetch("requests", queryset=AccessRequest.objects.order_by("kind")))
        .first()
    )


def event_detail(*, event, user, now):
    registered = Registration.objects.filter(event=event).count()
    mine = _my_registration(user, event=event)
    return {
        "event": event,
        "places_left": max(event.capacity - registered, 0),
        "registration": mine,
        "cannot_register_reason": None if mine else permissions.why_cannot_register_for_event(user, event, now),
        "can_cancel": mine is not None and permissions.why_cannot_cancel(user, mine, now) is None,
    }


def meeting_attendance(*, meeting, user, now):
    mine = _my_registration(user, meeting=meeting)
    seats_left = None
    if meeting.guest_seats is not None:
        seats_left = max(meeting.guest_seats - Registration.objects.filter(meeting=meeting).count(), 0)
    return {
        "meeting": meeting,
        "seats_left": seats_left,
        "registration": mine,
        "cannot_register_reason": None if mine else permissions.why_cannot_register_for_meeting(user, meeting, now),
        "can_cancel": mine is not None and permissions.why_cannot_cancel(user, mine, now) is None,
    }


def own_registration(*, pk, user):
    """``user``'s registration ``pk`` with its occasion, or None (none such, or somebody else's)."""
    return Registration.objects.select_related("event", "meeting").filter(pk=pk, user=user).first()


def my_registrations(*, user):
    return list(
        Registration.objects.filter(user=user)
        .select_related("event", "meeting")
        .prefetch_related(Prefetch("requests", queryset=AccessRequest.objects.order_by("kind")))
        .order_by("-created_at")
    )


# --- officials -----------------------------------------------------------------

_REQUEST_COUNTS = {
    "interpreters": Count("registrations__requests", filter=Q(registrations__requests__kind=KIND.INTERPRETER)),
    "sign_language": Count("registrations__requests", filter=Q(registrations__requests__kind=KIND.SIGN_LANGUAGE)),
    "childcare": Count("registrations__requests", filter=Q(registrations__requests__kind=KIND.CHILDCARE)),
    "step_free": Count("registrations__requests", filter=Q(registrations__requests__kind=KIND.STEP_FREE)),
    "pending": Count("registrations__requests", filter=Q(registrations__requests__status=AccessRequest.Status.PENDING)),
    "registered": Count("registrations", distinct=True),
}


def occasions_overview(*, now):
    """Events not over and scheduled council meetings, with their counts of
    registrations and of requests per kind: two queries."""
    events = list(Event.objects.filter(ends_at__gt=now).annotate(**_REQUEST_COUNTS).order_by("starts_at", "pk"))
    meetings = list(
        Meeting.objects.filter(status=Meeting.Status.SCHEDULED).annotate(**_REQUEST_COUNTS).order_by("starts_at", "pk")
    )
    return {"events": events, "meetings": meetings}


def request_summary(*, event=None, meeting=None):
    """What the organisers must arrange for one event or meeting: interpreters per
    language, PJM, childcare (requests and children), step-free access.  Two queries."""
    requests = AccessRequest.objects.filter(registration__event=event, registration__meeting=meeting)
    totals = requests.aggregate(
        sign_language=Count("pk", filter=Q(kind=KIND.SIGN_LANGUAGE)),
        childcare=Count("pk", filter=Q(kind=KIND.CHILDCARE)),
        children=Sum("children", filter=Q(kind=KIND.CHILDCARE), default=0),
        step_free=Count("pk", filter=Q(kind=KIND.STEP_FREE)),
        pending=Count("pk", filter=Q(status=AccessRequest.Status.PENDING)),
    )
    per_language = {}
    for row in (
        requests.filter(kind=KIND.INTERPRETER)
        .values("language", "other_language")
        .annotate(count=Count("pk"))
        .order_by()
    ):
        name = row["other_language"].strip().capitalize() if row["other_language"] else language_name(row["language"])
        per_language[name] = per_language.get(name, 0) + row["count"]
    totals["interpreters"] = sorted(per_language.items(), key=lambda item: (-item[1], item[0]))
    return totals


def access_request(pk):
    """The access request ``pk`` with its registration, or None."""
    return AccessRequest.objects.select_related("registration").filter(pk=pk).first()


def registrations_of(*, event=None, meeting=None):
    """The registrations with their residents and requests: two queries."""
    return list(
        Registration.objects.filter(event=event, meeting=meeting)
        .select_related("user")
        .prefetch_related(Prefetch("requests", queryset=AccessRequest.objects.order_by("kind")))
        .order_by("created_at", "pk")
    )


def personal_data(*, user):
    """What events hold about ``user`` (``accounts.signals.collecting``): their
    registrations for events and council meetings, each with its requests."""
    registrations = (
        Registration.objects.filter(user=user)
        .select_related("event", "meeting__term")
        .prefetch_related("requests")
        .order_by("created_at", "pk")
    )
    rows = []
    for registration in registrations:
        occasion = registration.occasion
        rows.append(
            {
                "event": registration.event.title if registration.event_id else None,
                "council_meeting": str(registration.meeting) if registration.meeting_id else None,
                "starts_at": occasion.starts_at,
                "note_for_the_organisers": registration.note,
                "registered_at": registration.created_at,
                "requests": [
                    {
                        "kind": request.kind,
                        "language": request.language_name() if request.language else "",
                        "children": request.children,
                        "ages_of_the_children": request.children_ages,
                        "status": request.status,
                        "note_from_the_organisers": request.answer,
                    }
                    for request in registration.requests.all()
                ],
            }
        )
    return [DataSection("registrations", _("Your registrations and requests"), rows)]
