from django import template
from django.utils import timezone

from events import selectors
from events.forms import RegistrationForm

register = template.Library()


@register.inclusion_tag("events/includes/event_list.html")
def consultation_events(consultation):
    """The consultation's coming events, in one query."""
    return {"events": selectors.events_for_consultation(consultation=consultation, now=timezone.now())}


@register.inclusion_tag("events/includes/attend.html", takes_context=True)
def meeting_attend(context, meeting):
    """The attend form (or the reader's registration) for a council meeting."""
    request = context["request"]
    values = selectors.meeting_attendance(meeting=meeting, user=request.user, now=timezone.now())
    values.update(request=request, user=request.user, form=RegistrationForm(), is_meeting=True)
    return values
