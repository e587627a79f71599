"""Atom and RSS feeds of consultations (all, and per thematic area), their
published outcomes and the council's resolutions, in each site language.

A feed under ``/<lang>/feeds/`` lists each item once, in that language where
the content is translated (else in the original, marked with its language in
Atom's ``xml:lang``).  The selectors read everything in a fixed number of
queries; this module only turns what they return into entries.  Nothing a
resident wrote, and no contact or e-mail address, goes into a feed.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from cms.selectors import area_page
from consultations import selectors as consultation_selectors
from consultations.models import Status
from core.areas import Area
from core.language import current_language
from core.text import clean_text, plain_text
from council import selectors as council_selectors

FEED_LENGTH = 50

# Entry and feed ids are UUIDs derived from this namespace and the record's
# stable key, so they survive renamed slugs, moved pages and a new host name.
ID_NAMESPACE = uuid.UUID("6d1f3c9e-2b7a-4c55-9e0d-5a8f7b1e2c40")


def stable_id(*parts):
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, '/'.join(str(part) for part in parts))}"


@dataclass
class Entry:
    title: str
    link: str
    guid: str
    description: str
    published: datetime
    language: str
    updated: datetime | None = None
    categories: list[str] = field(default_factory=list)


@dataclass
class Channel:
    title: str
    link: str
    description: str
    guid: str
    entries: list[Entry]


class LocalizedAtom1Feed(Atom1Feed):
    """Atom with each entry's ``xml:lang``: an untranslated item keeps its own language."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class EntryFeed(Feed):
    """A feed of prepared :class:`Entry` objects.  Subclasses build the
    :class:`Channel` in ``channel(request, language, **kwargs)``; the request
    travels in the object, never on the shared feed instance."""

    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    # Every text is cleaned of control characters on its way out: XML cannot
    # carry them, and a resolution stored with one (before texts were cleaned
    # as they came in) is frozen, so the feed must cope rather than fail.

    def get_object(self, request, *args, **kwargs):
        return self.channel(request, current_language(), **kwargs)

    def channel(self, request, language, **kwargs):
        raise NotImplementedError

    def title(self, obj):
        return clean_text(obj.title)

    def link(self, obj):
        return obj.link

    def description(self, obj):
        return clean_text(obj.description)

    def subtitle(self, obj):
        return clean_text(obj.description)

    def feed_guid(self, obj):
        return obj.guid

    def author_name(self, obj):
        return _("Immigrants' Council of Gdańsk")

    def items(self, obj):
        return obj.entries

    def item_title(self, item):
        return clean_text(item.title)

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return item.guid

    def item_description(self, item):
        return clean_text(item.description)

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return [clean_text(category) for category in item.categories]

    def item_extra_kwargs(self, item):
        return {"language": item.language}


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else request.build_absolute_uri("/")


def _consultation_entry(request, language, page):
    return Entry(
        title=page.title,
        link=_absolute(request, page.get_url(request)),
        guid=stable_id("consultation", page.translation_key, language),
        description=render_to_string(
            "opendata/feeds/consultation.html",
            {"page": page, "status": Status(page.status).label, "summary": plain_text(page.summary)},
        ),
        published=page.first_published_at or page.opens_at,
        updated=page.last_published_at,
        language=page.content_language,
        categories=[str(area.label) for area in page.areas.all()],
    )


class ConsultationsFeed(EntryFeed):
    """``/<lang>/feeds/consultations.rss`` and ``/<lang>/feeds/consultations/<area>.rss``."""

    def channel(self, request, language, area=None):
        if area is not None and area not in Area.values:
            raise Http404
        pages = consultation_selectors.consultations_in_language(
            language=language, now=timezone.now(), area=area, limit=FEED_LENGTH
        )
        if area:
            listing = area_page(area=area, language=language)
        else:
            listing = consultation_selectors.consultation_index_page(language=language)
        if area:
            title = _("Consultations: %(area)s") % {"area": Area(area).label}
            description = _("Public consultations of the City of Gdańsk in the thematic area %(area)s.") % {
                "area": Area(area).label
            }
        else:
            title = _("Public consultations")
            description = _("Public consultations of the City of Gdańsk and the Immigrants' Council.")
        return Channel(
            title=f"{title} · Rada",
            link=_absolute(request, listing.get_url(request) if listing else None),
            description=description,
            guid=stable_id("feed", "consultations", area or "all", language),
            entries=[_consultation_entry(request, language, page) for page in pages],
        )


class ConsultationsAtomFeed(ConsultationsFeed):
    feed_type = LocalizedAtom1Feed


class OutcomesFeed(EntryFeed):
    """``/<lang>/feeds/outcomes.rss``: what came of each consultation, once published."""

    def channel(self, request, language):
        outcomes = consultation_selectors.published_outcomes_in_language(language=language, limit=FEED_LENGTH)
        listing = consultation_selectors.consultation_index_page(language=language)
        entries = [
            Entry(
                title=_("Outcome: %(title)s") % {"title": outcome.consultation.title},
                link=_absolute(request, outcome.get_url(request)),
                guid=stable_id("outcome", outcome.translation_key, language),
                description=render_to_string(
                    "opendata/feeds/outcome.html",
                    {
                        "outcome": outcome,
                        "heard": plain_text(outcome.summary),
                        "changed": plain_text(outcome.changes),
                    },
                ),
                published=outcome.first_published_at,
                updated=outcome.last_published_at,
                language=outcome.content_language,
                categories=[str(area.label) for area in outcome.consultation.areas.all()],
            )
            for outcome in outcomes
        ]
        return Channel(
            title=_("Outcomes of consultations") + " · Rada",
            link=_absolute(request, listing.get_url(request) if listing else None),
            description=_("What the City of Gdańsk heard and changed after each public consultation."),
            guid=stable_id("feed", "outcomes", language),
            entries=entries,
        )


class OutcomesAtomFeed(OutcomesFeed):
    feed_type = LocalizedAtom1Feed


class ResolutionsFeed(EntryFeed):
    """``/<lang>/feeds/resolutions.rss``: the council's resolutions, newest first."""

    def channel(self, request, language):
        resolutions = council_selectors.latest_resolutions(limit=FEED_LENGTH)
        entries = [
            Entry(
                title=f"{resolution.label}: {resolution.shown.title}",
                link=_absolute(request, resolution.get_absolute_url()),
                guid=stable_id("resolution", resolution.term.number, resolution.number, language),
                description=render_to_string("opendata/feeds/resolution.html", {"resolution": resolution}),
                # The moment the vote that adopted it closed.
                published=resolution.poll.closed_at,
                language=resolution.shown.language,
                categories=[str(Area(resolution.motion.area).label)] if resolution.motion.area else [],
            )
            for resolution in resolutions
        ]
        return Channel(
            title=_("Resolutions of the Immigrants' Council") + " · Rada",
            link=_absolute(request, reverse("council:resolutions")),
            description=_("Resolutions adopted by the Immigrants' Council of Gdańsk."),
            guid=stable_id("feed", "resolutions", language),
            entries=entries,
        )


class ResolutionsAtomFeed(ResolutionsFeed):
    feed_type = LocalizedAtom1Feed
