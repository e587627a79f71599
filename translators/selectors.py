"""Reads for the translators' pages and for readers: a fixed number of queries
whatever the number of translators, items or translations."""

from django.core.paginator import Paginator
from django.db.models import CharField, Exists, OuterRef, Value
from django.utils.translation import gettext as _

from accounts.services import DataSection
from consultations.models import COMMENT_EDIT_WINDOW, Comment, ConsultationPage, Proposal
from consultations.selectors import visible_consultation_keys
from core.language import language_code
from council import selectors as council_selectors
from council.models import Minutes, Motion, RecordTranslation, Resolution

from .models import Translation, Translator

QUEUE_PER_PAGE = 20


def listed_translators():
    """Approved translators who agreed to be listed, with their pairs: two queries."""
    return list(
        Translator.objects.filter(status=Translator.Status.APPROVED, is_listed=True)
        .select_related("user")
        .prefetch_related("pairs")
        .order_by("user__display_name", "user__username")
    )


def _waiting(model, *, source, target, now, visible):
    """``model``'s items written in ``source`` with no translation into ``target`` yet,
    as rows (kind, pk, created_at, target)."""
    if model is Comment:
        items = Comment.objects.filter(state=Comment.State.PUBLISHED, created_at__lte=now - COMMENT_EDIT_WINDOW)
        translated = Translation.objects.filter(comment=OuterRef("pk"), language=target)
    else:
        items = Proposal.objects.filter(is_hidden=False)
        translated = Translation.objects.filter(proposal=OuterRef("pk"), language=target)
    return (
        items.filter(language=source, consultation_key__in=visible)
        .filter(~Exists(translated))
        .order_by()
        .values_list("created_at", "pk")
        .annotate(kind=Value(model._meta.model_name, CharField()), target=Value(target, CharField()))
    )


def translation_queue(*, translator, user=None, pair_code="", page_number=None, now, language=None):
    """What ``translator`` can translate and nobody has yet: published comments
    (past their author's editing time) and visible proposals on consultations
    the translator may see (``consultations.permissions.may_see``), in each of
    their language pairs (or only ``pair_code``, e.g. "uk-pl"), oldest first,
    paginated.

    Queries: the pairs (usually prefetched), one count, one page, the page's
    comments, its proposals and their consultations — whatever the queue's length.
    """
    pairs = list(translator.pairs.all())
    chosen = [pair for pair in pairs if pair.code == pair_code] or pairs
    visible = visible_consultation_keys(user=user or translator.user)
    parts = [
        _waiting(model, source=pair.source, target=pair.target, now=now, visible=visible)
        for pair in chosen
        for model in (Comment, Proposal)
    ]
    rows = parts[0].union(*parts[1:], all=True).order_by("created_at", "pk", "kind", "target") if parts else []
    page = Paginator(rows, QUEUE_PER_PAGE).get_page(page_number)
    ids = {"comment": [], "proposal": []}
    for _created, pk, kind, _target in page.object_list:
        ids[kind].append(pk)
    comments = Comment.objects.select_related("author").in_bulk(ids["comment"]) if ids["comment"] else {}
    proposals = Proposal.objects.select_related("author").in_bulk(ids["proposal"]) if ids["proposal"] else {}
    items = [*comments.values(), *proposals.values()]
    consultations = _consultations_by_key({item.consultation_key for item in items}, language)
    entries = []
    for _created, pk, kind, target in page.object_list:
        item = comments.get(pk) if kind == "comment" else proposals.get(pk)
        if item is not None:
            entries.append(
                {"kind": kind, "item": item, "target": target, "consultation": consultations.get(item.consultation_key)}
            )
    return {
        "page": page,
        "entries": entries,
        "pairs": pairs,
        "pair": chosen[0].code if len(chosen) == 1 and pair_code else "",
    }


def _consultations_by_key(keys, language):
    """{translation_key: the live consultation page in ``language``, else any}: one query."""
    if not keys:
        return {}
    chosen = {}
    for page in ConsultationPage.objects.live().filter(translation_key__in=keys).order_by("pk"):
        best = chosen.get(page.translation_key)
        if best is None or (language_code(page.locale_id) == language and language_code(best.locale_id) != language):
            chosen[page.translation_key] = page
    return chosen


