"""The council's records in the residents' languages.

A motion, a resolution and a meeting's minutes are written in one language
(the original, kept in the record itself).  A :class:`RecordTranslation` holds
the record's title and text in another of the site's languages: written by the
motion's author or the council's secretary (``Origin.COUNCIL``), or by an
approved volunteer through the translators' queue (``Origin.TRANSLATOR``),
labelled with who made it and when.  One translation per record and language,
kept honest by the database, as the translators' own translations are.

Readers get :func:`shown`: the record in their language when it has been
translated, else the original, and always which language that is.  What Rada
writes itself around a record (numbers such as "Motion III/5", agenda titles
of scheduled motions, the minutes' headings) is never stored: it is rendered
in the reader's language when shown.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.language import LANGUAGE_CODES, current_language

TRANSLATED_TITLE_MAX_LENGTH = 200
TRANSLATED_TEXT_MAX_LENGTH = 50_000

# The records that may be translated, by the name of their foreign key here.
KINDS = ("motion", "resolution", "minutes")


class RecordTranslation(models.Model):
    """A council record's title and text in one more of the site's languages.

    Exactly one of ``motion``, ``resolution`` and ``minutes`` is set (three
    foreign keys rather than a generic relation, so the database keeps them
    honest and deleting a record takes its translations along)."""

    class Origin(models.TextChoices):
        COUNCIL = "council", _("by the council")
        TRANSLATOR = "translator", _("by a volunteer translator")

    motion = models.ForeignKey(
        "council.Motion", null=True, blank=True, on_delete=models.CASCADE, related_name="translations"
    )
    resolution = models.ForeignKey(
        "council.Resolution", null=True, blank=True, on_delete=models.CASCADE, related_name="translations"
    )
    minutes = models.ForeignKey(
        "council.Minutes", null=True, blank=True, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=TRANSLATED_TITLE_MAX_LENGTH, blank=True)
    text = models.TextField(_("text"), max_length=TRANSLATED_TEXT_MAX_LENGTH)
    origin = models.CharField(_("kind of translation"), max_length=12, choices=Origin.choices, default=Origin.COUNCIL)
    # A translator's account may be closed: the translation stays, under a
    # stand-in ("a former participant"), or goes when they ask.
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("translated by"),
    )
    translated_at = models.DateTimeField(_("translated at"), default=timezone.now)

    class Meta:
        verbose_name = _("translation of a council record")
        verbose_name_plural = _("translations of council records")
        ordering = ["language", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(motion__isnull=False) & Q(resolution__isnull=True) & Q(minutes__isnull=True))
                | (Q(motion__isnull=True) & Q(resolution__isnull=False) & Q(minutes__isnull=True))
                | (Q(motion__isnull=True) & Q(resolution__isnull=True) & Q(minutes__isnull=False)),
                name="record_translation_of_one_record",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="record_translation_text_not_empty"),
            models.UniqueConstraint(
                fields=["motion", "language"], condition=Q(motion__isnull=False), name="one_translation_per_motion"
            ),
            models.UniqueConstraint(
                fields=["resolution", "language"],
                condition=Q(resolution__isnull=False),
                name="one_translation_per_resolution",
            ),
            models.UniqueConstraint(
                fields=["minutes", "language"], condition=Q(minutes__isnull=False), name="one_translation_per_minutes"
            ),
        ]

    def __str__(self):
        return f"{self.language}: {self.title or self.text[:40]}"

    @property
    def record(self):
        return self.motion or self.resolution or self.minutes


def kind_of(record):
    """``"motion"``, ``"resolution"`` or ``"minutes"``: the name of ``record``'s kind."""
    return record._meta.model_name


@dataclass(frozen=True)
class Shown:
    """A record's title and text as one reader gets them."""

    title: str
    text: str
    language: str
    translation: RecordTranslation | None = None

    @property
    def translated_by(self):
        """``{"name", "date"}`` of a translation's author, or None for the original."""
        if self.translation is None:
            return None
        person = self.translation.translated_by
        return {
            "name": person.public_name if person else str(_("a former participant")),
            "date": timezone.localtime(self.translation.translated_at).date().isoformat(),
        }


def original_of(record):
    return Shown(title=getattr(record, "title", ""), text=record.text, language=record.language)


def translations_prefetch(path="translations", code=None):
    """Prefetch the translations of listed records (``path`` leads to them from
    the listed rows) into the reader's language only: one query for the whole
    list, whatever the number of records and translations."""
    code = code or current_language()
    return Prefetch(path, queryset=RecordTranslation.objects.filter(language=code).select_related("translated_by"))


def _translations(record):
    """``record``'s translations: those prefetched, else all of them, read once
    and kept on the record."""
    if "translations" not in getattr(record, "_prefetched_objects_cache", {}):
        prefetch_related_objects(
            [record], Prefetch("translations", queryset=RecordTranslation.objects.select_related("translated_by"))
        )
    return record.translations.all()


def translation_into(record, code):
    """``record``'s translation into ``code``, or None (see :func:`_translations`)."""
    for found in _translations(record):
        if found.language == code:
            return found
    return None


def shown(record, code=None):
    """``record`` in ``code`` (the reader's language by default) when it is the
    original's language or has been translated into it; else the original."""
    code = code or current_language()
    if code == record.language:
        return original_of(record)
    found = translation_into(record, code)
    if found is None:
        return original_of(record)
    return Shown(title=found.title or getattr(record, "title", ""), text=found.text, language=code, translation=found)


def languages_of(record):
    """The languages ``record`` can be read in: its own first, then its translations'."""
    codes = [record.language]
    codes += [found.language for found in _translations(record) if found.language not in codes]
    return [codes[0], *sorted(codes[1:], key=LANGUAGE_CODES.index)]
