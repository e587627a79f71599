"""Officials' screens in the Wagtail admin: the coming events and scheduled
council meetings with counts of what residents asked for, and per event or
meeting the registrations, where each request is confirmed or refused."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import RuleBroken
from council.models import Meeting

from . import permissions, selectors, services
from .forms import DecisionForm
from .models import AccessRequest, Event


def _require_official(request):
    if not permissions.can_handle_requests(request.user):
        raise PermissionDenied


def overview(request):
    _require_official(request)
    return TemplateResponse(request, "events/admin/overview.html", selectors.occasions_overview(now=timezone.now()))


def _requests_page(request, **occasion):
    context = {
        "occasion": next(iter(occasion.values())),
        "summary": selectors.request_summary(**occasion),
        "registrations": selectors.registrations_of(**occasion),
        "statuses": AccessRequest.Status,
    }
    return TemplateResponse(request, "events/admin/requests.html", context)


def event_requests(request, pk):
    _require_official(request)
    return _requests_page(request, event=get_object_or_404(Event, pk=pk))


def meeting_requests(request, pk):
    _require_official(request)
    return _requests_page(request, meeting=get_object_or_404(Meeting, pk=pk))


@require_POST
def request_decide(request, pk):
    _require_official(request)
    access_request = selectors.access_request(pk)
    if access_request is None:
        raise Http404
    registration = access_request.registration
    if registration.event_id:
        back = reverse("events_admin_event", args=[registration.event_id])
    else:
        back = reverse("events_admin_meeting", args=[registration.meeting_id])
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether the request is confirmed or cannot be provided."))
        return redirect(f"{back}#request-{pk}")
    try:
        services.request_decide(access_request=access_request, official=request.user, **form.cleaned_data)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Decision saved; the resident is told by e-mail."))
    return redirect(f"{back}#request-{pk}")
