"""The project's own error page (the health check is in ``config/health.py``)."""

from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from core.language import current_language


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Render the error page in the visitor's language without touching the
    database, which may be the very thing that failed."""
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": current_language(), "request": request}))
