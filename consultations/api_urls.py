from django.urls import path

from . import api, survey_api

urlpatterns = [
    path("consultations/", api.consultation_list, name="api_consultations"),
    path("outcomes/", api.outcome_list, name="api_outcomes"),
    path("consultations/<str:key>/", api.consultation_detail, name="api_consultation"),
    path("consultations/<str:key>/comments/", api.consultation_comments, name="api_consultation_comments"),
    path("consultations/<str:key>/proposals/", api.consultation_proposals, name="api_consultation_proposals"),
    path("consultations/<str:key>/wordings/", api.consultation_wordings, name="api_consultation_wordings"),
    path("consultations/<str:key>/survey/", survey_api.survey, name="api_consultation_survey"),
]
# Before the downloads below, whose pattern would take "survey.csv" for a listing.
urlpatterns += [
    path(
        f"consultations/<str:key>/survey.{extension}",
        survey_api.survey_download,
        {"file_format": extension},
        name=f"api_consultation_survey_{extension}",
    )
    for extension in ("csv", "xlsx", "json")
]

# Downloads: every row of a listing, with the same filters, as CSV or JSON.
for extension in ("csv", "json"):
    urlpatterns += [
        path(f"<str:listing>.{extension}", api.download, {"file_format": extension}, name=f"api_download_{extension}"),
        path(
            f"consultations/<str:key>/<str:listing>.{extension}",
            api.download_nested,
            {"file_format": extension},
            name=f"api_download_nested_{extension}",
        ),
    ]
