from django.urls import path

from . import api, api_membership

urlpatterns = [
    path("candidates/", api_membership.candidate_list, name="api_council_candidates"),
    path("memberships/", api_membership.membership_list, name="api_council_memberships"),
    path("meetings/", api.meeting_list, name="api_council_meetings"),
    path("meetings/<int:pk>/", api.meeting_detail, name="api_council_meeting"),
    path("polls/", api.poll_list, name="api_council_polls"),
    path("polls/<int:pk>/", api.poll_detail, name="api_council_poll"),
    path("votes/", api.vote_list, name="api_council_votes"),
    path("motions/", api.motion_list, name="api_council_motions"),
    path("resolutions/", api.resolution_list, name="api_council_resolutions"),
]

# Downloads: every row of a listing, with the same filters, as CSV or JSON.
for extension in ("csv", "json"):
    for listing in api_membership.LISTINGS:
        urlpatterns.append(
            path(
                f"{listing}.{extension}",
                api_membership.download,
                {"listing": listing, "file_format": extension},
                name=f"api_council_{listing}_{extension}",
            )
        )
for extension in ("csv", "json"):
    urlpatterns.append(
        path(
            f"<str:listing>.{extension}",
            api.download,
            {"file_format": extension},
            name=f"api_council_download_{extension}",
        )
    )
