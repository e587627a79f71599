"""The home page's body, rendered once and shared by its readers.

Nothing on it is personal: open consultations, the next council meeting, the
latest resolutions, the areas and the news.  So it is kept in the cache per
site, language and page content, under the version of the pages
(``cms.navigation.PAGES``, bumped by ``cms.signals``).  What changes with the
clock alone -- a consultation opening or closing -- bounds how long a rendering
is valid (``until``).  The council's cards (the next meeting, the latest
resolutions) change with every meeting's state: they are kept apart, per
language and day, under a version that any write to the council's tables they
read renews (:func:`council_changed`, registered in ``CmsConfig.ready``), and
put in place of a marker."""

import datetime

from django.db.models import Min, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.models import Site

from consultations.models import ConsultationPage
from consultations.selectors import open_consultations
from core import cache as fragments
from core.language import current_language
from council.selectors import home_summary

from .models import NewsPage, ThematicAreaPage
from .navigation import pages_version

COUNCIL_MARKER = "<!--rada:council-->"
COUNCIL = "home-council"
# What the council's cards read (home_summary and home_council.html).
COUNCIL_TABLES = ("council_meeting", "council_resolution", "council_term", "council_recordtranslation")
# Raise when home_body.html changes what a cached rendering holds.
MARKUP = 1


def _next_change(now):
    """The next moment a consultation opens or closes; in a day at the latest."""
    found = ConsultationPage.objects.live().aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)), closes=Min("closes_at", filter=Q(closes_at__gt=now))
    )
    return min(moment for moment in (now + datetime.timedelta(days=1), found["opens"], found["closes"]) if moment)


def _render(page, request):
    now = timezone.now()
    until = _next_change(now)
    html = render_to_string(
        "cms/includes/home_body.html",
        {
            "page": page,
            "request": request,  # for {% pageurl %}'s site; the template shows nothing of the reader
            "latest_news": NewsPage.objects.live().public().descendant_of(page).order_by("-date", "-pk")[:3],
            "areas": ThematicAreaPage.objects.live().public().descendant_of(page).order_by("path"),
            "open_consultations": open_consultations(home=page, now=now),
        },
    )
    return {"html": html, "until": until}


def home_body(page, request):
    site = Site.find_for_request(request)
    version = pages_version(request)
    # The page's own fields are in the key: a preview of a draft renders apart.
    content = (page.hero_title, page.intro, page.vision, page.content_language)
    key = ("home", MARKUP, site.pk if site else None, page.pk, current_language(), content, version)
    body = fragments.fragment(key, lambda: _render(page, request), fresh=lambda value: timezone.now() < value["until"])
    council = council_cards()
    # Rendered by our own templates, every text escaped there.
    return mark_safe(body["html"].replace(COUNCIL_MARKER, council, 1))  # noqa: S308


def council_cards():
    """The next meeting and the latest resolutions, rendered once per language and
    day (which meeting is the next one) until the council's records change."""
    today = timezone.localdate()
    (version,) = fragments.versions(COUNCIL)
    key = ("home-council", MARKUP, current_language(), today.isoformat(), version)
    return fragments.fragment(
        key, lambda: render_to_string("cms/includes/home_council.html", home_summary(today=today))
    )


def council_changed():
    """A meeting, a resolution, a term or a record's translation was written: the cards are rendered again."""
    fragments.bump(COUNCIL)
