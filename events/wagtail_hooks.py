"""Events and requests in the Wagtail admin: officials keep the consultation
events (a ModelViewSet) and answer residents' interpreter and accessibility
requests (own views, under "Events")."""

from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_panels import Row, WaitingPanel

from . import admin_views, permissions, selectors
from .forms import EventAdminForm
from .models import Event


@hooks.register("register_admin_urls")
def request_urls():
    return [
        path("events/requests/", admin_views.overview, name="events_admin_overview"),
        path("events/requests/event/<int:pk>/", admin_views.event_requests, name="events_admin_event"),
        path("events/requests/meeting/<int:pk>/", admin_views.meeting_requests, name="events_admin_meeting"),
        path("events/requests/<int:pk>/decide/", admin_views.request_decide, name="events_admin_decide"),
    ]


class EventViewSet(ModelViewSet):
    model = Event
    icon = "date"
    menu_label = _("Consultation events")
    list_display = ["title", "kind", "starts_at", "place", "capacity", "is_cancelled"]
    list_filter = ["kind", "is_cancelled"]
    search_fields = ["title", "place"]
    copy_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("consultation_key"),
            FieldPanel("area"),
            FieldPanel("title"),
            FieldPanel("kind"),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldPanel("place"),
            FieldPanel("online_url"),
            FieldPanel("capacity"),
            FieldPanel("language"),
            FieldPanel("description"),
            FieldPanel("spoken_languages"),
            FieldPanel("is_cancelled"),
        ],
        base_form_class=EventAdminForm,
    )


class RequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_handle_requests(request.user)


class EventsViewSetGroup(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 265
    items = (EventViewSet("consultation_events"),)

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            RequestsMenuItem(
                _("Registrations and requests"), reverse_lazy("events_admin_overview"), icon_name="help", order=900
            ),
        ]


@hooks.register("register_admin_viewset")
def register_events():
    return EventsViewSetGroup()


@hooks.register("construct_homepage_panels")
def requests_to_confirm_panel(request, panels):
    """Interpreter and access requests still waiting for an answer, per event and meeting to come."""
    if not permissions.can_handle_requests(request.user):
        return
    overview = selectors.occasions_overview(now=timezone.now())
    rows = [
        Row(label=str(event), count=event.pending, url=reverse("events_admin_event", args=[event.pk]))
        for event in overview["events"]
        if event.pending
    ] + [
        Row(label=str(meeting), count=meeting.pending, url=reverse("events_admin_meeting", args=[meeting.pk]))
        for meeting in overview["meetings"]
        if meeting.pending
    ]
    panels.append(
        WaitingPanel(
            name="requests-to-confirm",
            heading=gettext("Interpreter and access requests to confirm"),
            rows=rows,
            order=30,
            empty=gettext("Every request has its answer."),
        )
    )
