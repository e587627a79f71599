from django.urls import path

from . import views

app_name = "plainlanguage"

urlpatterns = [
    path("", views.glossary, name="glossary"),
]
