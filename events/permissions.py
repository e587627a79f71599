"""Who may say they will attend what, and who handles the requests: one
function per rule, used by the services, the views and the template tags, so
the form a person sees and the check the server makes never disagree."""

from django.utils.translation import gettext as _

from consultations.models import ConsultationPage
from consultations.permissions import may_see, may_take_part
from council.models import Meeting


def may_see_event(user, event):
    """An event of its own is public; an event of a consultation is shown to, and
    takes registrations from, only those who may see that consultation in one of
    its languages, so a draft or restricted consultation is not revealed by its events."""
    return event.consultation_key is None or may_see_consultation(user, event.consultation_key)


def may_see_consultation(user, translation_key):
    """Whether ``user`` may see the consultation with ``translation_key`` in one of its languages."""
    pages = ConsultationPage.objects.live().filter(translation_key=translation_key)
    return any(may_see(user, page) for page in pages)


def why_cannot_register_for_event(user, event, now):
    """None when ``user`` may register for ``event`` at ``now`` (places aside); else the reason."""
    if not may_see_event(user, event):
        return _("This event is not available.")
    if event.is_cancelled:
        return _("This event is cancelled.")
    if event.has_started(now):
        return _("This event has already begun; registration is closed.")
    return _why_not_person(user)


def why_cannot_register_for_meeting(user, meeting, now):
    if meeting.status != Meeting.Status.SCHEDULED or meeting.starts_at <= now:
        return _("This meeting has already begun; registration is closed.")
    return _why_not_person(user)


def _why_not_person(user):
    if not user.is_authenticated:
        return _("Log in to say you will attend.")
    if not may_take_part(user):
        return _("Confirm your e-mail address to say you will attend.")
    return None


def why_cannot_cancel(user, registration, now):
    if registration.user_id != getattr(user, "pk", None):
        return _("This is not your registration.")
    occasion = registration.occasion
    if occasion.starts_at <= now:
        return _("This has already begun; the registration can no longer be cancelled.")
    return None


def can_handle_requests(user):
    """Officials see the registrations and answer the requests."""
    return user.is_authenticated and user.has_perm("events.change_accessrequest")
