"""Officials' and moderators' downloads in the Wagtail admin: what the public
API does not give, because it is about moderation, or counts the public
pages do not show.  Every table is offered as XLSX and as CSV."""

from collections import Counter

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import tabular
from core.language import LANGUAGE_CODES

from . import permissions
from .authors import attach_pseudonyms
from .models import Comment, ConsultationPage, ModerationDecision, Proposal, Report
from .selectors import participants_by_consultation


def _titles():
    """{translation_key: title in the site's default language}."""
    pages = ConsultationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return dict(pages.values_list("translation_key", "title"))


def moderation_table():
    titles = _titles()
    decisions = list(
        ModerationDecision.objects.select_related("comment__author", "moderator").order_by("created_at", "pk")
    )
    attach_pseudonyms([decision.comment for decision in decisions])
    headers = [
        _("Decided at"),
        _("Decision"),
        _("Reason"),
        _("Moderator"),
        _("Comment"),
        _("Consultation"),
        _("Language"),
        _("Author"),
        _("Text"),
        _("State now"),
    ]
    rows = (
        [
            decision.created_at,
            decision.get_action_display(),
            decision.reason,
            decision.moderator.public_name if decision.moderator else "",
            decision.comment_id,
            titles.get(decision.comment.consultation_key, ""),
            decision.comment.language,
            decision.comment.author_name,
            decision.comment.text,
            decision.comment.get_state_display(),
        ]
        for decision in decisions
    )
    return headers, rows


def reports_table():
    titles = _titles()
    reports = Report.objects.select_related("comment").order_by("created_at", "pk")
    headers = [
        _("Reported at"),
        _("Reason"),
        _("Details"),
        _("Resolved"),
        _("Comment"),
        _("Consultation"),
        _("Language"),
        _("Comment state"),
    ]
    rows = (
        [
            report.created_at,
            report.get_reason_display(),
            report.details,
            _("yes") if report.resolved else _("no"),
            report.comment_id,
            titles.get(report.comment.consultation_key, ""),
            report.comment.language,
            report.comment.get_state_display(),
        ]
        for report in reports
    )
    return headers, rows


def participation_table(now=None):
    """One row per consultation: how many took part, how, and in which language."""
    now = now or timezone.now()
    pages = (
        ConsultationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .with_status(now)
        .order_by("-opens_at")
    )
    comments = Comment.objects.values("consultation_key")
    by_state = {
        row["consultation_key"]: row
        for row in comments.annotate(
            published=Count("pk", filter=Q(state=Comment.State.PUBLISHED)),
            hidden=Count("pk", filter=~Q(state=Comment.State.PUBLISHED)),
            replies=Count("pk", filter=Q(parent__isnull=False, state=Comment.State.PUBLISHED)),
            official=Count("pk", filter=Q(is_official=True)),
            facilitated=Count("pk", filter=Q(state=Comment.State.PUBLISHED) & ~Q(submitted_via="")),
            reports=Count("reports"),
        )
    }
    by_language = Counter(
        {
            (row["consultation_key"], row["language"]): row["n"]
            for row in Comment.objects.filter(state=Comment.State.PUBLISHED)
            .values("consultation_key", "language")
            .annotate(n=Count("pk"))
        }
    )
    proposals = {
        row["consultation_key"]: row
        for row in Proposal.objects.filter(is_hidden=False)
        .values("consultation_key")
        .annotate(n=Count("pk"), supports=Sum("num_vote_up"))
    }
    participants = participants_by_consultation()
    headers = [
        _("Consultation"),
        _("Status"),
        _("Opens"),
        _("Closes"),
        _("Comments published"),
        _("Of which replies"),
        _("Official answers"),
        _("Comments hidden"),
        _("Comments entered by facilitators"),
        *[_("Comments in %(language)s") % {"language": code} for code in LANGUAGE_CODES],
        _("Proposals"),
        _("Supports"),
        _("Participants"),
        _("Reports"),
    ]
    rows = []
    for page in pages:
        key = page.translation_key
        state = by_state.get(key, {})
        proposal = proposals.get(key, {})
        rows.append(
            [
                page.title,
                page.status,
                page.opens_at,
                page.closes_at,
                state.get("published", 0),
                state.get("replies", 0),
                state.get("official", 0),
                state.get("hidden", 0),
                state.get("facilitated", 0),
                *[by_language[(key, code)] for code in LANGUAGE_CODES],
                proposal.get("n", 0),
                proposal.get("supports") or 0,
                participants.get(key, 0),
                state.get("reports", 0),
            ]
        )
    return headers, rows


TABLES = {
    "moderation": (gettext_lazy("Moderation decisions"), moderation_table),
    "reports": (gettext_lazy("Reports of comments"), reports_table),
    "participation": (gettext_lazy("Participation per consultation"), participation_table),
}
FORMATS = ("xlsx", "csv")


def exports(request):
    if not permissions.can_moderate(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "consultations/admin/exports.html",
        {"tables": [(name, label) for name, (label, _build) in TABLES.items()], "formats": FORMATS},
    )


def export(request, name, file_format):
    if not permissions.can_moderate(request.user):
        raise PermissionDenied
    if name not in TABLES or file_format not in FORMATS:
        raise Http404
    label, build = TABLES[name]
    headers, rows = build()
    return tabular.download(name=name, title=str(label), headers=headers, rows=rows, file_format=file_format)
