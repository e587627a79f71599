from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.language import current_language
from core.text import clean_line

from . import selectors
from .forms import TaskFilterForm

SEARCH_QUERY_MAX_LENGTH = 200


def search(request):
    """Search over everything public, grouped by kind; ``kind`` pages through one kind."""
    query = " ".join(clean_line(request.GET.get("q", "")).split())[:SEARCH_QUERY_MAX_LENGTH]
    kind = request.GET.get("kind") if request.GET.get("kind") in selectors.SEARCH_KINDS else None
    results = selectors.search(query=query, kind=kind, page_number=request.GET.get("page")) if query else None
    context = {"query": query, "kind": kind, "results": results}
    if results:
        context["total"] = sum(group.count for group in results["groups"])
    return render(request, "cms/search.html", context)


def task_list(request):
    """The Model's tasks, filtered by area, status and lead with a plain GET form."""
    leads = list(selectors.task_leads())
    form = TaskFilterForm(request.GET or None, leads=leads)
    chosen = form.chosen() if form.is_bound else {}
    counts = selectors.task_status_counts(area=chosen.get("area"), lead=chosen.get("lead"))
    return render(
        request,
        "cms/task_list.html",
        {
            "form": form,
            "chosen": chosen,
            "tasks": list(selectors.tasks(**chosen)),
            "download_query": "?" + urlencode({"lang": current_language(), **chosen}),
            "status_counts": [(status, status.label, count) for status, count in counts.items() if count],
        },
    )


def task_detail(request, slug):
    task = selectors.task(slug)
    if task is None:
        raise Http404(_("There is no such task of the Model."))
    return render(
        request,
        "cms/task_detail.html",
        {
            "task": task,
            "consultations": selectors.task_consultations(task),
            "area_pages": selectors.area_pages_of(task),
        },
    )
