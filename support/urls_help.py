from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("", views.help_index, name="help"),
    path("ask/", views.ask, name="ask"),
]
