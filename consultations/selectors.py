"""Reads for the consultation pages: a fixed number of queries whatever the
number of comments, replies or ratings."""

from collections import Counter, defaultdict

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.utils import translation
from django.utils.translation import gettext as _
from vote.models import UP, Vote
from wagtail.models import PageViewRestriction

from accounts.models import User
from accounts.services import DataSection
from core.areas import ThematicArea
from core.language import LANGUAGE_CODES, language_code
from core.opinions import opinions_of
from core.pages import public_child
from core.text import clean_line, whole_number

from . import permissions
from .authors import attach_pseudonyms, with_pseudonyms
from .forms import CommentForm, ProposalForm, PseudonymForm, WordingForm
from .models import (
    COMMENTS_PER_PAGE,
    PROPOSALS_PER_PAGE,
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationPseudonym,
    Follow,
    OutcomeAnswer,
    OutcomePage,
    Proposal,
    Report,
    Status,
    SurveyResponse,
    WordingProposal,
)
from .wording import diff, plain_text

SEARCH_MAX_LENGTH = 200


def visible_consultation(page_id, *, user):
    """The consultation page ``page_id`` if ``user`` may see it now
    (``permissions.may_see``), else None."""
    page = ConsultationPage.objects.live().filter(pk=page_id).first()
    return page if permissions.may_see(user, page) else None


def visible_consultation_keys(*, user):
    """The ``translation_key`` of every consultation ``user`` may see now (some
    translation live and letting them through its view restrictions), as a
    subquery for lists of what people wrote.  Two queries: the restrictions
    (a site has few) and, inside the caller's, the pages."""
    pages = ConsultationPage.objects.live()
    for restriction in PageViewRestriction.objects.prefetch_related("groups").select_related("page"):
        if not permissions.passes(restriction, user):
            pages = pages.exclude(path__startswith=restriction.page.path)
    return pages.values("translation_key")


def moderation_queue(*, show, language):
    """Comments waiting for a moderator (or, with ``show="hidden"``, those
    hidden), those with the most open reports first."""
    comments = (
        Comment.objects.select_related("author")
        .prefetch_related("reports", "decisions__moderator")
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved=False)))
    )
    comments = comments.filter(state=Comment.State.HIDDEN) if show == "hidden" else comments.filter(needs_review=True)
    if language:
        comments = comments.filter(language=language)
    return comments.order_by("-open_reports", "created_at")


def consultation_list(*, index_page, params, now):
    """The consultations under ``index_page``, filtered by status, area and text;
    open ones first, each group newest first."""
    consultations = (
        ConsultationPage.objects.live().public().child_of(index_page).with_status(now).prefetch_related("areas")
    )
    status = params.get("status", "")
    if status in Status.values:
        consultations = consultations.filter(status=status)
    area = clean_line(params.get("area", ""))
    if area:
        consultations = consultations.filter(areas__code=area)
    query = clean_line(params.get("q", ""))[:SEARCH_MAX_LENGTH]
    if query:
        consultations = consultations.filter(
            Q(title__icontains=query) | Q(intro__icontains=query) | Q(summary__icontains=query)
        )
    order = {Status.OPEN: 0, Status.UPCOMING: 1, Status.CLOSED: 2, Status.OUTCOME_PUBLISHED: 3}
    items = sorted(consultations, key=lambda page: (order[page.status], -page.opens_at.timestamp()))
    return {
        "consultations": items,
        "filters": {"status": status if status in Status.values else "", "area": area, "q": query},
        "statuses": Status.choices,
        "all_areas": ThematicArea.objects.all(),
        "now": now,
    }


def comment_or_none(pk):
    """The comment ``pk`` (a reply's parent, as a form names it), or None if there is none."""
    return Comment.objects.filter(pk=pk).first()


def comment_threads(*, consultation, page_number, user=None):
    """Top-level comments of a consultation, paginated, with their replies."""
    replies = with_pseudonyms(Comment.objects.select_related("author")).order_by("created_at", "id")
    threads = (
        with_pseudonyms(Comment.objects.filter(consultation_key=consultation.translation_key, parent=None))
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "id")
    )
    page = Paginator(threads, COMMENTS_PER_PAGE).get_page(page_number)
    ratings = {}
    if user is not None and user.is_authenticated:
        ids = [comment.pk for thread in page for comment in (thread, *thread.replies.all())]
        ratings = dict(
            Vote.objects.filter(
                content_type=ContentType.objects.get_for_model(Comment), object_id__in=ids, user_id=user.pk
            ).values_list("object_id", "action")
        )
    return page, ratings


