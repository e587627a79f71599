"""The yearly evaluation reports of the Model, under ``/<lang>/model/evaluation/``."""

from django.urls import path

from . import views_evaluation

app_name = "evaluation"

urlpatterns = [
    path("", views_evaluation.index, name="index"),
    path("<int:year>/", views_evaluation.report, name="report"),
]
