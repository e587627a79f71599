"""Read-only JSON and downloads of public consultation data: /api/v1/…

Only what the public pages show: published comments and visible proposals;
e-mail addresses never appear.  A consultation's (and an outcome's) id is the
``translation_key`` its translations share; ``?lang=`` picks the language of
titles and URLs (Polish by default).  Each listing is declared once
(:class:`core.jsonapi.Listing`) and serves pages of JSON, CSV and JSON
downloads and its part of the OpenAPI document.
"""

import uuid
from collections import Counter

from django.conf import settings
from django.db.models import Count
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.utils.html import strip_tags

from core.areas import Area
from core.jsonapi import Filter, Listing, api_view, column, date_range, language_filter

from .authors import with_pseudonyms
from .models import Answer, Comment, ConsultationPage, OutcomeAnswer, OutcomePage, Proposal, Status

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)

LANG = Filter(
    "lang",
    "The language of titles and links (pl by default); a consultation not yet translated "
    "is given in the language it was written in.",
    None,
    choices=LANGUAGES,
)


def _language(params):
    return params.get("lang", settings.LANGUAGE_CODE)


def _iso(value):
    return value.isoformat() if value else None


# --- consultations ------------------------------------------------------------


def _consultations(language, now):
    return (
        ConsultationPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .with_status(now)
        .prefetch_related("areas")
        .order_by("-opens_at", "pk")
    )


def _consultation_items(request, params):
    return _consultations(_language(params), timezone.now())


def _counts(keys):
    comments = dict(
        Comment.objects.filter(consultation_key__in=keys, state=Comment.State.PUBLISHED)
        .values_list("consultation_key")
        .annotate(n=Count("id"))
    )
    proposals = dict(
        Proposal.objects.filter(consultation_key__in=keys, is_hidden=False)
        .values_list("consultation_key")
        .annotate(n=Count("id"))
    )
    return comments, proposals


def _serialize_consultations(request, pages):
    comments, proposals = _counts([page.translation_key for page in pages])
    return [
        {
            "id": str(page.translation_key),
            "title": page.title,
            "url": request.build_absolute_uri(page.get_url(request)),
            "api_url": request.build_absolute_uri(f"/api/v1/consultations/{page.translation_key}/"),
            "language": page.content_language,
            "status": page.status,
            "areas": [area.code for area in page.areas.all()],
            "opens_at": _iso(page.opens_at),
            "closes_at": _iso(page.closes_at),
            "outcome_published_at": _iso(page.outcome_published_at),
            "allow_proposals": page.allow_proposals,
            "comment_count": comments.get(page.translation_key, 0),
            "proposal_count": proposals.get(page.translation_key, 0),
        }
        for page in pages
    ]


AREA = Filter(
    "area",
    "Only items of this thematic area.",
    lambda qs, code: qs.filter(areas__code=code).distinct(),
    choices=tuple(Area.values),
)

consultations = Listing(
    name="consultations",
    items=_consultation_items,
    serialize=_serialize_consultations,
    filters=[
        LANG,
        Filter("status", "Only consultations in this state.", lambda qs, s: qs.filter(status=s), choices=Status.values),
        AREA,
        *date_range("opens_at", "consultations opening"),
    ],
    columns=[
        column("id"),
        column("title"),
        column("url"),
        column("language"),
        column("status"),
        column("areas"),
        column("opens_at"),
        column("closes_at"),
        column("outcome_published_at"),
        column("allow_proposals"),
        column("comment_count"),
        column("proposal_count"),
    ],
)


def consultation_or_404(request, key):
    """The consultation ``key`` in the language of ``?lang=``."""
    params = consultations.params(request)
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        raise Http404 from None
    page = _consultations(_language(params), timezone.now()).filter(translation_key=key).first()
    if page is None:
        raise Http404
    return page


@api_view("No such consultation.")
def consultation_list(request):
    return consultations.page(request)


@api_view("No such consultation.")
def consultation_detail(request, key):
    page = consultation_or_404(request, key)
    return JsonResponse(_serialize_consultations(request, [page])[0])


# --- comments -----------------------------------------------------------------


def _comment_items(request, params, key):
    page = consultation_or_404(request, key)
    request.consultation = page
    return (
        with_pseudonyms(Comment.objects.filter(consultation_key=page.translation_key, state=Comment.State.PUBLISHED))
        .select_related("author")
        .order_by("created_at", "id")
    )


def _serialize_comments(request, comments):
    page = request.consultation
    sections = page.section_titles()
    answers = {
        answer.comment_id: answer
        for answer in OutcomeAnswer.objects.filter(
            page__live=True,
            page__path__startswith=page.path,
            page__depth=page.depth + 1,
            comment_id__in=[c.pk for c in comments],
        )
    }
    return [
        {
            "id": comment.pk,
            "consultation": str(page.translation_key),
            "parent": comment.parent_id,
            "author": comment.author_name,
            "text": comment.text,
            "language": comment.language,
            "section": comment.section_id or None,
            "section_title": sections.get(comment.section_id),
            "official_answer": comment.is_official,
            "via_facilitator": comment.via_facilitator,
            "created_at": _iso(comment.created_at),
            "edited_at": _iso(comment.edited_at),
            "rating": {"up": comment.num_vote_up, "down": comment.num_vote_down},
            "answer": _answer(answers.get(comment.pk)),
        }
        for comment in comments
    ]


