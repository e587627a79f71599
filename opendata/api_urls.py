from django.urls import path

from . import api

urlpatterns = [
    path("", api.index, name="api_index"),
    path("openapi.json", api.openapi_document, name="api_openapi"),
]
