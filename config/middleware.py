from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.conf import settings
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.http import url_has_allowed_host_and_scheme

from core.ratelimit import RateLimited, request_limits, too_many_requests

# Paths that live outside the language prefixes.  Django's middleware would
# answer a 404 there with a redirect to /pl/…, because Wagtail's catch-all
# route makes every prefixed path look valid.
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/health/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)


class SafeNextMiddleware:
    """Drops a ``?next=`` that is not a path on this site.

    Django's and Wagtail's login views redirect an already signed-in person to
    ``next`` at once, and ``redirect()`` reads a value without a slash as the
    name of a URL pattern: ``?next=abc`` fails with NoReverseMatch (a 500), and
    a control character fails in the Location header.  Every next page Rada
    links to is a path starting with one slash, so anything else goes, and the
    view falls back to its default page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = request.GET.getlist("next")
        if values and not all(_is_local_path(value) for value in values):
            request.GET = request.GET.copy()
            request.GET.setlist("next", [value for value in values if _is_local_path(value)])
            if not request.GET.getlist("next"):
                del request.GET["next"]
        return self.get_response(request)


class NulFreeQueryMiddleware:
    """Takes NUL characters out of the query string's values before any view reads them.

    No form of Rada's sends one, and PostgreSQL refuses a NUL inside a string: a
    crafted ``?q=%00`` reaching a filter in Wagtail's admin or a library's view
    would end as a 500.  Rada's own views clean what they read as well
    (``core.text``); this covers every view at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.GET.urlencode() or "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = request.GET.copy()
            for key in list(cleaned):
                values = cleaned.getlist(key)
                del cleaned[key]
                cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            request.GET = cleaned
        return self.get_response(request)


def _is_local_path(value):
    return (
        value.startswith("/")
        and not value.startswith(("//", "/\\"))
        and value.isprintable()
        and url_has_allowed_host_and_scheme(value, allowed_hosts=None)
    )


class RateLimitedMiddleware:
    """A request refused by a rate limit answers 429 with ``Retry-After``: the
    view's own page (a form showing the refusal, typed text kept) when it
    caught the :class:`core.ratelimit.RateLimited`, else the 429 page.  A
    redirect stays a redirect: its message shows on the next page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_limits() as limited:
            response = self.get_response(request)
            retry_after = limited()
        if retry_after and response.status_code in (200, 400):
            response.status_code = 429
            response.reason_phrase = "Too Many Requests"
            response["Retry-After"] = str(retry_after)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, RateLimited):
            return too_many_requests(request, retry_after=exception.retry_after, message=exception.message)
        return None


# The Wagtail admin (and its page preview, which it frames) writes inline
# scripts and styles and shows uploaded images as blobs; only there are they
# allowed, and only the admin itself may frame its pages.
ADMIN_POLICY = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-ancestors": ["'self'"],
}


# The pattern library (development and test settings only) shows each component
# in a frame of its own page.
PATTERN_LIBRARY_POLICY = {"frame-ancestors": ["'self'"]}


# What a response may carry to change its own policy (django-csp's decorators).
_OWN_POLICY = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt") + tuple(
    f"{name}_ro" for name in ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with ``CONTENT_SECURITY_POLICY`` everywhere, and
    :data:`ADMIN_POLICY` replacing some of its directives under ``/admin/``
    (:data:`PATTERN_LIBRARY_POLICY` under ``/pattern-library/``).

    Without a nonce or a policy of the response's own, the headers depend only
    on which of those three the path is in: they are built once per process
    (building them took a third of the time of a page served from the cache)."""

    _built = {}

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in _OWN_POLICY)
            or settings.DEBUG
        ):
            return super().process_response(request, response)
        path = request.path_info
        kind = "admin" if path.startswith("/admin/") else "patterns" if path.startswith("/pattern-library/") else ""
        policies = (settings.CONTENT_SECURITY_POLICY, getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None))
        built = self._built.get(kind)
        if built is None or built[0] is not policies[0] or built[1] is not policies[1]:  # settings changed (tests)
            probe = super().process_response(request, HttpResponse())
            headers = [(name, probe[name]) for name in (HEADER, HEADER_REPORT_ONLY) if name in probe]
            built = self._built[kind] = (*policies, headers)
        for name, value in built[2]:
            if name not in response:
                response[name] = value
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if request.path_info.startswith("/admin/"):
            parts.replace = {**ADMIN_POLICY, **(parts.replace or {})}
        elif request.path_info.startswith("/pattern-library/"):
            parts.replace = {**PATTERN_LIBRARY_POLICY, **(parts.replace or {})}
        return parts


class PermissionsPolicyMiddleware:
    """Sets ``PERMISSIONS_POLICY`` as the Permissions-Policy header of every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
