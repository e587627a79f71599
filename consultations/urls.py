from django.urls import path

from accounts import views as account_views

from . import views

app_name = "consultations"
urlpatterns = [
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("comments/<int:pk>/rate/", views.comment_rate, name="comment_rate"),
    path("comments/<int:pk>/report/", views.comment_report, name="comment_report"),
    path("pseudonym/<int:page_id>/", views.pseudonym, name="pseudonym"),
    path("facilitate/<int:page_id>/", views.comment_facilitate, name="comment_facilitate"),
    path("proposals/new/<int:page_id>/", views.proposal_submit, name="proposal_submit"),
    path("proposals/<int:pk>/support/", views.proposal_support, name="proposal_support"),
    path("follow/<int:page_id>/", views.follow, name="follow"),
    path("follow-area/<slug:area>/", views.follow_area, name="follow_area"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # Account pages (issue 7, item 7).  They belong under /<lang>/accounts/, but
    # cms/urls.py includes allauth's URLs there and nothing of accounts/; until
    # it does, they live here, under /<lang>/participation/.
    path("invitation/", account_views.invitation_register, name="invitation_register"),
    path("invitations/issue/", account_views.invitation_issue, name="invitation_issue"),
    path("invitations/", account_views.invitation_list, name="invitation_list"),
    path("account/privacy/", account_views.account_privacy, name="account_privacy"),
]
