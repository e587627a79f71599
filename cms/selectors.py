"""Reads of the site's own pages that other parts of the site link to."""

from django.core.paginator import Paginator
from wagtail.models import Locale, Page

from .models import ThematicAreaPage

SEARCH_RESULTS_PER_PAGE = 10


def area_page(*, area, language):
    """The page of thematic ``area`` in ``language``, or None where there is none."""
    return (
        ThematicAreaPage.objects.live()
        .public()
        .filter(area=area, locale__language_code=language)
        .order_by("path")
        .first()
    )


def search(*, query, page_number):
    """A page of the live public pages of the active language that match ``query``."""
    pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
    return Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE).get_page(page_number)
