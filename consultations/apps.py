from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Public consultations")

    def ready(self):
        from . import signals, workflow_names  # noqa: F401 - models are loaded only now; signals connects handlers

        workflow_names.connect()
