from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.opinions import register_opinion_source
from core.pagecache import register_moments


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = _("Immigrants' Council")

    def ready(self):
        from . import opinions, signals  # noqa: F401 - models are loaded only now; connects the account handlers
        from .models import CandidateCall, Meeting  # models are loaded only now

        register_opinion_source(opinions.opinions_on)
        # An upcoming meeting becomes a past one by the clock, and a call for candidates opens and closes by it.
        register_moments(Meeting.objects.all, "starts_at")
        register_moments(CandidateCall.objects.all, "opens_at", "closes_at")
