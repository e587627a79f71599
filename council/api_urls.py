from django.urls import path

from . import api

urlpatterns = [
    path("meetings/", api.meeting_list, name="api_council_meetings"),
    path("meetings/<int:pk>/", api.meeting_detail, name="api_council_meeting"),
    path("polls/<int:pk>/", api.poll_detail, name="api_council_poll"),
    path("motions/", api.motion_list, name="api_council_motions"),
    path("resolutions/", api.resolution_list, name="api_council_resolutions"),
]
