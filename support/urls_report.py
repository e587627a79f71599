from django.urls import path

from . import views

app_name = "report"

urlpatterns = [
    path("", views.report, name="report"),
    path("status/", views.report_status, name="status"),
]
