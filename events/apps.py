from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.pagecache import register_moments


class EventsConfig(AppConfig):
    """Consultation events and the attendance of residents, with their requests
    for an interpreter, sign language, childcare or step-free access."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Events and requests")

    def ready(self):
        from . import signals  # noqa: F401 - models are loaded only now; connects the account handlers
        from .models import Event  # models are loaded only now

        # An event leaves the upcoming list by the clock.
        register_moments(Event.objects.all, "starts_at", "ends_at")
