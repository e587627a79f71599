"""Reads for easy-read versions."""

from .models import EasyReadPage


def easy_read_version_of(page):
    """The live, public easy-read page below ``page`` (a consultation or an outcome), or None.

    One query.  In a language where the page is not translated yet, the
    easy-read page below its alias is an alias too, and shows the original.
    """
    if page is None or not getattr(page, "pk", None):
        return None
    return EasyReadPage.objects.live().public().child_of(page).order_by("path").first()
