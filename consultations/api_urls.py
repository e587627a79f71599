from django.urls import path

from . import api

urlpatterns = [
    path("consultations/", api.consultation_list, name="api_consultations"),
    path("outcomes/", api.outcome_list, name="api_outcomes"),
    path("consultations/<str:key>/", api.consultation_detail, name="api_consultation"),
    path("consultations/<str:key>/comments/", api.consultation_comments, name="api_consultation_comments"),
    path("consultations/<str:key>/proposals/", api.consultation_proposals, name="api_consultation_proposals"),
    path("consultations/<str:key>/wordings/", api.consultation_wordings, name="api_consultation_wordings"),
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
