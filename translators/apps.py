from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslatorsConfig(AppConfig):
    """The translators' base and checked translations of what residents write."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "translators"
    verbose_name = _("Translators")

    def ready(self):
        from . import signals  # noqa: F401 - models are loaded only now; connects the account handlers
