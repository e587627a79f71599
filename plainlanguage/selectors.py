"""Reads for easy-read versions."""

from core.pages import public_child

from .models import EasyReadPage


def easy_read_version_of(page):
    """The live, public easy-read page below ``page`` (a consultation or an outcome), or None.

    Known from the cache (core.pages.public_child), else one query.  In a language
    where the page is not translated yet, the easy-read page below its alias is an
    alias too, and shows the original.
    """
    if page is None or not getattr(page, "pk", None):
        return None
    return public_child(page, EasyReadPage)
