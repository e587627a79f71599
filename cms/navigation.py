"""Reads for the frame around every page: menu, footer links, language links,
breadcrumbs.

Each is the same for every reader of a language, so it is read from the cache
as plain links (:class:`Link`), computed again only when a page is published,
unpublished, moved or deleted or a view restriction changes (``cms.signals``
bumps the ``pages`` version).  The results are also kept on the request, so a
template may ask twice.
"""

from typing import NamedTuple

from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page, Site

from core import cache as fragments
from core.language import current_language

from .models import AccessibilityStatementPage, ContactPage

PAGES = "pages"


class Link(NamedTuple):
    """A page as the frame shows it: enough for a link and ``aria-current``."""

    pk: int
    title: str
    url: str
    path: str
    depth: int

    @classmethod
    def to(cls, page, request):
        return cls(page.pk, page.title, page.get_url(request), page.path, page.depth)


def pages_version(request):
    """The version of the page tree, read once per request."""
    return _memo(request, "version", lambda: fragments.versions(PAGES))[0]


def _shared(request, name, compute, *parts):
    """``compute()``, kept in the cache per site, language and pages version."""
    site = Site.find_for_request(request)
    version = pages_version(request)
    key = ("navigation", name, site.pk if site else None, current_language(), version, *parts)
    return fragments.fragment(key, compute)


def _memo(request, key, compute):
    cache = request.__dict__.setdefault("_rada_navigation", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _home(request):
    site = Site.find_for_request(request)
    return site.root_page.localized if site is not None else None


def _frame(request):
    """{home, menu, footer} links of the active language."""

    def compute():
        home = _home(request)
        if home is None:
            return {"home": None, "menu": [], "footer": []}
        footer = Page.objects.live().public().child_of(home).type(AccessibilityStatementPage, ContactPage)
        return {
            "home": Link.to(home, request),
            "menu": [Link.to(page, request) for page in home.get_children().live().public().in_menu()],
            "footer": [Link.to(page, request) for page in footer.order_by("path")],
        }

    return _memo(request, "frame", lambda: _shared(request, "frame", compute))


def home_page(request):
    """The home page of the active language (the site root's translation), as a :class:`Link`."""
    return _frame(request)["home"]


def menu_pages(request):
    return _frame(request)["menu"]


def footer_pages(request):
    """The accessibility statement and contact pages of the active language."""
    return _frame(request)["footer"]


def ancestors(request, page):
    """Links to the pages above ``page`` (the root excluded), for breadcrumbs."""

    def compute():
        return [Link.to(ancestor, request) for ancestor in page.get_ancestors() if not ancestor.is_root()]

    if page is None or not getattr(page, "path", None):
        return []
    # A page not yet saved (a preview of a new page) has no ancestors to cache.
    if page.pk is None:
        return compute()
    return _shared(request, "ancestors", compute, page.pk, page.path)


def language_links(request, page=None):
    """One link per site language, leading to the same page in that language.

    For a Wagtail page that is its translation (or, for a page not yet
    translated, the alias that shows the original).  For any other view the
    URL with the language prefix swapped.
    """
    current = current_language()
    urls = {}
    if page is not None and getattr(page, "translation_key", None) and page.pk is not None:

        def compute():
            translations = page.get_translations(inclusive=True).live().select_related("locale")
            return {p.locale.language_code: p.get_url(request) for p in translations}

        urls = _shared(request, "translations", compute, page.pk, str(page.translation_key))
    links = []
    for code, name in settings.LANGUAGES:
        url = urls.get(code)
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


# Raise when a template's part wrapped in {% shared %} changes what a kept rendering holds.
MARKUP = 1


def shared_markup(request, name, vary, render):
    """A part of the frame's markup (``{% shared %}`` in the templates), rendered once
    per site, language, pages version and the values it varies with (``vary``, a
    tuple of strings and numbers); nothing personal may be inside."""
    return _shared(request, f"markup:{name}", render, MARKUP, *vary)
