"""What every read-only JSON endpoint under /api/v1/ shares: errors as JSON,
one way of paging, and 404s that answer in JSON too."""

import functools

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

PAGE_SIZE = 50


def error(message, status):
    return JsonResponse({"error": message}, status=status)


def paginate(request, items, serialize, page_size=PAGE_SIZE):
    """``{"count", "next", "previous", "results"}`` for ``?page=``; None when
    the page does not exist."""
    try:
        number = int(request.GET.get("page", "1"))
        page = Paginator(items, page_size).page(number)
    except (ValueError, EmptyPage):
        return None
    base = request.build_absolute_uri(request.path)
    params = request.GET.copy()

    def link(n):
        params["page"] = n
        return f"{base}?{params.urlencode()}"

    return {
        "count": page.paginator.count,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": [serialize(item) for item in page.object_list],
    }


def paginated_response(request, items, serialize):
    body = paginate(request, items, serialize)
    return JsonResponse(body) if body is not None else error("No such page of results.", 404)


def json_get(not_found):
    """A GET-only endpoint whose Http404 becomes ``{"error": not_found}``."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except Http404:
                return error(not_found, 404)

        return require_GET(wrapped)

    return decorator
