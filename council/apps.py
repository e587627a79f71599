from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.opinions import register_opinion_source


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = _("Immigrants' Council")

    def ready(self):
        from . import opinions, signals  # noqa: F401 - models are loaded only now; connects the account handlers

        register_opinion_source(opinions.opinions_on)
