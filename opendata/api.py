"""/api/v1/ itself: where to start, and the OpenAPI document."""

from django.http import Http404, JsonResponse
from django.urls import reverse

from core.jsonapi import api_view

from . import openapi


@api_view()
def index(request):
    """The entry point: every listing and the documents that describe them."""

    def absolute(path):
        return request.build_absolute_uri(path)

    return JsonResponse(
        {
            "openapi": absolute(reverse("api_openapi")),
            "documentation": absolute(reverse("api_docs")),
            "listings": {
                listing.name: absolute("/api/v1" + path) for path, listing, _tag in openapi.LISTINGS if "{" not in path
            },
        }
    )


@api_view()
def openapi_document(request):
    return JsonResponse(openapi.document(request.build_absolute_uri("/")), json_dumps_params={"ensure_ascii": False})


@api_view("There is nothing at this address in the API; see /api/v1/ for what there is.")
def not_found(request, rest=""):
    """Any other address under /api/: a JSON 404, not the site's HTML page."""
    raise Http404
