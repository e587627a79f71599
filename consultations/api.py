"""Read-only JSON and downloads of public consultation data: /api/v1/…

Only what the public pages show: published comments and visible proposals;
e-mail addresses never appear.  A consultation's (and an outcome's) id is the
``translation_key`` its translations share; ``?lang=`` picks the language of
titles and URLs (Polish by default).  Each kind of item is declared once
(:class:`core.jsonapi.Record`: its fields with their schemas) and each listing
once (:class:`core.jsonapi.Listing`), which serve pages of JSON, CSV and JSON
downloads and their part of the OpenAPI document.
"""

import uuid
from collections import Counter

from django.conf import settings
from django.db.models import Count
from django.http import Http404, JsonResponse
from django.utils import timezone

from core.areas import Area
from core.jsonapi import (
    BOOLEAN,
    DATETIME,
    INTEGER,
    LANGUAGE,
    STRING,
    TEXT,
    URI,
    UUID,
    Field,
    Filter,
    Listing,
    Record,
    api_view,
    array,
    date_range,
    enum,
    language_filter,
    nullable,
    obj,
)
from core.language import LANGUAGE_CODES
from core.opinions import opinions_for
from core.text import clean_line, plain_text

from .authors import with_pseudonyms
from .models import Answer, Comment, ConsultationPage, OutcomeAnswer, OutcomePage, Proposal, Status, WordingProposal
from .wording import OPS

LANG = Filter(
    "lang",
    "The language of titles and links (pl by default); a consultation not yet translated "
    "is given in the language it was written in.",
    None,
    choices=LANGUAGE_CODES,
)


def _language(params):
    return params.get("lang", settings.LANGUAGE_CODE)


AREAS = array(enum(Area.values))
ANSWER = enum(Answer.values)


def _areas(page):
    return [area.code for area in page.areas.all()]


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


def _consultation_counts(request, pages):
    keys = [page.translation_key for page in pages]
    comments, proposals = _counts(keys)
    return {"comments": comments, "proposals": proposals, "opinions": opinions_for(keys)}


OPINION = obj(
    {
        "number": {**STRING, "description": "The resolution's number, as the council writes it."},
        "title": STRING,
        "url": URI,
    }
)


CONSULTATION = Record(
    "Consultation",
    [
        Field(
            "id",
            {**UUID, "description": "Shared by all translations of the consultation."},
            lambda page, context: str(page.translation_key),
        ),
        Field("title", STRING),
        Field("url", URI, lambda page, context: context.absolute(page.get_url(context.request))),
        Field("api_url", URI, lambda page, context: context.absolute(f"/api/v1/consultations/{page.translation_key}/")),
        Field("language", LANGUAGE, "content_language"),
        Field("status", enum(Status.values)),
        Field("areas", AREAS, lambda page, context: _areas(page)),
        Field("opens_at", DATETIME),
        Field("closes_at", DATETIME),
        Field("outcome_published_at", nullable(DATETIME)),
        Field("allow_proposals", BOOLEAN),
        Field("comment_count", INTEGER, lambda page, context: context.comments.get(page.translation_key, 0)),
        Field("proposal_count", INTEGER, lambda page, context: context.proposals.get(page.translation_key, 0)),
        Field(
            "council_opinions",
            array(OPINION, "Resolutions of the Immigrants' Council giving its opinion on this consultation."),
            lambda page, context: [
                {**opinion.as_dict(), "url": context.absolute(opinion.url)}
                for opinion in context.opinions.get(page.translation_key, [])
            ],
            csv=lambda row: "; ".join(f"{item['number']} {item['title']}" for item in row["council_opinions"]),
        ),
    ],
    prepare=_consultation_counts,
)


AREA = Filter(
    "area",
    "Only items of this thematic area.",
    lambda qs, code: qs.filter(areas__code=code).distinct(),
    choices=tuple(Area.values),
)

