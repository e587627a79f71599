"""The site root's machine-readable files: ``/sitemap.xml`` and ``/robots.txt``."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from core.language import LANGUAGE_CODES

from .sitemaps import sitemaps_for

# Paths under every language prefix that hold forms, personal screens or
# endless result lists rather than public content.
PRIVATE_UNDER_LANGUAGE = (
    "accounts/",
    "participation/",
    "search/",
    "council/motions/new/",
    "council/meetings/*/console/",
    "council/meetings/*/ballot/",
    "council/meetings/*/minutes/edit/",
)
PRIVATE_AT_ROOT = ("/admin/", "/health/", "/ws/")


@require_GET
def sitemap(request):
    return django_sitemap(request, sitemaps_for(request))


@require_GET
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in PRIVATE_AT_ROOT]
    lines += [f"Disallow: /{code}/{path}" for code in LANGUAGE_CODES for path in PRIVATE_UNDER_LANGUAGE]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
