"""Read-only JSON and downloads of the council's membership over time:
/api/v1/council/candidates/ (the published candidates of each call, only those
who agreed) and /api/v1/council/memberships/ (every seat with its dates, the
vacancy that ended it and the substitution that began it).  One
:class:`core.jsonapi.Record` per item makes the JSON row, the CSV columns and
the OpenAPI schema."""

from django.http import Http404

from core.jsonapi import (
    DATE,
    DATETIME,
    INTEGER,
    LANGUAGE,
    STRING,
    TEXT,
    URI,
    Field,
    Filter,
    Listing,
    Record,
    api_view,
    enum,
    nullable,
    obj,
)

from . import recruitment_selectors
from .models import Role
from .recruitment import Candidacy, Vacancy

TERM = Filter(
    "term",
    "Only items of this council term (its number).",
    lambda qs, n: qs.filter(term__number=n),
    kind="integer",
)

CANDIDATE = Record(
    "Candidate",
    [
        Field("id", INTEGER, "pk"),
        Field("call", INTEGER, "call_id"),
        Field("term", INTEGER, "call.term.number"),
        Field("name", STRING, lambda candidacy, context: candidacy.name),
        Field("languages", STRING),
        Field("community", STRING),
        Field("motivation", TEXT),
        Field("language", LANGUAGE),
        Field("status", enum(Candidacy.Status.values)),
        Field("submitted_at", DATETIME, "created_at"),
    ],
)

candidates = Listing(
    name="candidates",
    summary="Candidates for the council who agreed to publication, on published lists",
    items=lambda request, params: (
        recruitment_selectors.published_candidacies()
        .select_related("call__term", "user")
        .order_by("call_id", "user__display_name", "pk")
    ),
    record=CANDIDATE,
    filters=[
        Filter(
            "term",
            "Only candidates for this council term (its number).",
            lambda qs, n: qs.filter(call__term__number=n),
            kind="integer",
        ),
        Filter("call", "Only candidates of this call.", lambda qs, n: qs.filter(call_id=n), kind="integer"),
    ],
)


def _vacancy(membership, context):
    # A missing reverse one-to-one raises a subclass of AttributeError.
    vacancy = getattr(membership, "vacancy", None)
    if vacancy is None:
        return None
    successor = vacancy.filled_by.seat_id if vacancy.filled_by_id and vacancy.filled_by.seat_id else None
    return {"vacated_on": vacancy.vacated_on, "reason": vacancy.reason, "successor": successor}


def _substitution(membership, context):
    place = getattr(membership, "as_substitute", None)
    if place is None:
        return None
    filled = getattr(place, "vacancy_filled", None)
    return {"rank": place.rank, "replaces": filled.membership_id if filled else None}


MEMBERSHIP = Record(
    "Membership",
    [
        Field("id", INTEGER, "pk"),
        Field("term", INTEGER, "term.number"),
        Field("name", STRING, lambda membership, context: membership.name),
        Field("role", enum(Role.values)),
        Field("starts_on", DATE),
        Field("ends_on", nullable(DATE)),
        Field("url", URI, lambda membership, context: context.absolute(membership.get_absolute_url())),
        Field(
            "vacancy",
            nullable(
                obj(
                    {
                        "vacated_on": DATE,
                        "reason": enum(Vacancy.Reason.values),
                        "successor": nullable(INTEGER),
                    },
                    "How the seat was left: the first day without it, why, and the seat (id) of the substitute "
                    "who took it over.",
                )
            ),
            _vacancy,
            csv={
                "vacated_on": lambda row: row["vacancy"]["vacated_on"] if row["vacancy"] else "",
                "reason": lambda row: row["vacancy"]["reason"] if row["vacancy"] else "",
                "successor": lambda row: (row["vacancy"] or {}).get("successor") or "",
            },
        ),
        Field(
            "substitution",
            nullable(
                obj(
                    {"rank": INTEGER, "replaces": nullable(INTEGER)},
                    "A seat taken by a substitute: their rank on the list and the seat (id) they took over.",
                )
            ),
            _substitution,
            csv={
                "rank": lambda row: row["substitution"]["rank"] if row["substitution"] else "",
                "replaces": lambda row: (row["substitution"] or {}).get("replaces") or "",
            },
        ),
    ],
)

memberships = Listing(
    name="memberships",
    summary="Seats on the council over time, with vacancies and substitutions",
    items=lambda request, params: recruitment_selectors.membership_history(),
    record=MEMBERSHIP,
    filters=[TERM],
)


@api_view("No such list.")
def candidate_list(request):
    return candidates.page(request)


@api_view("No such list.")
def membership_list(request):
    return memberships.page(request)


LISTINGS = {"candidates": candidates, "memberships": memberships}
RECORDS = [CANDIDATE, MEMBERSHIP]


@api_view("No such list.")
def download(request, listing, file_format):
    if listing not in LISTINGS:
        raise Http404
    return LISTINGS[listing].download(request, file_format)
