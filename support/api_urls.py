from django.urls import path

from . import api

urlpatterns = [
    path("services/", api.service_list, name="api_help_services"),
    path("faqs/", api.faq_list, name="api_help_faqs"),
]

# Downloads: every row, with the same filters, as CSV or JSON.
for extension in ("csv", "json"):
    urlpatterns.append(
        path(f"<str:listing>.{extension}", api.download, {"file_format": extension}, name=f"api_help_{extension}")
    )
