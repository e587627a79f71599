from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import smallcounts


class OpendataConfig(AppConfig):
    """Open data (DESIGN.md §7): the API's description, exports, feeds and
    calendars, and participation in numbers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        # The small-count rule, for the apps below that publish counts (consultation surveys).
        from . import charts, stats  # models are loaded only now: stats reads the apps' models

        smallcounts.install(suppress_column=stats.suppress_column, bar_chart=charts.bar_chart)
