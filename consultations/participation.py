"""What one person did in consultations, for their own page ("My
participation"): what they wrote with its state and the city's answers, what
they support, what they follow and the names they write under.

Only the person themself sees this, so it includes what the public no longer
sees (a comment a moderator hid, with the reason).  A fixed number of queries
whatever the number of items: the lists are loaded whole up to ``LIMIT``
items each, and the consultations they belong to once, in the reader's
language where they have a page in it.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Prefetch, Q
from vote.models import UP, Vote

from core.areas import Area

from .models import Comment, ConsultationPage, ConsultationPseudonym, Follow, OutcomeAnswer, Proposal
from .selectors import one_per_translation

LIMIT = 200  # per list: a person with more sees the newest, and the rest in their data download


@dataclass
class Participation:
    comments: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    supported: list = field(default_factory=list)
    followed: list = field(default_factory=list)  # consultations, each a page
    followed_areas: list = field(default_factory=list)  # (code, label)
    pseudonyms: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.comments or self.proposals or self.supported or self.followed or self.followed_areas)


def participation_of(*, user, language):
    """Everything of ``user``'s in consultations, each item with its
    ``consultation`` page (or None when that is no longer published).  Nine
    queries."""
    official_replies = Comment.objects.filter(is_official=True, state=Comment.State.PUBLISHED).order_by("created_at")
    comments = list(
        Comment.objects.filter(author=user)
        .exclude(state=Comment.State.DELETED)
        .annotate(reply_count=Count("replies", filter=Q(replies__state=Comment.State.PUBLISHED)))
        .prefetch_related(Prefetch("replies", queryset=official_replies, to_attr="city_replies"))
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    proposals = list(Proposal.objects.filter(author=user).order_by("-created_at", "-pk")[:LIMIT])
    supported_ids = Vote.objects.filter(
        user_id=user.pk, content_type=ContentType.objects.get_for_model(Proposal), action=UP
    ).values("object_id")
    supported = list(
        Proposal.objects.filter(pk__in=supported_ids, is_hidden=False)
        .exclude(author=user)
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    follows = list(Follow.objects.filter(user=user).order_by("-created_at", "-pk"))
    pseudonyms = list(ConsultationPseudonym.objects.filter(user=user).order_by("-created_at"))
    _attach_outcome_answers(comments, proposals + supported, language)

    keys = {item.consultation_key for item in (*comments, *proposals, *supported, *pseudonyms)}
    keys |= {follow.consultation_key for follow in follows if follow.consultation_key}
    pages = one_per_translation(
        ConsultationPage.objects.live()
        .filter(translation_key__in=keys)
        .annotate(original_locale_id=F("alias_of__locale_id")),
        language,
    )
    by_key = {page.translation_key: page for page in pages}
    for item in (*comments, *proposals, *supported, *pseudonyms):
        item.consultation = by_key.get(item.consultation_key)
    labels = dict(Area.choices)
    return Participation(
        comments=comments,
        proposals=proposals,
        supported=supported,
        followed=[by_key[f.consultation_key] for f in follows if f.consultation_key in by_key],
        followed_areas=[(f.area, labels.get(f.area, f.area)) for f in follows if f.area],
        pseudonyms=pseudonyms,
    )


def _attach_outcome_answers(comments, proposals, language):
    """Each comment and proposal gets ``outcome_answer``: the city's answer in a
    published outcome, in the reader's language where there is one."""
    answers = (
        OutcomeAnswer.objects.filter(page__live=True)
        .filter(Q(comment__in=[c.pk for c in comments]) | Q(proposal__in=[p.pk for p in proposals]))
        .select_related("page__locale")
    )
    chosen = {}
    for answer in answers:
        key = ("comment", answer.comment_id) if answer.comment_id else ("proposal", answer.proposal_id)
        if key not in chosen or answer.page.locale.language_code == language:
            chosen[key] = answer
    for comment in comments:
        comment.outcome_answer = chosen.get(("comment", comment.pk))
    for proposal in proposals:
        proposal.outcome_answer = chosen.get(("proposal", proposal.pk))
