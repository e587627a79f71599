from django.urls import path

from . import views_docs

urlpatterns = [
    path("", views_docs.open_data, name="open_data"),
    path("api/", views_docs.api_docs, name="api_docs"),
]
