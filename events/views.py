"""HTTP in, one service call, a redirect with a message."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.areas import Area
from core.errors import RuleBroken
from core.language import LANGUAGE_CODES, current_language
from council.models import Meeting

from . import permissions, selectors, services
from .forms import RegistrationForm
from .models import Event


def event_list(request):
    """Upcoming events, narrowed by thematic area and by language (GET, works without JavaScript)."""
    area = request.GET.get("area", "")
    area = area if area in Area.values else ""
    spoken = request.GET.get("language", "")
    spoken = spoken if spoken in LANGUAGE_CODES else ""
    events = selectors.upcoming_events(
        now=timezone.now(), language=current_language(), user=request.user, area=area, spoken=spoken
    )
    context = {
        "events": events,
        "area_choices": Area.choices,
        "language_choices": settings.LANGUAGES,
        "area": area,
        "spoken": spoken,
    }
    return TemplateResponse(request, "events/event_list.html", context)


def event_detail(request, pk):
    event = get_object_or_404(Event, pk=pk)
    if not permissions.may_see_event(request.user, event):
        raise Http404
    context = selectors.event_detail(event=event, user=request.user, now=timezone.now())
    context["form"] = RegistrationForm()
    return TemplateResponse(request, "events/event_detail.html", context)


@login_required
def my_registrations(request):
    registrations = selectors.my_registrations(user=request.user)
    context = {"registrations": registrations, "now": timezone.now()}
    return TemplateResponse(request, "events/my_registrations.html", context)


def _register(request, back, **occasion):
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    try:
        services.registration_create(user=request.user, **occasion, **form.cleaned_data)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are registered. We will write to you about what you asked for."))
    return redirect(back)


@require_POST
def event_register(request, pk):
    event = get_object_or_404(Event, pk=pk)
    if not permissions.may_see_event(request.user, event):
        raise Http404
    return _register(request, event.get_absolute_url() + "#attend", event=event)


@require_POST
def meeting_register(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    return _register(request, meeting.get_absolute_url() + "#attend", meeting=meeting)


@require_POST
@login_required
def registration_cancel(request, pk):
    registration = selectors.own_registration(pk=pk, user=request.user)
    if registration is None:
        raise Http404
    back = request.POST.get("next") == "mine"
    url = registration.occasion.get_absolute_url() + "#attend"
    try:
        services.registration_cancel(registration=registration, user=request.user)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect("events:mine" if back else url)
