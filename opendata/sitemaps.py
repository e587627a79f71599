"""``/sitemap.xml``: every live, public Wagtail page in every language, and the
council's public records, which are Django views served in all four languages.

Every address is built from the request's host, so the sitemap and the pages
it lists are on the same host (a sitemap may only list its own).  Each page
names its other language versions (``hreflang`` alternates).
"""

import functools
import operator

from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from cms import selectors as cms_selectors
from core.language import language_code
from council import selectors as council_selectors

from . import evaluation


class PageSitemap(Sitemap):
    """Live, public pages of the request's Wagtail site, in every locale: the
    site's root page has a translation per language, each heading its tree."""

    def __init__(self, request):
        self.request = request
        self._entries = None

    def _site(self):
        return Site.find_for_request(self.request) or Site.objects.select_related("root_page").get(is_default_site=True)

    def items(self):
        if self._entries is None:
            site = self._site()
            roots = site.root_page.get_translations(inclusive=True).only("path")
            in_site = functools.reduce(operator.or_, (Q(path__startswith=root.path) for root in roots))
            pages = Page.objects.live().public().filter(in_site).order_by("path")
            self._entries = []
            self._versions = {}
            for page in pages:
                url = page.get_url(self.request, current_site=site)
                if url is None or not url.startswith("/"):
                    continue
                self._entries.append((page, url))
                self._versions.setdefault(page.translation_key, []).append((language_code(page.locale_id), url))
        return self._entries

    def location(self, item):
        return item[1]

    def lastmod(self, item):
        page = item[0]
        return page.last_published_at or page.latest_revision_created_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            versions = self._versions[url["item"][0].translation_key]
            if len(versions) > 1:
                url["alternates"] = [
                    {"location": f"{protocol}://{domain}{path}", "lang_code": code} for code, path in versions
                ]
        return urls


class CouncilSitemap(Sitemap):
    """The council's pages served by Django views, once per language, each
    with its other language versions."""

    i18n = True
    alternates = True

    def __init__(self, request=None):
        self.request = request


class CouncilListSitemap(CouncilSitemap):
    def items(self):
        return ["council:members", "council:meetings", "council:motions", "council:resolutions"]

    def location(self, item):
        return reverse(item)


class CouncilRecordSitemap(CouncilSitemap):
    """One kind of record from :func:`council.selectors.public_records`."""

    kind = None

    def items(self):
        return council_selectors.public_records()[self.kind]


class MemberSitemap(CouncilRecordSitemap):
    kind = "members"


class MeetingSitemap(CouncilRecordSitemap):
    kind = "meetings"


class MotionSitemap(CouncilRecordSitemap):
    kind = "motions"

    def lastmod(self, motion):
        return motion.updated_at


class MinutesSitemap(CouncilRecordSitemap):
    kind = "minutes"

    def location(self, minutes):
        return reverse("council:minutes", args=[minutes.meeting_id])

    def lastmod(self, minutes):
        return minutes.updated_at


class ResolutionSitemap(CouncilRecordSitemap):
    kind = "resolutions"


class ModelSitemap(CouncilSitemap):
    """The Model's task list, each task and each year's evaluation report, in every language."""

    def items(self):
        today = timezone.localdate()
        return [
            ("tasks:list", ()),
            *[
                ("tasks:detail", (slug,))
                for slug in cms_selectors.tasks().order_by("pk").values_list("slug", flat=True)
            ],
            ("evaluation:index", ()),
            *[("evaluation:report", (year,)) for year in evaluation.years(today=today)],
        ]

    def location(self, item):
        name, args = item
        return reverse(name, args=args)  # in each language in turn (``i18n``)


SITEMAPS = {
    "pages": PageSitemap,
    "council": CouncilListSitemap,
    "members": MemberSitemap,
    "meetings": MeetingSitemap,
    "motions": MotionSitemap,
    "minutes": MinutesSitemap,
    "resolutions": ResolutionSitemap,
    "model": ModelSitemap,
}


def sitemaps_for(request):
    return {name: sitemap(request) for name, sitemap in SITEMAPS.items()}
