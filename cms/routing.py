"""Wagtail's page serving, with the way from an address to its page kept in the cache.

Wagtail finds the site with a query and then walks the page tree from the
site's root, two queries a step (the child, then its specific page), on every
request: six or more for a consultation.  Where the address leads changes only
with the tree's rows, so the site and the page each address leads to (its kind
and id) are kept under :data:`core.pages.PAGE_ROWS`, which any write to the
pages, sites, locales or view restrictions renews.  A request then loads its page
with one query and hands it to Wagtail's own view, which checks view
restrictions and serves it as before.  An address that leads nowhere, or to a
page that routes further itself, is never kept: Wagtail walks it as before."""

import copy
import pickle

from django.contrib.contenttypes.models import ContentType
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from accounts import permission_cache
from core import cache as fragments
from core import pagecache
from core.language import current_language
from core.pages import PAGE_ROWS

from . import home
from .navigation import PAGES

# The sites by host and port, in this process's memory only: the Host header is the
# client's to choose (within ALLOWED_HOSTS, which may hold patterns), so a few are kept
# and none is written to the shared cache.
_sites = fragments.Recent(32)


def _site(request, version):
    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail: no ALLOWED_HOSTS check here
    key = (hostname, request.get_port(), version)
    found = _sites.get(key)
    if found is None:
        found = Site._find_for_request(request)
        if found is None:
            return None
        _sites.put(key, found)
    # The kept instance is shared by every request of this process: each gets its own copy.
    return copy.deepcopy(found)


# The pages themselves, pickled, in this process's memory: loading one costs a query of some
# fifty columns and their conversion, about twenty times what unpickling it does.  Kept under
# the page cache's generation (core.pagecache), which every write to any table renews, so a
# kept page is never older than its rows; each request gets its own copy.
_pages = fragments.Recent(64)


def _page(content_type, pk):
    def load():
        return ContentType.objects.get_for_id(content_type).model_class().objects.filter(pk=pk).first()

    generation = pagecache.generation()
    if generation is None:
        return load()
    key = (content_type, pk, generation)
    kept = _pages.get(key)
    if kept is None:
        page = load()
        if page is None:
            return None
        kept = pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL)
        _pages.put(key, kept)
    return pickle.loads(kept)  # noqa: S301 - pickled by this process, above


def _route(request, site, path, version):
    def compute():
        route = Page.route_for_request(request, path)
        if route is None or route.args or route.kwargs:
            return None
        return (route.page.content_type_id, route.page.pk)

    key = ("route", site.pk, current_language(), path, version)
    found = fragments.fragment(key, compute, keep=lambda value: value is not None)
    if found is None or hasattr(request, "_wagtail_route_for_request"):
        return  # Wagtail walked the tree just now (or the address leads nowhere)
    content_type, pk = found
    page = _page(content_type, pk)
    if page is not None and page.live:
        # Wagtail's own place for the route of this request (Page.route_for_request).
        request._wagtail_route_for_request = RouteResult(page)


def serve(request, path):
    """``wagtail.views.serve``, with the site and the route found in the cache."""
    # With the versions most pages read next (the frame, the reader's permissions, the
    # home page's council cards): one round trip to the cache for all (core.cache keeps
    # them for the rest of the request).
    version, *_others = fragments.versions(PAGE_ROWS, PAGES, permission_cache.SCOPE, home.COUNCIL)
    site = _site(request, version)
    if site is not None:
        # Wagtail's own place for the site of this request (Site.find_for_request).
        request._wagtail_site = site
        _route(request, site, path, version)
    return wagtail_views.serve(request, path)