consultations = Listing(
    name="consultations",
    summary="Public consultations",
    items=_consultation_items,
    record=CONSULTATION,
    filters=[
        LANG,
        Filter("status", "Only consultations in this state.", lambda qs, s: qs.filter(status=s), choices=Status.values),
        AREA,
        *date_range("opens_at", "consultations opening"),
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
    return JsonResponse(CONSULTATION.row(request, consultation_or_404(request, key)))


# --- comments -----------------------------------------------------------------


def _comment_items(request, params, key):
    page = consultation_or_404(request, key)
    request.consultation = page
    return (
        with_pseudonyms(Comment.objects.filter(consultation_key=page.translation_key, state=Comment.State.PUBLISHED))
        .select_related("author")
        .order_by("created_at", "id")
    )


def _comment_answers(request, comments):
    page = request.consultation
    answers = OutcomeAnswer.objects.filter(
        page__live=True,
        page__path__startswith=page.path,
        page__depth=page.depth + 1,
        comment_id__in=[comment.pk for comment in comments],
    )
    return {
        "consultation": page,
        "sections": page.section_titles(),
        "answers": {answer.comment_id: answer for answer in answers},
    }


def _comment_answer(comment, context):
    answer = context.answers.get(comment.pk)
    return {"status": answer.status, "justification": answer.justification} if answer else None


COMMENT = Record(
    "Comment",
    [
        Field("id", INTEGER, "pk"),
        Field("consultation", UUID, lambda comment, context: str(context.consultation.translation_key)),
        Field("parent", nullable({**INTEGER, "description": "The comment this one replies to."}), "parent_id"),
        Field(
            "author",
            {
                "type": "string",
                "description": "The name the author chose to show (their pseudonym in this consultation, "
                "if they chose one), or a placeholder such as “a former participant”.",
            },
            "author_name",
        ),
        Field("text", TEXT),
        Field("language", LANGUAGE),
        Field("section", nullable(STRING), lambda comment, context: comment.section_id or None),
        Field("section_title", nullable(STRING), lambda comment, context: context.sections.get(comment.section_id)),
        Field(
            "official_answer",
            {**BOOLEAN, "description": "Written by an official on behalf of the city."},
            "is_official",
        ),
        Field(
            "via_facilitator",
            {
                **BOOLEAN,
                "description": "Entered by a facilitator on behalf of a resident, who agreed to it "
                "(collected on paper, by telephone or in a workshop).",
            },
        ),
        Field("created_at", DATETIME),
        Field("edited_at", nullable(DATETIME)),
        Field(
            "rating",
            obj({"up": INTEGER, "down": INTEGER}),
            lambda comment, context: {"up": comment.num_vote_up, "down": comment.num_vote_down},
        ),
        Field(
            "answer",
            nullable(
                obj({"status": ANSWER, "justification": STRING}, "The city's answer in the consultation's outcome.")
            ),
            _comment_answer,
        ),
    ],
    prepare=_comment_answers,
)


comments = Listing(
    name="comments",
    summary="Published comments and replies of a consultation, oldest first",
    items=_comment_items,
    record=COMMENT,
    filters=[LANG, language_filter(), *date_range("created_at", "comments written")],
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


def _proposal_answer(proposal, context):
    if not proposal.answer_status:
        return None
    return {"status": proposal.answer_status, "justification": proposal.answer, "answered_at": proposal.answered_at}


PROPOSAL = Record(
    "Proposal",
    [
        Field("id", INTEGER, "pk"),
        Field("consultation", UUID, lambda proposal, context: str(context.request.consultation.translation_key)),
        Field("title", STRING),
        Field("text", TEXT),
        Field("language", LANGUAGE),
        Field("author", STRING, "author_name"),
        Field("created_at", DATETIME),
        Field("supports", INTEGER, "num_vote_up"),
        Field(
            "answer",
            nullable(obj({"status": ANSWER, "justification": STRING, "answered_at": nullable(DATETIME)})),
            _proposal_answer,
        ),
    ],
)

proposals = Listing(
    name="proposals",
    summary="Residents' proposals in a consultation, most supported first",
    items=_proposal_items,
    record=PROPOSAL,
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
)


@api_view("No such consultation.")
def consultation_proposals(request, key):
    return proposals.page(request, key=key)


# --- proposed wording -------------------------------------------------------------


def _wording_items(request, params, key):
    page = consultation_or_404(request, key)
    request.consultation = page
    return (
        with_pseudonyms(WordingProposal.objects.filter(consultation_key=page.translation_key, is_hidden=False))
        .select_related("author")
        .order_by("-num_vote_up", "-created_at", "-id")
    )


def _wording_answers(request, wordings):
    """The city's answers to these wordings in the consultation's live outcome (one query)."""
    answers = OutcomeAnswer.objects.filter(wording__in=[wording.pk for wording in wordings], page__live=True)
    language = _language(request.GET)
    found = {}
    for answer in answers.select_related("page__locale").order_by("pk"):
        if answer.wording_id not in found or answer.page.locale.language_code == language:
            found[answer.wording_id] = answer
    return {"answers": found}


def _wording_answer(wording, context):
    answer = context.answers.get(wording.pk)
    if answer is None:
        return None
    return {"status": answer.status, "justification": answer.justification}


SEGMENT = obj({"op": enum(list(OPS)), "text": STRING})

WORDING = Record(
    "ProposedWording",
    [
        Field("id", INTEGER, "pk"),
        Field("consultation", UUID, lambda wording, context: str(context.request.consultation.translation_key)),
        Field(
            "section", {**STRING, "description": "The section's block id, shared by all translations."}, "section_id"
        ),
        Field("section_title", STRING),
        Field("draft", {**INTEGER, "description": "The number of the draft the wording was proposed on."}),
        Field("text_of_the_draft", TEXT, "base_text"),
        Field("text", TEXT),
        Field("why", TEXT, "note"),
        Field("language", LANGUAGE),
        Field("author", STRING, "author_name"),
        Field("created_at", DATETIME),
        Field("supports", INTEGER, "num_vote_up"),
        Field(
            "diff",
            array(SEGMENT, "The proposed wording against the draft, word by word, in reading order."),
            lambda wording, context: [segment.as_dict() for segment in wording.segments()],
            csv=False,
        ),
        Field("answer", nullable(obj({"status": ANSWER, "justification": STRING})), _wording_answer),
    ],
    prepare=_wording_answers,
)

wordings = Listing(
    name="wordings",
    summary="Wording residents proposed for sections of a consultation's draft, most supported first",
    items=_wording_items,
    record=WORDING,
    filters=[
        LANG,
        language_filter(),
        Filter(
            "section",
            "Only wordings for this section (its block id).",
            lambda qs, section: qs.filter(section_id=clean_line(section)[:64]),
        ),
        *date_range("created_at", "wordings proposed"),
    ],
)


@api_view("No such consultation.")
def consultation_wordings(request, key):
    return wordings.page(request, key=key)


# --- outcomes -----------------------------------------------------------------


def _outcome_items(request, params):
    return (
        OutcomePage.objects.live()
        .public()
        .filter(locale__language_code=_language(params))
        .order_by("-first_published_at", "pk")
    )


def _outcome_parents(request, outcomes):
    consultations = {
        page.path: page
        for page in ConsultationPage.objects.filter(
            path__in=[outcome.path[: -ConsultationPage.steplen] for outcome in outcomes]
        ).prefetch_related("areas")
    }
    counts = Counter(OutcomeAnswer.objects.filter(page__in=outcomes).values_list("page_id", "status").order_by())
    return {"consultations": consultations, "counts": counts}


def _consultation_of(outcome, context):
    return context.consultations.get(outcome.path[: -ConsultationPage.steplen])


def _consultation_key(outcome, context):
    found = _consultation_of(outcome, context)
    return str(found.translation_key) if found else None


OUTCOME = Record(
    "Outcome",
    [
        Field("id", UUID, lambda outcome, context: str(outcome.translation_key)),
        Field(
            "consultation",
            nullable(UUID),
            lambda outcome, context: (
                str(found.translation_key) if (found := _consultation_of(outcome, context)) else None
            ),
        ),
        Field("title", STRING),
        Field("url", URI, lambda outcome, context: context.absolute(outcome.get_url(context.request))),
        Field(
            "areas",
            AREAS,
            lambda outcome, context: _areas(found) if (found := _consultation_of(outcome, context)) else [],
        ),
        Field("published_at", nullable(DATETIME), "first_published_at"),
        Field("summary", STRING, lambda outcome, context: plain_text(outcome.summary)),
        Field("changes", STRING, lambda outcome, context: plain_text(outcome.changes)),
        Field(
            "answers",
            obj(dict.fromkeys(Answer.values, INTEGER), "How many answers of each kind."),
            lambda outcome, context: {status: context.counts[(outcome.pk, status)] for status in Answer.values},
        ),
    ],
    prepare=_outcome_parents,
)

outcomes = Listing(
    name="outcomes",
    summary="Published outcomes of consultations",
    items=_outcome_items,
    record=OUTCOME,
    filters=[LANG, *date_range("first_published_at", "outcomes published")],
)


@api_view("No such outcome.")
def outcome_list(request):
    return outcomes.page(request)


# --- downloads ----------------------------------------------------------------

LISTINGS = {"consultations": consultations, "outcomes": outcomes}
NESTED = {"comments": comments, "proposals": proposals, "wordings": wordings}
RECORDS = [CONSULTATION, COMMENT, PROPOSAL, WORDING, OUTCOME]


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
