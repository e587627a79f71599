from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.pagecache import register_moments


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = _("Immigrants' Council")

    def ready(self):
        from . import signals  # noqa: F401 - models are loaded only now; connects the account handlers
        from .models import Meeting

        # An upcoming meeting becomes a past one by the clock.
        register_moments(Meeting.objects.all, "starts_at")
