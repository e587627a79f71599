"""Reads of the site's own pages that other parts of the site link to."""

from .models import ThematicAreaPage


def area_page(*, area, language):
    """The page of thematic ``area`` in ``language``, or None where there is none."""
    return (
        ThematicAreaPage.objects.live()
        .public()
        .filter(area=area, locale__language_code=language)
        .order_by("path")
        .first()
    )