def consultation_counts(consultation):
    """{comments, participants} of one consultation, in one query."""
    keys = [consultation.translation_key]
    return (
        ConsultationPage.objects.filter(pk=consultation.pk)
        .annotate(
            comments=_count(counted_comments(keys=keys)),
            participants=_count(User.objects.filter(took_part(keys=keys))),
        )
        .values("comments", "participants")
        .get()
    )


def _count(queryset):
    """How many rows ``queryset`` has, as a subquery of another query."""
    rows = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Subquery(rows, output_field=IntegerField())


PROPOSAL_ORDERS = {"support": ("-num_vote_up", "-created_at", "-id"), "date": ("-created_at", "-id")}


def proposal_list(*, consultation, params):
    """Visible proposals, sorted by support (default) or date, paginated: the
    same for every reader (what each one supports: :func:`supported_proposals`)."""
    order = params.get("proposals") if params.get("proposals") in PROPOSAL_ORDERS else "support"
    proposals = (
        with_pseudonyms(Proposal.objects.filter(consultation_key=consultation.translation_key, is_hidden=False))
        .select_related("author")
        .order_by(*PROPOSAL_ORDERS[order])
    )
    page = Paginator(proposals, PROPOSALS_PER_PAGE).get_page(params.get("ppage"))
    return {"proposals": page, "proposal_order": order}


def reader_votes(*, user, comment_ids=(), proposal_ids=()):
    """The reader's ratings of ``comment_ids`` ({id: 0 for up, 1 for down}) and
    the ids among ``proposal_ids`` of the proposals they support, in one query.

    Every signed-in reader of a consultation page asks this: it is written in
    SQL, which costs a tenth of what building the same query with the ORM does."""
    comment_ids, proposal_ids = [int(pk) for pk in comment_ids], [int(pk) for pk in proposal_ids]
    if not user.is_authenticated or not (comment_ids or proposal_ids):
        return {}, set()
    kinds = ContentType.objects.get_for_models(Comment, Proposal)
    comment_type, proposal_type = kinds[Comment].pk, kinds[Proposal].pk
    wanted, params = [], [user.pk]
    for kind, ids in ((comment_type, comment_ids), (proposal_type, proposal_ids)):
        if ids:
            wanted.append(f"(content_type_id = %s AND object_id IN ({', '.join(['%s'] * len(ids))}))")
            params += [kind, *ids]
    sql = (
        f"SELECT content_type_id, object_id, action FROM {Vote._meta.db_table} "  # noqa: S608 - names from the models
        f"WHERE user_id = %s AND ({' OR '.join(wanted)})"
    )
    ratings, supported = {}, set()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, pk, action in cursor.fetchall():
            if kind == comment_type:
                ratings[pk] = action
            else:
                supported.add(pk)
    return ratings, supported


def consultation_shared(*, consultation, params, now):
    """What every reader of a consultation page sees in its body, but the comment
    threads and counts (``consultations.threads``): nothing personal, so that it
    can be rendered once for all (``consultations.pagebody``)."""
    return {
        "status": consultation.status_at(now),
        "sections_by_id": consultation.section_titles(),
        **(proposal_list(consultation=consultation, params=params) if consultation.allow_proposals else {}),
        "outcome": _live_outcome(consultation),
        "areas": list(consultation.areas.all()),
        "wording_counts": wording_counts(consultation),
        "council_opinions": opinions_of(consultation.translation_key),
        "now": now,
    }


