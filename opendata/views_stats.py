"""The statistics pages and the downloads of their datasets (``datasets.py``)."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.selectors import area_page
from core.areas import Area
from core.language import current_language

from . import datasets

FORMATS = datasets.FORMATS


def _check_area(area):
    if area not in Area.values:
        raise Http404(_("There is no such thematic area."))
    return area


def overview(request):
    context = datasets.context_now()
    return render(
        request,
        "opendata/statistics/overview.html",
        {
            **context,
            "totals": datasets.totals(None, context["term"]),
            "datasets": datasets.datasets(None, context),
            "areas": Area.choices,
        },
    )


def area(request, area):
    _check_area(area)
    context = datasets.context_now()
    return render(
        request,
        "opendata/statistics/area.html",
        {
            **context,
            "area": area,
            "area_label": Area(area).label,
            "area_page": area_page(area=area, language=current_language()),
            "totals": datasets.totals(area, context["term"]),
            "datasets": datasets.datasets(area, context),
            "indicators": datasets.indicators_of(area),
            "areas": Area.choices,
        },
    )


def data(request, slug, fmt, area=None):
    if area is not None:
        _check_area(area)
    found = datasets.dataset(slug, area, datasets.context_now())
    if found is None or fmt not in FORMATS:
        raise Http404(_("There is no such data."))
    return datasets.download(found, area=area, file_format=fmt)
