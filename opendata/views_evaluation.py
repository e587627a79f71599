"""The yearly evaluation reports (``evaluation.py``)."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import evaluation


def index(request):
    return render(request, "opendata/evaluation/index.html", {"years": evaluation.years(today=timezone.localdate())})


def report(request, year):
    years = evaluation.years(today=timezone.localdate())
    if year not in years:
        raise Http404(_("There is no evaluation report for that year."))
    return render(
        request,
        "opendata/evaluation/report.html",
        {"year": year, "years": years, "sections": evaluation.report(year)},
    )
