from django.urls import path

from . import views

app_name = "council"
urlpatterns = [
    path("members/", views.member_list, name="members"),
    path("members/<int:pk>/", views.member_detail, name="member"),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/ballot/", views.ballot, name="ballot"),
    path("meetings/<int:pk>/projector/", views.meeting_projector, name="projector"),
    path("meetings/<int:pk>/console/", views.meeting_console, name="console"),
    path("meetings/<int:pk>/start/", views.meeting_start, name="meeting_start"),
    path("meetings/<int:pk>/close/", views.meeting_close, name="meeting_close"),
    path("meetings/<int:pk>/check-in/", views.check_in, name="check_in"),
    path("meetings/<int:pk>/attendance/", views.attendance_set, name="attendance"),
    path("meetings/<int:pk>/items/<int:item_pk>/select/", views.agenda_item_select, name="item_select"),
    path("meetings/<int:pk>/items/<int:item_pk>/polls/", views.poll_create, name="poll_create"),
    path("meetings/<int:pk>/minutes/", views.minutes_detail, name="minutes"),
    path("meetings/<int:pk>/minutes/edit/", views.minutes_edit, name="minutes_edit"),
    path("meetings/<int:pk>/minutes/publish/", views.minutes_publish, name="minutes_publish"),
    path("polls/<int:pk>/open/", views.poll_open, name="poll_open"),
    path("polls/<int:pk>/close/", views.poll_close, name="poll_close"),
    path("polls/<int:pk>/discard/", views.poll_discard, name="poll_discard"),
    path("polls/<int:pk>/ballot/", views.ballot_cast, name="ballot_cast"),
    path("motions/", views.motion_list, name="motions"),
    path("motions/new/", views.motion_create, name="motion_create"),
    path("motions/<int:pk>/", views.motion_detail, name="motion"),
    path("motions/<int:pk>/edit/", views.motion_edit, name="motion_edit"),
    path("motions/<int:pk>/submit/", views.motion_submit, name="motion_submit"),
    path("motions/<int:pk>/sponsor/", views.motion_sponsor, name="motion_sponsor"),
    path("motions/<int:pk>/withdraw/", views.motion_withdraw, name="motion_withdraw"),
    path("motions/<int:pk>/schedule/", views.motion_schedule, name="motion_schedule"),
    path("resolutions/", views.resolution_list, name="resolutions"),
    path("resolutions/<int:pk>/", views.resolution_detail, name="resolution"),
]
