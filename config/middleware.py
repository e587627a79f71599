from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Paths that live outside the language prefixes.  Django's middleware would
# answer a 404 there with a redirect to /pl/…, because Wagtail's catch-all
# route makes every prefixed path look valid.
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/health/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
