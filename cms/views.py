from django.shortcuts import render

from core.text import clean_line

from . import selectors

SEARCH_QUERY_MAX_LENGTH = 200


def search(request):
    """Full-text search over the live public pages of the current language."""
    query = clean_line(request.GET.get("q", ""))[:SEARCH_QUERY_MAX_LENGTH]
    results = selectors.search(query=query, page_number=request.GET.get("page")) if query else None
    return render(request, "cms/search.html", {"query": query, "results": results})
