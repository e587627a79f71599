from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = _("Immigrants' Council")

    def ready(self):
        from . import signals  # noqa: F401 - models are loaded only now; connects the account handlers
