from django.urls import path

from . import api

urlpatterns = [
    path("tasks/", api.task_list, name="api_model_tasks"),
    path("tasks/<int:pk>/", api.task_detail, name="api_model_task"),
    # Downloads: every task, with the same filters, as CSV, XLSX or JSON.
    *[path(f"tasks.{ext}", api.download, {"file_format": ext}, name=f"api_model_tasks_{ext}") for ext in api.FORMATS],
]
