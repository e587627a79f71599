"""Every write about events and registrations.  Refusals are ``RuleBroken``
with a translated sentence.

Places: registering locks the event's (or the council meeting's) row
(``select_for_update``) and counts its registrations inside that lock, so
concurrent registrations queue on the row and never exceed the capacity (a
meeting's ``guest_seats``, when it has a limit).  A second registration by the same person
is refused by a unique constraint, however concurrent."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import RuleBroken
from core.text import clean_line, clean_text
from council.models import Meeting

from . import notifications, permissions
from .models import OTHER_LANGUAGE, AccessRequest, Event, Registration


def _requests(*, interpreter_language, other_language, sign_language, children, children_ages, step_free):
    """The AccessRequest rows (unsaved) for what was asked for."""
    rows = []
    if interpreter_language:
        other_language = clean_line(other_language)
        if interpreter_language == OTHER_LANGUAGE and not other_language:
            raise RuleBroken(_("Please write which language you need an interpreter into."))
        rows.append(
            AccessRequest(
                kind=AccessRequest.Kind.INTERPRETER,
                language=interpreter_language,
                other_language=other_language if interpreter_language == OTHER_LANGUAGE else "",
            )
        )
    if sign_language:
        rows.append(AccessRequest(kind=AccessRequest.Kind.SIGN_LANGUAGE))
    if children:
        rows.append(AccessRequest(kind=AccessRequest.Kind.CHILDCARE, children=children, children_ages=children_ages))
    if step_free:
        rows.append(AccessRequest(kind=AccessRequest.Kind.STEP_FREE))
    return rows


def _register(*, user, note, requests, **occasion):
    try:
        with transaction.atomic():
            registration = Registration.objects.create(user=user, note=clean_text(note).strip(), **occasion)
    except IntegrityError:
        raise RuleBroken(_("You have already registered.")) from None
    for row in requests:
        row.registration = registration
    AccessRequest.objects.bulk_create(requests)
    return registration


def registration_create(
    *,
    user,
    event=None,
    meeting=None,
    interpreter_language="",
    other_language="",
    sign_language=False,
    children=0,
    children_ages="",
    step_free=False,
    note="",
    now=None,
):
    """Registers ``user`` for ``event`` or for the council ``meeting``, with their requests."""
    now = now or timezone.now()
    requests = _requests(
        interpreter_language=interpreter_language,
        other_language=other_language,
        sign_language=sign_language,
        children=children,
        children_ages=clean_line(children_ages),
        step_free=step_free,
    )
    with transaction.atomic():
        if event is not None:
            event = Event.objects.select_for_update().get(pk=event.pk)
            if reason := permissions.why_cannot_register_for_event(user, event, now):
                raise RuleBroken(reason)
            if Registration.objects.filter(event=event, user=user).exists():
                raise RuleBroken(_("You have already registered."))
            if Registration.objects.filter(event=event).count() >= event.capacity:
                raise RuleBroken(_("Sorry, this event is full."))
            return _register(user=user, note=note, requests=requests, event=event)
        meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
        if reason := permissions.why_cannot_register_for_meeting(user, meeting, now):
            raise RuleBroken(reason)
        if Registration.objects.filter(meeting=meeting, user=user).exists():
            raise RuleBroken(_("You have already registered."))
        seats = meeting.guest_seats
        if seats is not None and Registration.objects.filter(meeting=meeting).count() >= seats:
            raise RuleBroken(_("Sorry, all seats for guests at this meeting are taken."))
        return _register(user=user, note=note, requests=requests, meeting=meeting)


def registration_cancel(*, registration, user, now=None):
    """The resident is not coming: the registration and its requests are deleted, the place is free."""
    if reason := permissions.why_cannot_cancel(user, registration, now or timezone.now()):
        raise RuleBroken(reason)
    with transaction.atomic():
        if registration.event_id:
            Event.objects.select_for_update().filter(pk=registration.event_id).first()
        else:
            Meeting.objects.select_for_update(of=("self",)).filter(pk=registration.meeting_id).first()
        Registration.objects.filter(pk=registration.pk).delete()


def request_decide(*, access_request, official, status, answer=""):
    """An official confirms a request or says it cannot be provided; the resident
    is e-mailed after commit, once per change of the decision."""
    if not permissions.can_handle_requests(official):
        raise RuleBroken(_("Only officials answer requests."))
    if status not in (AccessRequest.Status.CONFIRMED, AccessRequest.Status.DECLINED):
        raise RuleBroken(_("Choose whether the request is confirmed or cannot be provided."))
    answer = clean_text(answer).strip()
    with transaction.atomic():
        locked = AccessRequest.objects.select_for_update().get(pk=access_request.pk)
        if locked.status == status and locked.answer == answer:
            return locked
        locked.status = status
        locked.answer = answer
        locked.decided_by = official
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "answer", "decided_by", "decided_at"])
        notifications.notify_decision(access_request=locked)
    return locked
