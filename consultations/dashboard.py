"""Reads for the officials' dashboard in the Wagtail admin: what waits on
them in consultations.  Two queries each, whatever the numbers."""

from django.conf import settings
from django.db.models import Count, F, OuterRef, Subquery

from .models import Comment, ConsultationPage, OutcomePage


def comments_to_moderate():
    """[(language code, number of comments waiting for a moderator)], most first."""
    rows = (
        Comment.objects.filter(needs_review=True)
        .values("language")
        .annotate(count=Count("pk"))
        .order_by("-count", "language")
    )
    return [(row["language"], row["count"]) for row in rows]


def closed_without_outcome(*, now):
    """Live consultations that closed and have no published outcome, each once
    (the page an official works on: the original, not a synchronised alias),
    the longest waiting first.  Each has ``draft_outcome_id`` when an outcome
    was begun but not published."""
    draft = OutcomePage.objects.filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1).values("pk")[:1]
    pages = (
        ConsultationPage.objects.live()
        .filter(alias_of__isnull=True, closes_at__lte=now, outcome_published_at__isnull=True)
        .annotate(draft_outcome_id=Subquery(draft), language=F("locale__language_code"))
        .order_by("closes_at", "pk")
    )
    chosen = {}
    for page in pages:  # a translated consultation once: in the site's default language if it has it
        if page.translation_key not in chosen or page.language == settings.LANGUAGE_CODE:
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: (page.closes_at, page.pk))
