from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("mine/", views.my_registrations, name="mine"),
    path("<int:pk>/", views.event_detail, name="event"),
    path("<int:pk>/register/", views.event_register, name="register"),
    path("meetings/<int:pk>/register/", views.meeting_register, name="meeting_register"),
    path("registrations/<int:pk>/cancel/", views.registration_cancel, name="cancel"),
]
