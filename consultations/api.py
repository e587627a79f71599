"""Read-only JSON of public consultation data: /api/v1/consultations/…

Only what the public pages show.  Hidden or deleted comments keep their place
in a thread but carry no text, author or language; e-mail addresses never
appear.  A consultation's id is the ``translation_key`` its translations share;
``?lang=`` picks the language of titles and URLs (Polish by default).
"""

import uuid

from django.conf import settings
from django.db.models import Count, Prefetch
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from cms.jsonapi import error, json_get, paginate

from .models import Comment, ConsultationPage, Proposal


def _language(request):
    code = request.GET.get("lang", settings.LANGUAGE_CODE)
    return code if code in dict(settings.LANGUAGES) else None


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


def _consultations(language, now):
    return (
        ConsultationPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .with_status(now)
        .prefetch_related("areas")
        .order_by("-opens_at", "pk")
    )


def _serialize_consultation(request, page, comments, proposals):
    return {
        "id": str(page.translation_key),
        "title": page.title,
        "url": request.build_absolute_uri(page.get_url(request)),
        "language": page.content_language,
        "status": page.status,
        "areas": [area.code for area in page.areas.all()],
        "opens_at": page.opens_at.isoformat(),
        "closes_at": page.closes_at.isoformat(),
        "allow_proposals": page.allow_proposals,
        "comment_count": comments.get(page.translation_key, 0),
        "proposal_count": proposals.get(page.translation_key, 0),
    }


@require_GET
def consultation_list(request):
    language = _language(request)
    if language is None:
        return error("Unknown language; use one of: " + ", ".join(dict(settings.LANGUAGES)), 400)
    pages = list(_consultations(language, timezone.now()))
    comments, proposals = _counts([page.translation_key for page in pages])
    body = paginate(request, pages, lambda page: _serialize_consultation(request, page, comments, proposals))
    if body is None:
        return error("No such page of results.", 404)
    return JsonResponse(body)


def _consultation_or_404(request, key):
    language = _language(request)
    if language is None:
        raise Http404
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        raise Http404 from None
    page = _consultations(language, timezone.now()).filter(translation_key=key).first()
    if page is None:
        raise Http404
    return page


@json_get("No such consultation.")
def consultation_detail(request, key):
    page = _consultation_or_404(request, key)
    comments, proposals = _counts([page.translation_key])
    return JsonResponse(_serialize_consultation(request, page, comments, proposals))


def _serialize_comment(comment, sections):
    data = {"id": comment.pk, "state": comment.state, "created_at": comment.created_at.isoformat()}
    if comment.state == Comment.State.PUBLISHED:
        data.update(
            {
                "author": comment.author.public_name,
                "text": comment.text,
                "language": comment.language,
                "section": comment.section_id or None,
                "section_title": sections.get(comment.section_id),
                "official_answer": comment.is_official,
                "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
                "rating": {"up": comment.num_vote_up, "down": comment.num_vote_down},
            }
        )
    return data


@json_get("No such consultation.")
def consultation_comments(request, key):
    page = _consultation_or_404(request, key)
    sections = page.section_titles()
    threads = (
        Comment.objects.filter(consultation_key=page.translation_key, parent=None)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=Comment.objects.select_related("author")))
        .order_by("created_at", "id")
    )

    def serialize(thread):
        data = _serialize_comment(thread, sections)
        data["replies"] = [_serialize_comment(reply, sections) for reply in thread.replies.all()]
        return data

    body = paginate(request, threads, serialize)
    return JsonResponse(body) if body is not None else error("No such page of results.", 404)


@json_get("No such consultation.")
def consultation_proposals(request, key):
    page = _consultation_or_404(request, key)
    proposals = (
        Proposal.objects.filter(consultation_key=page.translation_key, is_hidden=False)
        .select_related("author")
        .order_by("-num_vote_up", "-created_at", "-id")
    )

    def serialize(proposal):
        return {
            "id": proposal.pk,
            "title": proposal.title,
            "text": proposal.text,
            "language": proposal.language,
            "author": proposal.author.public_name,
            "created_at": proposal.created_at.isoformat(),
            "supports": proposal.num_vote_up,
            "answer": (
                {
                    "status": proposal.answer_status,
                    "justification": proposal.answer,
                    "answered_at": proposal.answered_at.isoformat() if proposal.answered_at else None,
                }
                if proposal.answer_status
                else None
            ),
        }

    body = paginate(request, proposals, serialize)
    return JsonResponse(body) if body is not None else error("No such page of results.", 404)