def consultation_reader(*, consultation, request, now, sections, form=None, proposal_form=None, pseudonym_form=None):
    """The reader's own parts of a consultation page: the forms (or why they
    cannot write), their name here and whether they follow it.  ``sections``:
    {block id: title}, as :meth:`ConsultationPage.section_titles` gives."""
    user = request.user
    replying_to = None
    if form is None:
        reply_id = whole_number(request.GET.get("reply"))
        if reply_id is not None:
            replying_to = (
                Comment.objects.filter(pk=reply_id, consultation_key=consultation.translation_key, parent=None)
                .select_related("author")
                .first()
            )
        # "Comment on this section" links here with ?section=<block id>.
        section = request.GET.get("section", "")
        form = CommentForm(
            sections=sections,
            official=permissions.can_answer_as_city(user),
            initial={
                "parent": replying_to.pk if replying_to else None,
                "section": section if section in sections else "",
            },
        )
    following, mine = _reader_rows(user, consultation)
    cannot_propose = permissions.why_cannot_propose(user, consultation, now)
    return {
        "comment_form": form,
        "replying_to": replying_to,
        "cannot_comment_reason": permissions.why_cannot_comment(user, consultation, now),
        "can_enter_for_resident": permissions.why_cannot_enter_for_resident(user, consultation, now) is None,
        **_pseudonym_context(user=user, consultation=consultation, form=pseudonym_form, mine=mine),
        "cannot_propose_reason": cannot_propose,
        "proposal_form": proposal_form or (ProposalForm() if cannot_propose is None else None),
        "following": following,
    }


def _pseudonym_context(*, user, consultation, form, mine):
    """The reader's name in this consultation, and the form to change it."""
    if not user.is_authenticated or user.placeholder:
        return {"my_pseudonym": None, "pseudonym_form": None}
    if form is None:
        form = PseudonymForm(initial={"name": mine.name if mine else ""})
    return {"my_pseudonym": mine, "pseudonym_form": form}


