"""Reads of calls for candidates, candidacies, substitutes and vacated seats,
for pages, the API and a person's data.  A fixed number of queries each."""

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import DataSection

from .models import Membership
from .recruitment import Candidacy, CandidateCall, Substitute, Vacancy


def published_candidacies():
    """Candidacies anyone may see: the applicant agreed, and officials published the call's list."""
    return Candidacy.objects.filter(consent_to_publish=True, call__candidates_published=True)


def calls_page(*, now=None):
    """The calls shown on the candidates' page: open or coming ones, and those
    whose list of candidates is published, each with its public candidates."""
    now = now or timezone.now()
    public = published_candidacies().select_related("user").order_by("user__display_name", "pk")
    return list(
        CandidateCall.objects.filter(Q(closes_at__gt=now) | Q(candidates_published=True))
        .select_related("term")
        .prefetch_related(Prefetch("candidacies", queryset=public, to_attr="public_candidates"))
        .order_by("-opens_at", "-pk")
    )


def call(pk):
    return CandidateCall.objects.select_related("term").filter(pk=pk).first() if pk is not None else None


def candidacy_of(call, user):
    if not getattr(user, "is_authenticated", False):
        return None
    return Candidacy.objects.filter(call=call, user=user).first()


def my_candidacies(user, calls):
    """``{call id: candidacy}`` of ``user`` among ``calls``."""
    if not getattr(user, "is_authenticated", False):
        return {}
    return {c.call_id: c for c in Candidacy.objects.filter(user=user, call__in=[call.pk for call in calls])}


def substitutes_shown(term):
    """The published substitutes of ``term`` still waiting for a seat, by rank."""
    if term is None:
        return []
    return list(Substitute.objects.filter(term=term, public=True, seat__isnull=True).select_related("user"))


def vacancies_of(term):
    if term is None:
        return []
    return list(
        Vacancy.objects.filter(membership__term=term)
        .select_related("membership__user", "filled_by__user", "filled_by__seat")
        .order_by("vacated_on", "pk")
    )


def membership_history():
    """Every seat of every term with its vacancy and the seat it was taken from, for the API."""
    return Membership.objects.select_related(
        "term", "user", "vacancy__filled_by__seat", "as_substitute", "as_substitute__vacancy_filled__membership"
    ).order_by("term__number", "starts_on", "pk")


def personal_data(*, user):
    """What the council holds of ``user``'s applications and substitute places."""
    candidacies = Candidacy.objects.filter(user=user).select_related("call").order_by("created_at", "pk")
    places = Substitute.objects.filter(user=user).select_related("term").order_by("term__number")
    return [
        DataSection(
            "council_candidacies",
            _("Your applications to the council"),
            [
                {
                    "call": str(candidacy.call),
                    "motivation": candidacy.motivation,
                    "languages": candidacy.languages,
                    "community": candidacy.community,
                    "language": candidacy.language,
                    "consent_to_publish": candidacy.consent_to_publish,
                    "status": candidacy.status,
                    "submitted_at": candidacy.created_at,
                    "changed_at": candidacy.updated_at,
                }
                for candidacy in candidacies
            ],
        ),
        DataSection(
            "council_substitute_places",
            _("Your places on lists of substitutes"),
            [
                {"term": str(place.term), "rank": place.rank, "seat_taken": place.seat_id is not None}
                for place in places
            ],
        ),
    ]
