"""Wagtail admin strings that Wagtail's own Polish and Ukrainian catalogs lack.

Without them the admin's dashboard mixes languages ("3 Images created in
Rada" in an otherwise Ukrainian or Polish admin): Django falls back to the
English msgid for each missing string.  Django reads the project's catalogs
(``LOCALE_PATHS``) before any app's, so Rada translates them in its own
catalogs; they are written here, exactly as Wagtail's templates produce them
(``blocktrans trimmed count``), so that ``make messages`` keeps them.  Nothing
imports this module."""

from django.utils.translation import ngettext_lazy

WAGTAIL_SITE_SUMMARY = [
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
]
