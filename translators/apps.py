from django.apps import AppConfig
from django.db.models.signals import post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class TranslatorsConfig(AppConfig):
    """The translators' base and checked translations of what residents write."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "translators"
    verbose_name = _("Translators")

    def ready(self):
        from . import signals  # noqa: F401 - models are loaded only now; connects the account handlers
        from .interpreting import (  # models are loaded only now
            on_access_request_deleted,
            on_access_request_saved,
            on_translator_deleted,
        )

        # Residents' interpreter requests decided in the events app (a sibling
        # layer, not imported) join the queue of interpreting requests.
        post_save.connect(
            on_access_request_saved, sender="events.AccessRequest", dispatch_uid="interpreting_from_events"
        )
        pre_delete.connect(on_translator_deleted, sender="translators.Translator", dispatch_uid="interpreting_freed")
        pre_delete.connect(
            on_access_request_deleted, sender="events.AccessRequest", dispatch_uid="interpreting_events_deleted"
        )
