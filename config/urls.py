from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import participation as cms_participation
from cms import routing as cms_routing
from cms import views as cms_views
from opendata import api as opendata_api

from . import health, views

handler500 = "config.views.server_error"
# allauth answers its own limits through this too.
handler429 = "config.views.too_many_requests"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("health/", health.health, name="health"),
    # Browsers ask for /favicon.ico before reading any page; the file lives with the static files.
    path("favicon.ico", views.favicon, name="favicon"),
    path("api/v1/", include("opendata.api_urls")),  # first: openapi.json is not a download
    path("api/v1/", include("consultations.api_urls")),
    path("api/v1/council/", include("council.api_urls")),
    path("api/v1/model/", include("cms.api_urls")),
    path("api/v1/help/", include("support.api_urls")),
    re_path(r"^api/(?P<rest>.*)$", opendata_api.not_found),  # last of the API: a JSON 404
    path("", include("opendata.urls_root")),  # sitemap.xml, robots.txt
]

urlpatterns += i18n_patterns(
    path("search/", cms_views.search, name="search"),
    path("accounts/", cms_participation.my_participation, name="my_participation"),
    # allauth's default landing page after login and e-mail confirmation, which Rada has not.
    path("accounts/profile/", RedirectView.as_view(pattern_name="my_participation"), name="account_profile"),
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
    # Before Wagtail's pages: the Model's page is /model/, its tasks and evaluation are records.
    path("model/tasks/", include("cms.urls_tasks")),
    path("model/evaluation/", include("opendata.urls_evaluation")),
    path("help/", include("support.urls_help")),
    path("report/", include("support.urls_report")),
    # Wagtail's pages, found through the cache (cms/routing.py); Wagtail's own view
    # behind it, and its own patterns (its utilities, and reversing page addresses).
    re_path("^(?!_util/)" + wagtail_urls.serve_pattern.removeprefix("^"), cms_routing.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

if apps.is_installed("pattern_library"):  # development and test settings only (config/settings/base.py)
    urlpatterns = [path("pattern-library/", include("pattern_library.urls")), *urlpatterns]
