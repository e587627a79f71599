from django.urls import path

from . import views

app_name = "translators"

urlpatterns = [
    path("", views.translator_list, name="list"),
    path("register/", views.register, name="register"),
    path("queue/", views.queue, name="queue"),
    path("translate/<str:kind>/<int:pk>/<str:language>/", views.translate, name="translate"),
    path("assignments/", views.assignments, name="assignments"),
    path("assignments/<int:pk>/answer/", views.assignment_answer, name="assignment_answer"),
    path("detect/", views.detect, name="detect"),
]
