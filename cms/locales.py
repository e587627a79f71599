"""Locale id → language code, without a query per page.

Pages carry ``locale_id``; templates need the language code to mark the text's
``lang``.  Locales are a handful of rows that are added rarely and almost never
changed, so each process keeps the mapping and reloads it when it meets an id
it does not know, or when a locale is saved or deleted in this process.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale

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
