from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    """The information and support centre: the directory of services, residents'
    questions and their answers, and confidential reports of discrimination."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "support"
    verbose_name = _("Information and support centre")

    def ready(self):
        from . import signals  # noqa: F401 - models are loaded only now; connects the account handlers
