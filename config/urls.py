from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from opendata import api as opendata_api

from . import health

handler500 = "config.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("health/", health.health, name="health"),
    path("api/v1/", include("opendata.api_urls")),  # first: openapi.json is not a download
    path("api/v1/", include("consultations.api_urls")),
    path("api/v1/council/", include("council.api_urls")),
    re_path(r"^api/(?P<rest>.*)$", opendata_api.not_found),  # last of the API: a JSON 404
    path("", include("opendata.urls_root")),  # sitemap.xml, robots.txt
]

urlpatterns += i18n_patterns(
    path("search/", cms_views.search, name="search"),
    path("accounts/", include("accounts.urls")),  # Rada's account pages first: allauth takes the rest
    path("accounts/", include("allauth.urls")),
    path("participation/", include("consultations.urls")),
    path("council/", include("council.urls")),
    path("feeds/", include("opendata.urls_feeds")),
    path("statistics/", include("opendata.urls_stats")),
    path("open-data/", include("opendata.urls_docs")),
    path("translators/", include("translators.urls")),
    path("events/", include("events.urls")),
    path("glossary/", include("plainlanguage.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
