"""The project's own views: the favicon and the error page (the health check is in
``config/health.py``)."""

from django.http import HttpResponseRedirect, HttpResponseServerError
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.csrf import requires_csrf_token

from core.language import current_language
from core.ratelimit import too_many_requests as rate_limited_page


def favicon(request):
    """Browsers ask for /favicon.ico before reading any page: send them to the
    static file (its hashed name in production), cacheable for a day."""
    response = HttpResponseRedirect(static("img/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Render the error page in the visitor's language without touching the
    database, which may be the very thing that failed."""
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": current_language(), "request": request}))


def too_many_requests(request, exception=None):
    """allauth's limits (login requests per address, password resets) answer here."""
    return rate_limited_page(request, retry_after=60)
