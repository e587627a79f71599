from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


def search(request):
    """Full-text search over the live public pages of the current language."""
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_QUERY_MAX_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"query": query, "results": results})
