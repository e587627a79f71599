"""Reads for the frame around every page: menu, footer links, language links.

Each function does a fixed, small number of queries whatever the size of the
site, and the results are kept on the request so a template may ask twice.
"""

from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page, Site

from core.language import current_language

from .models import AccessibilityStatementPage, ContactPage


def _memo(request, key, compute):
    cache = request.__dict__.setdefault("_rada_navigation", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def home_page(request):
    """The home page of the active language (the site root's translation)."""

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return None
        return site.root_page.localized

    return _memo(request, "home", compute)


def menu_pages(request):
    def compute():
        home = home_page(request)
        if home is None:
            return []
        return list(home.get_children().live().public().in_menu())

    return _memo(request, "menu", compute)


def footer_pages(request):
    """The accessibility statement and contact pages of the active language."""

    def compute():
        home = home_page(request)
        if home is None:
            return []
        return list(
            Page.objects.live().public().child_of(home).type(AccessibilityStatementPage, ContactPage).order_by("path")
        )

    return _memo(request, "footer", compute)


def language_links(request, page=None):
    """One link per site language, leading to the same page in that language.

    For a Wagtail page that is its translation (or, for a page not yet
    translated, the alias that shows the original).  For any other view the
    URL with the language prefix swapped.
    """
    current = current_language()
    urls = {}
    if page is not None and getattr(page, "translation_key", None):
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        urls = {p.locale.language_code: p.get_url(request) for p in translations}
    links = []
    for code, name in settings.LANGUAGES:
        url = urls.get(code)
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links
