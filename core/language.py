"""Which language is in use, and which language a page's text is in.

:func:`current_language` is the one answer to "what language is the reader
using": the language Django activated for the request (from the URL prefix),
or for an e-mail (``translation.override``), reduced to one of the site's
codes, and the site's default when nothing is active or the activated one is
not a site language.

:func:`language_code` maps a Wagtail locale id to its code without a query per
page: locales are a handful of rows, added rarely and almost never changed, so
each process keeps the mapping and reloads it when it meets an id it does not
know, or when a locale is saved or deleted in this process.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
_NAMES = dict(settings.LANGUAGES)


def language_name(code):
    """A site language's name in that language (``uk`` → ``Українська``); an unknown code as it is."""
    return _NAMES.get(code, code)


def language_in_readers_words(code):
    """Any language's name in the reader's language ("ukraiński" for ``uk`` on a
    Polish page, "Dari" for ``prs``…); the code itself if Django does not know it."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def site_language(code):
    """``code`` as one of the site's languages (``uk-UA`` → ``uk``), or the
    site's default when it is none of them."""
    code = (code or "").split("-")[0].lower()
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def current_language():
    """The active site language: ``pl``, ``en``, ``uk`` or ``ru``."""
    return site_language(get_language())


def language_home():
    """The home page's address in the active language, where a flow that has
    nowhere better to go lands."""
    return f"/{current_language()}/"


_codes = {}


def language_code(locale_id):
    if locale_id not in _codes:
        _codes.clear()
        _codes.update(Locale.objects.values_list("id", "language_code"))
    return _codes.get(locale_id)


@receiver(post_save, sender=Locale, dispatch_uid="rada-locale-codes-save")
@receiver(post_delete, sender=Locale, dispatch_uid="rada-locale-codes-delete")
def _forget(**kwargs):
    _codes.clear()
