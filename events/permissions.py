"""Who may say they will attend what, and who handles the requests: one
function per rule, used by the services, the views and the template tags, so
the form a person sees and the check the server makes never disagree."""

from django.utils.translation import gettext as _

from consultations.permissions import may_take_part
from council.models import Meeting


def why_cannot_register_for_event(user, event, now):
    """None when ``user`` may register for ``event`` at ``now`` (places aside); else the reason."""
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
