"""Every change in the translators' base goes through one function here.

Each checks its rules, raising :class:`RuleBroken` with a translated message,
then writes in one transaction.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations import permissions as consultation_permissions
from consultations.models import COMMENT_MAX_LENGTH, PROPOSAL_TITLE_MAX_LENGTH, Comment, Proposal
from consultations.services import consultation_of
from core.errors import RuleBroken
from core.language import LANGUAGE_CODES
from core.ratelimit import enforce
from core.text import clean_line, clean_text
from council import permissions as council_permissions
from council import translation_services
from council.models import Minutes, Motion, Resolution

from . import permissions
from .models import LanguagePair, Translation, Translator, other_language_codes

TRANSLATIONS_PER_MINUTE = 10


def _clean_pairs(pairs):
    cleaned = []
    for source, target in pairs:
        if source not in LANGUAGE_CODES or target not in LANGUAGE_CODES:
            raise RuleBroken(_("Translations are made between the site's languages only."))
        if source == target:
            raise RuleBroken(_("A language pair needs two different languages."))
        if (source, target) not in cleaned:
            cleaned.append((source, target))
    if not cleaned:
        raise RuleBroken(_("Choose at least one language pair."))
    return sorted(cleaned)


def translator_register(
    *, user, pairs, kind=Translator.Kind.VOLUNTEER, is_sworn=False, is_listed=False, other_languages="", now=None
):
    """Register ``user`` in the translators' base, or update their registration.

    A new registration waits for an official's approval.  An approved
    translator who changes what an official checked (pairs, kind, sworn
    status) waits for approval again; changing only the listing does not.
    """
    now = now or timezone.now()
    reason = permissions.why_cannot_register(user)
    if reason:
        raise RuleBroken(reason)
    pairs = _clean_pairs(pairs)
    if kind not in Translator.Kind.values:
        raise RuleBroken(_("Choose whether you are a volunteer or a city interpreter."))
    other_languages = ", ".join(other_language_codes(other_languages))
    with transaction.atomic():
        translator, created = Translator.objects.select_for_update().get_or_create(
            user=user, defaults={"registered_at": now}
        )
        old_pairs = sorted(translator.pairs.values_list("source", "target")) if not created else []
        checked_changed = created or old_pairs != pairs or translator.kind != kind or translator.is_sworn != is_sworn
        translator.kind = kind
        translator.is_sworn = is_sworn
        translator.is_listed = is_listed
        translator.other_languages = other_languages
        if checked_changed or translator.status == Translator.Status.REJECTED:
            translator.status = Translator.Status.PENDING
            translator.decided_at = None
            translator.decided_by = None
        translator.full_clean(exclude=["user"])
        translator.save()
        if old_pairs != pairs:
            translator.pairs.all().delete()
            LanguagePair.objects.bulk_create(
                LanguagePair(translator=translator, source=source, target=target) for source, target in pairs
            )
    if hasattr(user, "_rada_translator"):
        del user._rada_translator
    return translator


def translator_decide(*, translator, status, official, now=None):
    """An official approves or rejects a registration (or takes an approval back)."""
    if not permissions.can_manage_translators(official):
        raise RuleBroken(_("Only officials can approve translators."))
    if status not in Translator.Status.values:
        raise RuleBroken(_("Unknown decision."))
    translator.status = status
    translator.decided_at = now or timezone.now()
    translator.decided_by = official
    translator.save(update_fields=["status", "decided_at", "decided_by"])
    return translator


def why_not_translatable(item, now, *, user):
    """None when ``item`` (a comment or a proposal) may be translated by ``user``
    now; else why.  What is written on a consultation ``user`` may not see
    (unpublished, or private to others) is neither shown nor translated."""
    if isinstance(item, Comment | Proposal):
        hidden = consultation_permissions.why_hidden(user, consultation_of(item))
        if hidden:
            return hidden
    if isinstance(item, Comment):
        if not item.is_published:
            return _("Only published comments are translated.")
        if now < item.editable_until():
            return _("This comment can still be edited by its author; translate it a little later.")
        return None
    if isinstance(item, Proposal):
        return _("Hidden proposals are not translated.") if item.is_hidden else None
    if isinstance(item, Motion | Resolution | Minutes):
        return council_permissions.why_not_public_record(item)
    return _("Only comments, proposals and the council's public records are translated.")


def _clean_translation(text, title, is_proposal):
    text = clean_text(text).strip()
    title = clean_line(title)
    if not text:
        raise RuleBroken(_("Please write the translation before sending."))
    if len(text) > COMMENT_MAX_LENGTH:
        raise RuleBroken(
            _("A translation may be at most %(limit)d characters long; this one has %(length)d.")
            % {"limit": COMMENT_MAX_LENGTH, "length": len(text)}
        )
    if is_proposal:
        if not title:
            raise RuleBroken(_("Please translate the proposal's title too."))
        if len(title) > PROPOSAL_TITLE_MAX_LENGTH:
            raise RuleBroken(
                _("A title may be at most %(limit)d characters long.") % {"limit": PROPOSAL_TITLE_MAX_LENGTH}
            )
    else:
        title = ""
    return text, title


def _enforce_pace(translator):
    enforce(
        f"translation:{translator.pk}",
        limit=TRANSLATIONS_PER_MINUTE,
        seconds=60,
        message=_("You are translating very quickly. Please wait a minute and try again."),
    )


def translation_submit(*, item, translator, language, text, title="", now=None):
    """``translator`` (a user) publishes a translation of ``item`` (a comment, a
    proposal or a public council record) into ``language``.

    One translation per item and language: a second one, however concurrent,
    is refused by the database's unique constraint and reported as such.
    """
    now = now or timezone.now()
    if not permissions.is_approved_translator(translator):
        raise RuleBroken(_("Only approved translators can translate."))
    if language not in LANGUAGE_CODES or language == item.language:
        raise RuleBroken(_("Choose another of the site's languages to translate into."))
    if not permissions.can_translate_pair(translator, item.language, language):
        raise RuleBroken(_("You do not translate from this language into that one."))
    reason = why_not_translatable(item, now, user=translator)
    if reason:
        raise RuleBroken(reason)
    if isinstance(item, Motion | Resolution | Minutes):
        _enforce_pace(translator)
        return translation_services.record_translation_add(
            record=item, translator=translator, language=language, title=title, text=text, now=now
        )
    is_proposal = isinstance(item, Proposal)
    text, title = _clean_translation(text, title, is_proposal)
    target = {"proposal": item} if is_proposal else {"comment": item}
    if Translation.objects.filter(language=language, **target).exists():
        raise RuleBroken(_("This has already been translated into that language."))
    _enforce_pace(translator)
    try:
        with transaction.atomic():
            return Translation.objects.create(
                language=language, translator=translator, text=text, title=title, created_at=now, **target
            )
    except IntegrityError as error:
        raise RuleBroken(_("This has already been translated into that language.")) from error


def translations_hand_over(*, user, to, remove=False):
    """The translations ``user`` published now show the stand-in ``to`` ("a
    former participant") instead of their public name; with ``remove`` they are
    deleted instead (what a person wrote goes with them when they ask).  Their
    registration in the translators' base stays while the account does, and is
    deleted with it.  Returns ``{"translations": …}``."""
    mine = Translation.objects.filter(translator=user)
    if remove:
        return {"translations": mine.delete()[1].get(Translation._meta.label, 0)}
    return {"translations": mine.update(translator=to)}
