"""Writing the translations of the council's records (``council.translations``).

The motion's author or the council's secretary writes, changes and removes a
record's translations (:func:`record_translation_save`); a volunteer's
translation comes from the translators' queue (:func:`record_translation_add`,
called by ``translators.services`` once it has checked the volunteer), and
never replaces one that exists.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import RuleBroken
from core.language import LANGUAGE_CODES
from core.text import clean_line, clean_text

from . import permissions
from .translations import TRANSLATED_TEXT_MAX_LENGTH, TRANSLATED_TITLE_MAX_LENGTH, RecordTranslation, kind_of


def _clean(record, language, title, text):
    if language not in LANGUAGE_CODES or language == record.language:
        raise RuleBroken(_("Choose another of the site's languages to translate into."))
    text = clean_text(text or "").strip()
    title = clean_line(title or "")
    limit = min(TRANSLATED_TEXT_MAX_LENGTH, record._meta.get_field("text").max_length or TRANSLATED_TEXT_MAX_LENGTH)
    if len(text) > limit:
        raise RuleBroken(
            _("A translation may be at most %(limit)d characters long; this one has %(length)d.")
            % {"limit": limit, "length": len(text)}
        )
    if kind_of(record) == "minutes":
        title = ""
    elif text and not title:
        raise RuleBroken(_("Please translate the title too."))
    if len(title) > TRANSLATED_TITLE_MAX_LENGTH:
        raise RuleBroken(
            _("A title may be at most %(limit)d characters long.") % {"limit": TRANSLATED_TITLE_MAX_LENGTH}
        )
    return title, text


def record_translation_save(*, record, user, language, title="", text="", now=None):
    """The author or the secretary writes ``record``'s translation into
    ``language`` (or changes it, whoever wrote it; an empty text removes it).
    Returns the translation, or None when removed."""
    now = now or timezone.now()
    if not permissions.can_translate_record(user, record):
        raise RuleBroken(_("Only the author of the motion or the council's secretary translates this record here."))
    title, text = _clean(record, language, title, text)
    target = {kind_of(record): record}
    with transaction.atomic():
        if not text:
            RecordTranslation.objects.filter(language=language, **target).delete()
            return None
        found = RecordTranslation.objects.select_for_update().filter(language=language, **target).first()
        if found is not None and (found.title, found.text) == (title, text):
            return found
        values = {
            "title": title,
            "text": text,
            "origin": RecordTranslation.Origin.COUNCIL,
            "translated_by": user,
            "translated_at": now,
        }
        if found is None:
            return RecordTranslation.objects.create(language=language, **target, **values)
        for name, value in values.items():
            setattr(found, name, value)
        found.save()
        return found


def record_translation_add(*, record, translator, language, title="", text="", now=None):
    """A volunteer's translation of a public ``record`` from the translators'
    queue.  The caller has checked that ``translator`` is an approved
    translator of this language pair.  A second translation into the same
    language, however concurrent, is refused."""
    now = now or timezone.now()
    reason = permissions.why_not_public_record(record)
    if reason:
        raise RuleBroken(reason)
    title, text = _clean(record, language, title, text)
    if not text:
        raise RuleBroken(_("Please write the translation before sending."))
    target = {kind_of(record): record}
    if RecordTranslation.objects.filter(language=language, **target).exists():
        raise RuleBroken(_("This has already been translated into that language."))
    try:
        with transaction.atomic():
            return RecordTranslation.objects.create(
                language=language,
                title=title,
                text=text,
                origin=RecordTranslation.Origin.TRANSLATOR,
                translated_by=translator,
                translated_at=now,
                **target,
            )
    except IntegrityError as error:
        raise RuleBroken(_("This has already been translated into that language.")) from error


def resolution_translations_copy(*, resolution):
    """A resolution adopted from a translated motion starts with the motion's
    translations, credited as they were: the adopted text is the motion's."""
    RecordTranslation.objects.bulk_create(
        RecordTranslation(
            resolution=resolution,
            language=found.language,
            title=found.title,
            text=found.text,
            origin=found.origin,
            translated_by_id=found.translated_by_id,
            translated_at=found.translated_at,
        )
        for found in RecordTranslation.objects.filter(motion_id=resolution.motion_id).exclude(
            language=resolution.language
        )
    )


def record_translations_hand_over(*, user, to, remove=False):
    """The translations ``user`` wrote now show the stand-in ``to`` ("a former
    participant"); with ``remove`` those they made as volunteers are deleted
    (what a person wrote goes with them when they ask), while those written as
    the council's author or secretary stay, under the stand-in, with the public
    record.  Returns ``{"record_translations": …}``."""
    mine = RecordTranslation.objects.filter(translated_by=user)
    removed = 0
    if remove:
        volunteered = mine.filter(origin=RecordTranslation.Origin.TRANSLATOR)
        removed = volunteered.delete()[1].get(RecordTranslation._meta.label, 0)
    return {"record_translations": removed + mine.update(translated_by=to)}