COUNCIL_KINDS = ("motion", "resolution", "minutes")
COUNCIL_QUEUE_LENGTH = 10


def _council_waiting(kind, *, source, target):
    """The public council records of ``kind`` written in ``source`` with no
    translation into ``target`` yet, oldest first, at most ``COUNCIL_QUEUE_LENGTH``."""
    translated = RecordTranslation.objects.filter(**{kind: OuterRef("pk")}, language=target)
    if kind == "motion":
        items = Motion.objects.exclude(state=Motion.State.DRAFT).filter(language=source).select_related("term")
        order = ("created_at", "pk")
    elif kind == "resolution":
        items = Resolution.objects.filter(language=source).select_related("term")
        order = ("adopted_on", "pk")
    else:
        items = Minutes.objects.filter(state=Minutes.State.PUBLISHED, meeting__language=source).select_related(
            "meeting"
        )
        order = ("published_at", "pk")
    return list(items.filter(~Exists(translated)).order_by(*order)[:COUNCIL_QUEUE_LENGTH])


def council_queue(*, translator, pair_code=""):
    """The council's public records (motions, resolutions, published minutes)
    waiting for a translation in ``translator``'s pairs (or only ``pair_code``,
    as the comments' queue above them): one query per pair and kind of record,
    whatever the number of records."""
    entries = []
    pairs = list(translator.pairs.all())
    for pair in [pair for pair in pairs if pair.code == pair_code] or pairs:
        for kind in COUNCIL_KINDS:
            entries += [
                {"kind": kind, "item": item, "target": pair.target}
                for item in _council_waiting(kind, source=pair.source, target=pair.target)
            ]
    return entries


def queue_item(*, kind, pk):
    """The comment, proposal or council record a translator opens from the queue, or None."""
    if kind == "motion":
        return council_selectors.motion(pk)
    if kind == "resolution":
        return council_selectors.resolution(pk)
    if kind == "minutes":
        return Minutes.objects.select_related("meeting").filter(pk=pk).first()
    model = {"comment": Comment, "proposal": Proposal}.get(kind)
    if model is None:
        return None
    return model.objects.select_related("author").filter(pk=pk).first()


def translations_for(*, comment_ids=(), proposal_ids=(), language):
    """Translations into ``language`` of the given comments and proposals, as
    ``({comment id: translation}, {proposal id: translation})``: one query."""
    comment_ids, proposal_ids = list(comment_ids), list(proposal_ids)
    by_comment, by_proposal = {}, {}
    if not comment_ids and not proposal_ids:
        return by_comment, by_proposal
    query = Translation.objects.none()
    if comment_ids:
        query = query | Translation.objects.filter(comment_id__in=comment_ids)
    if proposal_ids:
        query = query | Translation.objects.filter(proposal_id__in=proposal_ids)
    for translation in query.filter(language=language).select_related("translator"):
        if translation.comment_id:
            by_comment[translation.comment_id] = translation
        else:
            by_proposal[translation.proposal_id] = translation
    return by_comment, by_proposal


def personal_data(*, user):
    """What the translators' base holds about ``user`` (``accounts.signals.collecting``):
    their registration and the translations they published."""
    registration = Translator.objects.filter(user=user).prefetch_related("pairs").first()
    registrations = []
    if registration is not None:
        registrations.append(
            {
                "kind": registration.kind,
                "sworn_translator": registration.is_sworn,
                "language_pairs": [pair.code for pair in registration.pairs.all()],
                "other_languages": registration.other_language_list(),
                "listed_publicly": registration.is_listed,
                "status": registration.status,
                "registered_at": registration.registered_at,
                "decided_at": registration.decided_at,
            }
        )
    translations = [
        {
            "comment": translation.comment_id,
            "proposal": translation.proposal_id,
            "into": translation.language,
            "title": translation.title,
            "text": translation.text,
            "translated_at": translation.created_at,
        }
        for translation in Translation.objects.filter(translator=user).order_by("created_at", "pk")
    ]
    return [
        DataSection("translator", _("Your registration as a translator"), registrations),
        DataSection("translations", _("Your translations"), translations),
    ]
