from django.urls import path

from . import survey_views, views

app_name = "consultations"
urlpatterns = [
    path("comments/new/<int:page_id>/", views.comment_create, name="comment_create"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("comments/<int:pk>/rate/", views.comment_rate, name="comment_rate"),
    path("comments/<int:pk>/report/", views.comment_report, name="comment_report"),
    path("pseudonym/<int:page_id>/", views.pseudonym, name="pseudonym"),
    path("facilitate/<int:page_id>/", views.comment_facilitate, name="comment_facilitate"),
    path("proposals/new/<int:page_id>/", views.proposal_submit, name="proposal_submit"),
    path("proposals/<int:pk>/support/", views.proposal_support, name="proposal_support"),
    path("sections/<int:page_id>/<str:section_id>/wording/", views.section_wording, name="section_wording"),
    path("sections/<int:page_id>/<str:section_id>/drafts/", views.section_drafts, name="section_drafts"),
    path("wording/<int:pk>/support/", views.wording_support, name="wording_support"),
    path("follow/<int:page_id>/", views.follow, name="follow"),
    path("follow-area/<slug:area>/", views.follow_area, name="follow_area"),
    path("survey/<int:page_id>/", survey_views.survey, name="survey"),
    path("survey/<int:page_id>/paper/", survey_views.survey_paper, name="survey_paper"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
