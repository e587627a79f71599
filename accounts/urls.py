"""Rada's own account pages, under /<lang>/accounts/ beside allauth's
(sign-up, login, e-mail, password), which ``config/urls.py`` includes after these."""

from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("invitation/", views.invitation_register, name="invitation_register"),
    path("invitations/issue/", views.invitation_issue, name="invitation_issue"),
    path("invitations/", views.invitation_list, name="invitation_list"),
    path("privacy/", views.account_privacy, name="account_privacy"),
    path("settings/", views.account_settings, name="account_settings"),
]
