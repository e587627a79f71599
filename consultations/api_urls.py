from django.urls import path

from . import api

urlpatterns = [
    path("consultations/", api.consultation_list, name="api_consultations"),
    path("consultations/<str:key>/", api.consultation_detail, name="api_consultation"),
    path("consultations/<str:key>/comments/", api.consultation_comments, name="api_consultation_comments"),
    path("consultations/<str:key>/proposals/", api.consultation_proposals, name="api_consultation_proposals"),
]
