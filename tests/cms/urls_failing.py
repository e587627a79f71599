"""A URLconf whose one view fails, to see the 500 page in each language."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

handler500 = "config.views.server_error"


def fail(request):
    raise RuntimeError("deliberate failure for the 500 page test")


urlpatterns = i18n_patterns(path("fail/", fail), prefix_default_language=True)
