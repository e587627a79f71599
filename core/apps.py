from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares.  An app only so that its management command
    (``makemessages`` without fuzzy matching) is found."""

    name = "core"
    verbose_name = "Rada core"

    def ready(self):
        from . import pagecache  # reads settings and connects to the database wrapper, which is ready only now
        from .pages import PAGE_TABLES, page_rows_changed  # its models are loaded only now

        pagecache.watch_writes()
        pagecache.on_write_to(PAGE_TABLES, page_rows_changed)