def _answer(answer):
    return {"status": answer.status, "justification": answer.justification} if answer else None


comments = Listing(
    name="comments",
    items=_comment_items,
    serialize=_serialize_comments,
    filters=[LANG, language_filter(), *date_range("created_at", "comments written")],
    columns=[
        column("id"),
        column("consultation"),
        column("parent"),
        column("author"),
        column("language"),
        column("text"),
        column("section"),
        column("section_title"),
        column("official_answer"),
        column("via_facilitator"),
        column("created_at"),
        column("edited_at"),
        column("rating", "up"),
        column("rating", "down"),
        column("answer", "status"),
        column("answer", "justification"),
    ],
)


@api_view("No such consultation.")
def consultation_comments(request, key):
    return comments.page(request, key=key)


# --- proposals ----------------------------------------------------------------


def _proposal_items(request, params, key):
    page = consultation_or_404(request, key)
    request.consultation = page
    return (
        with_pseudonyms(Proposal.objects.filter(consultation_key=page.translation_key, is_hidden=False))
        .select_related("author")
        .order_by("-num_vote_up", "-created_at", "-id")
    )


def _serialize_proposals(request, proposals):
    return [
        {
            "id": proposal.pk,
            "consultation": str(request.consultation.translation_key),
            "title": proposal.title,
            "text": proposal.text,
            "language": proposal.language,
            "author": proposal.author_name,
            "created_at": _iso(proposal.created_at),
            "supports": proposal.num_vote_up,
            "answer": (
                {
                    "status": proposal.answer_status,
                    "justification": proposal.answer,
                    "answered_at": _iso(proposal.answered_at),
                }
                if proposal.answer_status
                else None
            ),
        }
        for proposal in proposals
    ]


proposals = Listing(
    name="proposals",
    items=_proposal_items,
    serialize=_serialize_proposals,
    filters=[
        LANG,
        language_filter(),
        Filter(
            "answer",
            "Only proposals with this answer from the city.",
            lambda qs, status: qs.filter(answer_status=status),
            choices=Answer.values,
        ),
        *date_range("created_at", "proposals submitted"),
    ],
    columns=[
        column("id"),
        column("consultation"),
        column("title"),
        column("text"),
        column("language"),
        column("author"),
        column("created_at"),
        column("supports"),
        column("answer", "status"),
        column("answer", "justification"),
        column("answer", "answered_at"),
    ],
)


@api_view("No such consultation.")
def consultation_proposals(request, key):
    return proposals.page(request, key=key)


# --- outcomes -----------------------------------------------------------------


def _outcome_items(request, params):
    return (
        OutcomePage.objects.live()
        .public()
        .filter(locale__language_code=_language(params))
        .order_by("-first_published_at", "pk")
    )


def _serialize_outcomes(request, outcomes):
    parents = {
        page.path: page
        for page in ConsultationPage.objects.filter(
            path__in=[outcome.path[: -ConsultationPage.steplen] for outcome in outcomes]
        ).prefetch_related("areas")
    }
    counts = Counter(OutcomeAnswer.objects.filter(page__in=outcomes).values_list("page_id", "status").order_by())
    rows = []
    for outcome in outcomes:
        consultation = parents.get(outcome.path[: -ConsultationPage.steplen])
        rows.append(
            {
                "id": str(outcome.translation_key),
                "consultation": str(consultation.translation_key) if consultation else None,
                "title": outcome.title,
                "url": request.build_absolute_uri(outcome.get_url(request)),
                "areas": [area.code for area in consultation.areas.all()] if consultation else [],
                "published_at": _iso(outcome.first_published_at),
                "summary": strip_tags(outcome.summary).strip(),
                "changes": strip_tags(outcome.changes).strip(),
                "answers": {status: counts[(outcome.pk, status)] for status in Answer.values},
            }
        )
    return rows


outcomes = Listing(
    name="outcomes",
    items=_outcome_items,
    serialize=_serialize_outcomes,
    filters=[LANG, *date_range("first_published_at", "outcomes published")],
    columns=[
        column("id"),
        column("consultation"),
        column("title"),
        column("url"),
        column("areas"),
        column("published_at"),
        column("summary"),
        column("changes"),
        *(column("answers", status) for status in Answer.values),
    ],
)


@api_view("No such outcome.")
def outcome_list(request):
    return outcomes.page(request)


# --- downloads ----------------------------------------------------------------

LISTINGS = {"consultations": consultations, "outcomes": outcomes}
NESTED = {"comments": comments, "proposals": proposals}


@api_view("No such list.")
def download(request, listing, file_format):
    if listing not in LISTINGS:
        raise Http404
    return LISTINGS[listing].download(request, file_format)


@api_view("No such consultation.")
def download_nested(request, key, listing, file_format):
    if listing not in NESTED:
        raise Http404
    return NESTED[listing].download(request, file_format, key=key)
