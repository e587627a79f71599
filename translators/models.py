"""The translators' base and checked translations of what residents write.

A resident registers as a :class:`Translator` with the language pairs they
translate; an official approves or rejects the registration in the admin.  An
approved translator translates a published comment or a visible proposal into
another site language: a :class:`Translation`, one per item and language,
which readers see under the original, labelled with who made it and when.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from consultations.models import COMMENT_MAX_LENGTH, PROPOSAL_TITLE_MAX_LENGTH

SITE_LANGUAGES = settings.LANGUAGES
OTHER_LANGUAGES_MAX_LENGTH = 120
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


def other_language_codes(value):
    """``"be, ka,vi"`` → ``["be", "ka", "vi"]``: lower case, without repeats or blanks."""
    codes = []
    for code in (value or "").replace(";", ",").split(","):
        code = code.strip().lower()
        if code and code not in codes:
            codes.append(code)
    return codes


def validate_other_languages(value):
    bad = [code for code in other_language_codes(value) if not _LANGUAGE_CODE.match(code)]
    if bad:
        raise ValidationError(
            _("Write language codes such as “be, ka, vi”, separated by commas; not understood: %(codes)s"),
            params={"codes": ", ".join(bad)},
        )


class Translator(ClusterableModel):
    """A resident's registration in the translators' base."""

    class Kind(models.TextChoices):
        VOLUNTEER = "volunteer", _("volunteer")
        CITY_INTERPRETER = "city_interpreter", _("city interpreter")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="translator"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.VOLUNTEER)
    is_sworn = models.BooleanField(_("sworn translator"), default=False)
    other_languages = models.CharField(
        _("other languages"),
        max_length=OTHER_LANGUAGES_MAX_LENGTH,
        blank=True,
        validators=[validate_other_languages],
        help_text=_("Languages outside the site's four that you can interpret, as codes: e.g. “be, ka, vi”."),
    )
    is_listed = models.BooleanField(
        _("listed publicly"),
        default=False,
        help_text=_("Show my public name and languages on the public list of translators. Never my e-mail."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("translator")
        verbose_name_plural = _("translators")
        ordering = ["registered_at", "id"]

    def __str__(self):
        return self.user.public_name

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    def other_language_list(self):
        return other_language_codes(self.other_languages)

    def pairs_text(self):
        return ", ".join(str(pair) for pair in self.pairs.all())

    pairs_text.short_description = _("language pairs")


class LanguagePair(models.Model):
    """One direction a translator translates: from ``source`` into ``target``."""

    translator = ParentalKey(Translator, verbose_name=_("translator"), on_delete=models.CASCADE, related_name="pairs")
    source = models.CharField(_("from"), max_length=8, choices=SITE_LANGUAGES)
    target = models.CharField(_("into"), max_length=8, choices=SITE_LANGUAGES)

    class Meta:
        verbose_name = _("language pair")
        verbose_name_plural = _("language pairs")
        ordering = ["source", "target"]
        constraints = [
            models.UniqueConstraint(fields=["translator", "source", "target"], name="one_language_pair_per_direction"),
            models.CheckConstraint(condition=~Q(source=models.F("target")), name="language_pair_two_languages"),
        ]

    def __str__(self):
        return f"{self.source} → {self.target}"

    @property
    def code(self):
        return f"{self.source}-{self.target}"


class Translation(models.Model):
    """A person's translation of a comment or a proposal into one site language.

    Exactly one of ``comment`` and ``proposal`` is set (two foreign keys rather
    than a generic relation, so the database keeps both honest); one
    translation per item and language, enforced by the database.
    """

    comment = models.ForeignKey(
        "consultations.Comment",
        verbose_name=_("comment"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translations",
    )
    proposal = models.ForeignKey(
        "consultations.Proposal",
        verbose_name=_("proposal"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translations",
    )
    language = models.CharField(_("into"), max_length=8, choices=SITE_LANGUAGES)
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("translated by"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=PROPOSAL_TITLE_MAX_LENGTH, blank=True)
    text = models.TextField(_("translation"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("translated at"), default=timezone.now)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(comment__isnull=False) & Q(proposal__isnull=True))
                | (Q(comment__isnull=True) & Q(proposal__isnull=False)),
                name="translation_of_one_item",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="translation_text_not_empty"),
            models.CheckConstraint(
                condition=Q(proposal__isnull=True) | ~Q(title=""), name="proposal_translation_has_title"
            ),
            models.UniqueConstraint(
                fields=["comment", "language"], condition=Q(comment__isnull=False), name="one_translation_per_comment"
            ),
            models.UniqueConstraint(
                fields=["proposal", "language"],
                condition=Q(proposal__isnull=False),
                name="one_translation_per_proposal",
            ),
        ]

    def __str__(self):
        return f"{self.language}: {self.text[:40]}"

    @property
    def item(self):
        return self.comment if self.comment_id else self.proposal