def _reader_rows(user, consultation):
    """Whether the reader follows ``consultation`` and their name in it, in one
    query that also tells ``permissions`` whether their e-mail address is verified.

    Every signed-in reader of a consultation page asks this: it is written in
    SQL, which costs a tenth of what building the same query with the ORM does."""
    if not user.is_authenticated:
        return False, None
    key = Follow._meta.get_field("consultation_key").get_db_prep_value(consultation.translation_key, connection)
    follows, addresses, pseudonyms = (model._meta.db_table for model in (Follow, EmailAddress, ConsultationPseudonym))
    sql = (
        f"SELECT EXISTS(SELECT 1 FROM {follows} WHERE user_id = %s AND consultation_key = %s), "  # noqa: S608 - names from the models
        f"EXISTS(SELECT 1 FROM {addresses} WHERE user_id = %s AND verified), "
        f"(SELECT name FROM {pseudonyms} WHERE user_id = %s AND consultation_key = %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, key, user.pk, user.pk, key])
        following, verified, pseudonym = cursor.fetchone()
    permissions.remember_verified_email(user, verified)
    mine = ConsultationPseudonym(user=user, consultation_key=consultation.translation_key, name=pseudonym)
    return bool(following), mine if pseudonym is not None else None


def open_consultations(*, home, now, limit=3):
    """Open consultations in the home page's language, closing soonest first."""
    return list(
        ConsultationPage.objects.live()
        .public()
        .descendant_of(home)
        .with_status(now)
        .filter(status=Status.OPEN)
        .order_by("closes_at")[:limit]
    )


def area_consultations(*, area_page, now):
    """Consultations of one thematic area in the area page's language, newest first."""
    return list(
        ConsultationPage.objects.live()
        .public()
        .filter(locale_id=area_page.locale_id, areas__code=area_page.area)
        .with_status(now)
        .order_by("-opens_at")
    )


def _live_outcome(consultation):
    if consultation.pk is None:  # a preview of a page not saved yet
        return None
    return public_child(consultation, OutcomePage)


def outcome_figures(consultation):
    """Participation in numbers, computed from the data: never typed in."""
    keys = [consultation.translation_key]
    comments, proposals = counted_comments(keys=keys), counted_proposals(keys=keys)
    by_language = Counter()
    for queryset in (comments, proposals):
        by_language.update(dict(queryset.order_by().values_list("language").annotate(n=Count("id"))))
    return {
        "participants": participant_count(keys=keys),
        "comments": comments.count(),
        "facilitated": comments.exclude(submitted_via="").count(),
        "proposals": proposals.count(),
        "supports": counted_supports(keys=keys).count(),
        "by_language": sorted(by_language.items(), key=lambda item: -item[1]),
        "areas": list(consultation.areas.all()),
    }


def outcome_detail(*, outcome):
    consultation = outcome.get_parent().specific
    answers = list(
        outcome.answers.select_related("comment__author", "proposal__author", "wording__author").order_by("sort_order")
    )
    attach_pseudonyms(
        [answer.comment for answer in answers]
        + [answer.proposal for answer in answers]
        + [answer.wording for answer in answers]
    )
    opinions = {opinion.key: opinion for opinion in opinions_of(consultation.translation_key)}
    for answer in answers:
        answer.opinion_item = opinions.get(answer.opinion)
    return {
        "consultation": consultation,
        "figures": outcome_figures(consultation),
        "answers": answers,
        "answer_counts": sorted(Counter(answer.status for answer in answers).items()),
    }


def comment_answers(*, consultation):
    """{comment id: the city's answer in the outcome of this consultation, in its language}."""
    answers = OutcomeAnswer.objects.filter(
        page__live=True, page__path__startswith=consultation.path, page__depth=consultation.depth + 1
    ).exclude(comment=None)
    return {answer.comment_id: answer for answer in answers}


def area_followed(*, user, area):
    return user.is_authenticated and Follow.objects.filter(user=user, area=area).exists()


# --- feeds and calendars ------------------------------------------------------------


def one_per_translation(pages, language):
    """Each consultation (or outcome) once: its page in ``language`` where it has
    one (a translation or an alias), else in the site's default language, else
    in the first of ``LANGUAGES``.  Each chosen page gets ``content_language``
    without a further query."""
    codes = [language, settings.LANGUAGE_CODE, *LANGUAGE_CODES]
    rank = {code: codes.index(code) for code in codes}
    chosen = {}
    for page in pages:
        page.language_code = language_code(page.locale_id)
        page.content_language = language_code(page.original_locale_id or page.locale_id)
        best = chosen.get(page.translation_key)
        if best is None or rank.get(page.language_code, len(codes)) < rank.get(best.language_code, len(codes)):
            chosen[page.translation_key] = page
    return list(chosen.values())


def _published(page):
    """When a page was first published; a page made live in code without a
    revision being published has only its latest revision's time."""
    return page.first_published_at or page.last_published_at or page.latest_revision_created_at


def consultations_in_language(*, language, now, area=None, limit=None):
    """Every public, published consultation once, in ``language`` where it is
    translated (see :func:`one_per_translation`), newest first; only those of
    ``area`` when given.  Three queries, whatever their number."""
    pages = (
        ConsultationPage.objects.live()
        .public()
        .with_status(now)
        .annotate(original_locale_id=F("alias_of__locale_id"))
        .prefetch_related("areas")
    )
    if area:
        pages = pages.filter(areas__code=area)
    chosen = one_per_translation(pages, language)
    chosen.sort(key=lambda page: (_published(page), page.pk), reverse=True)
    return chosen[:limit]


def published_outcomes_in_language(*, language, limit=None):
    """Every published outcome of a public consultation once, in ``language``
    where it is translated, newest first; each carries its ``consultation``."""
    outcomes = one_per_translation(
        OutcomePage.objects.live().public().annotate(original_locale_id=F("alias_of__locale_id")), language
    )
    parents = {
        page.path: page
        for page in ConsultationPage.objects.live()
        .public()
        .filter(path__in={outcome.path[: -OutcomePage.steplen] for outcome in outcomes})
        .prefetch_related("areas")
    }
    for outcome in outcomes:
        outcome.consultation = parents.get(outcome.path[: -OutcomePage.steplen])
    outcomes = [outcome for outcome in outcomes if outcome.consultation is not None]
    outcomes.sort(key=lambda page: (_published(page), page.pk), reverse=True)
    return outcomes[:limit]


def consultation_index_page(*, language):
    """The page that lists the consultations in ``language``; None if there is none."""
    return ConsultationIndexPage.objects.live().public().filter(locale__language_code=language).order_by("path").first()


# --- who took part: the one definition ----------------------------------------------
#
# A person took part in a consultation when they published a comment there (not
# an answer written for the city), submitted a proposal or a wording that is
# shown, supported one of those, or answered its survey.  Whoever answered on
# paper, through a facilitator, stands under a stand-in account of their own, as
# a resident whose comment a facilitator typed in does: each counts once, and
# nobody is named.  Everything that counts participation -- a consultation's and
# an outcome's figures, officials' exports, public statistics and indicators --
# counts through these.  ``keys`` narrows them to some consultations (their
# ``translation_key``: a list, or a queryset of values); ``period`` to a range
# of days, inclusive.


def _narrowed(rows, keys, period):
    """``rows`` of the consultations ``keys`` and written within ``period``, when given."""
    if keys is not None:
        rows = rows.filter(consultation_key__in=keys)
    if period is not None:
        rows = rows.filter(created_at__date__range=period)
    return rows


def _supports_of(model, items, period):
    """Supports (django-vote's up-votes) of ``items``, given within ``period`` when given."""
    supports = Vote.objects.filter(
        content_type=ContentType.objects.get_for_model(model), action=UP, object_id__in=items.values("pk")
    )
    if period is not None:
        supports = supports.filter(create_at__date__range=period)
    return supports


def counted_comments(*, keys=None, period=None):
    return _narrowed(Comment.objects.filter(state=Comment.State.PUBLISHED, is_official=False), keys, period)


def counted_proposals(*, keys=None, period=None):
    return _narrowed(Proposal.objects.filter(is_hidden=False), keys, period)


def counted_wordings(*, keys=None, period=None):
    return _narrowed(WordingProposal.objects.filter(is_hidden=False), keys, period)


def counted_survey_responses(*, keys=None, period=None):
    """Responses to surveys, online and on paper, dated by their first answer."""
    return _narrowed(SurveyResponse.objects.filter(respondent__isnull=False), keys, period)


def counted_supports(*, keys=None, period=None):
    """Supports of the counted proposals."""
    return _supports_of(Proposal, counted_proposals(keys=keys), period)


def counted_wording_supports(*, keys=None, period=None):
    """Supports of the counted wordings: taking part, though not a proposal's support."""
    return _supports_of(WordingProposal, counted_wordings(keys=keys), period)


def took_part(*, keys=None, period=None):
    """A condition on users, for ``User.objects.filter(…)`` or ``Count(filter=…)``."""
    user = OuterRef("pk")
    return (
        Exists(counted_comments(keys=keys, period=period).filter(author=user))
        | Exists(counted_proposals(keys=keys, period=period).filter(author=user))
        | Exists(counted_supports(keys=keys, period=period).filter(user_id=user))
        | Exists(counted_wordings(keys=keys, period=period).filter(author=user))
        | Exists(counted_wording_supports(keys=keys, period=period).filter(user_id=user))
        | Exists(counted_survey_responses(keys=keys, period=period).filter(respondent=user))
    )


def participant_count(*, keys=None, period=None):
    return User.objects.filter(took_part(keys=keys, period=period)).count()


def participants_by_consultation():
    """{translation key: how many people took part}, for every consultation; six queries."""
    people = defaultdict(set)
    for key, user_id in counted_comments().values_list("consultation_key", "author_id"):
        people[key].add(user_id)
    for key, user_id in counted_proposals().values_list("consultation_key", "author_id"):
        people[key].add(user_id)
    for key, user_id in counted_wordings().values_list("consultation_key", "author_id"):
        people[key].add(user_id)
    for key, user_id in counted_survey_responses().values_list("consultation_key", "respondent_id"):
        people[key].add(user_id)
    proposal_key = Subquery(Proposal.objects.filter(pk=OuterRef("object_id")).values("consultation_key")[:1])
    for key, user_id in counted_supports().annotate(key=proposal_key).values_list("key", "user_id"):
        people[key].add(user_id)
    wording_key = Subquery(WordingProposal.objects.filter(pk=OuterRef("object_id")).values("consultation_key")[:1])
    for key, user_id in counted_wording_supports().annotate(key=wording_key).values_list("key", "user_id"):
        people[key].add(user_id)
    return {key: len(users) for key, users in people.items()}


# --- what consultations hold about a person (accounts.signals.collecting) -------------


def _titles(keys):
    """{translation_key: title} of the consultations ``keys``, in the current language when translated."""
    titles = {}
    for page in ConsultationPage.objects.filter(translation_key__in=set(keys)).select_related("locale"):
        if page.translation_key not in titles or page.locale.language_code == translation.get_language():
            titles[page.translation_key] = page.title
    return titles


def personal_data(*, user):
    """Everything consultations hold about ``user``: what they wrote, supported,
    rated, reported and follow, and their pseudonyms, as ``DataSection``s."""
    comments = list(Comment.objects.filter(author=user).order_by("created_at", "pk"))
    proposals = list(Proposal.objects.filter(author=user).order_by("created_at", "pk"))
    wordings = list(WordingProposal.objects.filter(author=user).order_by("created_at", "pk"))
    entered = list(Comment.objects.filter(facilitator=user).order_by("created_at", "pk"))
    reports = list(Report.objects.filter(reporter=user).select_related("comment").order_by("pk"))
    follows = list(Follow.objects.filter(user=user).order_by("pk"))
    pseudonyms = list(ConsultationPseudonym.objects.filter(user=user).order_by("pk"))
    comment_type = ContentType.objects.get_for_model(Comment)
    proposal_type = ContentType.objects.get_for_model(Proposal)
    votes = list(Vote.objects.filter(user_id=user.pk).order_by("pk"))
    supported = Proposal.objects.in_bulk([vote.object_id for vote in votes if vote.content_type_id == proposal_type.pk])
    wording_type = ContentType.objects.get_for_model(WordingProposal)
    supported_wordings = WordingProposal.objects.in_bulk(
        [vote.object_id for vote in votes if vote.content_type_id == wording_type.pk]
    )
    keys = [item.consultation_key for item in (*comments, *proposals, *entered, *pseudonyms, *wordings)]
    keys += [wording.consultation_key for wording in supported_wordings.values()]
    keys += [follow.consultation_key for follow in follows if follow.consultation_key]
    keys += [proposal.consultation_key for proposal in supported.values()]
    keys += [report.comment.consultation_key for report in reports]
    titles = _titles(keys)

    def where(key):
        return {"consultation": titles.get(key, ""), "consultation_key": key}

    return [
        DataSection(
            "comments",
            _("Your comments and replies"),
            [
                {
                    "id": comment.pk,
                    **where(comment.consultation_key),
                    "in_reply_to": comment.parent_id,
                    "text": comment.text,
                    "language": comment.language,
                    "state": comment.state,
                    "written_at": comment.created_at,
                    "edited_at": comment.edited_at,
                    "official_answer_of_the_city": comment.is_official,
                }
                for comment in comments
            ],
        ),
        DataSection(
            "proposals",
            _("Your proposals"),
            [
                {
                    "id": proposal.pk,
                    **where(proposal.consultation_key),
                    "title": proposal.title,
                    "text": proposal.text,
                    "language": proposal.language,
                    "submitted_at": proposal.created_at,
                    "hidden_by_a_moderator": proposal.is_hidden,
                    "answer": proposal.answer_status,
                    "justification": proposal.answer,
                }
                for proposal in proposals
            ],
        ),
        DataSection(
            "wordings",
            _("Wording you proposed"),
            [
                {
                    "id": wording.pk,
                    **where(wording.consultation_key),
                    "section": wording.section_title,
                    "draft": wording.draft,
                    "text_of_the_draft": wording.base_text,
                    "proposed_wording": wording.text,
                    "why": wording.note,
                    "language": wording.language,
                    "submitted_at": wording.created_at,
                    "hidden_by_a_moderator": wording.is_hidden,
                }
                for wording in wordings
            ],
        ),
        DataSection(
            "wording_supports",
            _("Proposed wording you support"),
            [
                {
                    "wording": vote.object_id,
                    **where(supported_wordings[vote.object_id].consultation_key),
                    "at": vote.create_at,
                }
                for vote in votes
                if vote.content_type_id == wording_type.pk and vote.object_id in supported_wordings
            ],
        ),
        DataSection(
            "supports",
            _("Proposals you support"),
            [
                {
                    "proposal": vote.object_id,
                    **where(supported[vote.object_id].consultation_key),
                    "at": vote.create_at,
                }
                for vote in votes
                if vote.content_type_id == proposal_type.pk and vote.object_id in supported
            ],
        ),
        DataSection(
            "ratings",
            _("Comments you rated"),
            [
                {"comment": vote.object_id, "rating": "up" if vote.action == UP else "down", "at": vote.create_at}
                for vote in votes
                if vote.content_type_id == comment_type.pk
            ],
        ),
        DataSection(
            "reports",
            _("Comments you reported"),
            [
                {
                    "comment": report.comment_id,
                    **where(report.comment.consultation_key),
                    "reason": report.reason,
                    "details": report.details,
                    "reported_at": report.created_at,
                    "resolved": report.resolved,
                }
                for report in reports
            ],
        ),
        DataSection(
            "follows",
            _("What you follow"),
            [
                {**where(follow.consultation_key), "since": follow.created_at}
                if follow.consultation_key
                else {"area": follow.area, "since": follow.created_at}
                for follow in follows
            ],
        ),
        DataSection(
            "pseudonyms",
            _("Your names in consultations"),
            [{**where(pseudonym.consultation_key), "name": pseudonym.name} for pseudonym in pseudonyms],
        ),
        DataSection(
            "comments_entered_for_residents",
            _("Comments you entered for residents"),
            [
                {
                    "id": comment.pk,
                    **where(comment.consultation_key),
                    "source": comment.submitted_via,
                    "consent_recorded_at": comment.consent_recorded_at,
                }
                for comment in entered
            ],
        ),
    ]


# --- proposed wording and drafts ----------------------------------------------------

WORDINGS_PER_PAGE = 20


def wording_counts(consultation):
    """{section id: number of visible proposed wordings}, in one query."""
    return dict(
        WordingProposal.objects.filter(consultation_key=consultation.translation_key, is_hidden=False)
        .order_by()
        .values_list("section_id")
        .annotate(n=Count("id"))
    )


def section_of(consultation, section_id):
    """``{"id", "title", "text"}`` of a section of the current draft, or None."""
    for block in consultation.sections:
        if block.id == section_id:
            return {"id": block.id, "title": block.value["title"], "body": block.value["body"]}
    return None


def section_wordings(*, consultation, section_id, params, user, now, form=None):
    """A section of the draft, the wordings residents proposed for it (most
    supported first, each with its difference against the text it was written
    on), which of them the reader supports, and the form to propose one."""
    section = section_of(consultation, section_id)
    wordings = (
        with_pseudonyms(
            WordingProposal.objects.filter(
                consultation_key=consultation.translation_key, section_id=section_id, is_hidden=False
            )
        )
        .select_related("author")
        .order_by("-num_vote_up", "-created_at", "-id")
    )
    page = Paginator(wordings, WORDINGS_PER_PAGE).get_page(params.get("wpage"))
    supported = set()
    if user.is_authenticated and page.object_list:
        supported = set(
            Vote.objects.filter(
                content_type=ContentType.objects.get_for_model(WordingProposal),
                object_id__in=[wording.pk for wording in page],
                user_id=user.pk,
            ).values_list("object_id", flat=True)
        )
    answers = {
        answer.wording_id: answer
        for answer in OutcomeAnswer.objects.filter(
            page__live=True,
            page__path__startswith=consultation.path,
            page__depth=consultation.depth + 1,
            wording__in=[wording.pk for wording in page],
        )
    }
    for wording in page:
        wording.outcome_answer = answers.get(wording.pk)
    if form is None and section is not None:
        form = WordingForm(initial={"text": plain_text(section["body"].source)})
    return {
        "consultation": consultation,
        "section": section,
        "wordings": page,
        "my_wording_supports": supported,
        "wording_form": form,
        "cannot_propose_wording_reason": permissions.why_cannot_propose_wording(user, consultation, now),
        "status": consultation.status_at(now),
        "has_earlier_draft": consultation.draft_number > 1,
        "now": now,
    }


def draft_numbers(consultation):
    """The numbers of the drafts recorded for this consultation page, and the current one."""
    numbers = set(consultation.draft_sections.values_list("draft", flat=True).distinct())
    return sorted(numbers | {consultation.draft_number})


def section_drafts(*, consultation, section_id, params):
    """One section in two drafts of the consultation (by default the previous
    and the current one), with the difference between them.  The current
    draft's text is read from the page when it was never recorded."""
    numbers = draft_numbers(consultation)
    current = consultation.draft_number
    new = whole_number(params.get("to"))
    new = new if new in numbers else current
    old = whole_number(params.get("from"))
    earlier = [number for number in numbers if number < new]
    old = old if old in earlier else (earlier[-1] if earlier else None)
    rows = {
        row.draft: row
        for row in consultation.draft_sections.filter(section_id=section_id, draft__in=[n for n in (old, new) if n])
    }
    section = section_of(consultation, section_id)

    def text_of(number):
        row = rows.get(number)
        if row is not None:
            return row.title, row.text
        if number == current and section is not None:
            return section["title"], plain_text(section["body"].source)
        return None

    new_section, old_section = text_of(new), (text_of(old) if old else None)
    return {
        "consultation": consultation,
        "section_id": section_id,
        "numbers": numbers,
        "old": old,
        "new": new,
        "old_section": old_section,
        "new_section": new_section,
        "segments": diff(old_section[1], new_section[1]) if old_section and new_section else [],
        "found": new_section is not None or old_section is not None,
        "title": (new_section or old_section or ("",))[0],
    }
