"""Participation in numbers, under ``/<lang>/statistics/``."""

from django.urls import path

from . import views_stats

app_name = "statistics"

urlpatterns = [
    path("", views_stats.overview, name="overview"),
    path("data/<slug:slug>.<str:fmt>", views_stats.data, name="data"),
    path("<slug:area>/", views_stats.area, name="area"),
    path("<slug:area>/data/<slug:slug>.<str:fmt>", views_stats.data, name="area_data"),
]
