from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.pagecache import on_write_to


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site pages")

    def ready(self):
        from . import home, signals  # noqa: F401 - connects the receivers

        # The council's cards on the home page follow every write to what they show.
        on_write_to(home.COUNCIL_TABLES, home.council_changed)
