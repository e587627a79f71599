from django.shortcuts import render

from . import selectors

SEARCH_QUERY_MAX_LENGTH = 200


def search(request):
    """Search over everything public, grouped by kind; ``kind`` pages through one kind."""
    query = " ".join(request.GET.get("q", "").replace("\x00", "").split())[:SEARCH_QUERY_MAX_LENGTH]
    kind = request.GET.get("kind") if request.GET.get("kind") in selectors.SEARCH_KINDS else None
    results = selectors.search(query=query, kind=kind, page_number=request.GET.get("page")) if query else None
    context = {"query": query, "kind": kind, "results": results}
    if results:
        context["total"] = sum(group.count for group in results["groups"])
    return render(request, "cms/search.html", context)
