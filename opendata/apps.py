from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """Open data (DESIGN.md §7): the API's description, exports, feeds and
    calendars, and participation in numbers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        from core import smallcounts

        from .charts import bar_chart  # models are loaded only now: stats reads the apps' models
        from .stats import suppress_column

        smallcounts.install(suppress_column=suppress_column, bar_chart=bar_chart)
