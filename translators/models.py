"""The translators' base and checked translations of what residents write.

A resident registers as a :class:`Translator` with the language pairs they
translate; an official approves or rejects the registration in the admin.  An
approved translator translates a published comment or a visible proposal into
another site language: a :class:`Translation`, one per item and language,
which readers see under the original, labelled with who made it and when.

A city unit or an event's organiser asks for an interpreter or a written
translation: an :class:`InterpretingRequest`, filled by assigning an approved
translator, who accepts or declines.
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

from .languages import LANGUAGES, language_name

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


SUBJECT_MAX_LENGTH = 300
ANSWER_MAX_LENGTH = 1000


class InterpretingRequest(models.Model):
    """A city unit's (or an event organiser's) need for an interpreter or a
    written translation, and the translator assigned to it.

    Requests residents make for events and council meetings become one of
    these when an official confirms them (``access_requests`` then links them;
    empty for a city unit's own request; ``occasion`` then names the event or
    the meeting, as "event:12" or "meeting:3"), so there is one queue of people to find.  States: requested → assigned →
    accepted or declined (declined goes back to assigning someone else) →
    done; cancelled at any time before it is done.
    """

    class Kind(models.TextChoices):
        INTERPRETING = "interpreting", _("interpreting")
        WRITTEN = "written", _("written translation")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("waiting for a translator")
        ASSIGNED = "assigned", _("offered to a translator")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined by the translator")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.INTERPRETING)
    source_language = models.CharField(_("from"), max_length=8, choices=LANGUAGES)
    target_language = models.CharField(_("into"), max_length=8, choices=LANGUAGES)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), help_text=_("For a written translation: the deadline."))
    place = models.CharField(_("place"), max_length=200, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX_LENGTH)
    unit = models.CharField(_("city unit or organiser"), max_length=200)
    needs_sworn = models.BooleanField(_("sworn translator needed"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED)
    translator = models.ForeignKey(
        Translator,
        verbose_name=_("translator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )
    declined_by = models.ManyToManyField(
        Translator, verbose_name=_("declined by"), blank=True, related_name="declined_assignments"
    )
    answer = models.TextField(_("translator's note"), max_length=ANSWER_MAX_LENGTH, blank=True)
    access_requests = models.ManyToManyField(
        "events.AccessRequest",
        verbose_name=_("residents' requests"),
        blank=True,
        related_name="interpreting_requests",
        help_text=_("Confirmed requests of residents registered for an event or a council meeting, if any."),
    )
    occasion = models.CharField(max_length=40, blank=True, editable=False)
    # An official's account may be closed: the request stays, without them.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("interpreting request")
        verbose_name_plural = _("interpreting requests")
        ordering = ["starts_at", "id"]
        permissions = [("assign_interpreter", _("Can request interpreters and assign translators"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="interpreting_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=~Q(source_language=models.F("target_language")), name="interpreting_two_languages"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["assigned", "accepted"]) | Q(translator__isnull=False),
                name="interpreting_assigned_has_translator",
            ),
            # Residents asking for one language at one event need one interpreter,
            # however many officials confirm their requests at once.
            models.UniqueConstraint(
                fields=["occasion", "source_language", "target_language"],
                condition=~Q(occasion="") & Q(status__in=["requested", "assigned", "accepted", "declined"]),
                name="one_open_interpreting_per_occasion_and_pair",
            ),
        ]

    def __str__(self):
        return f"{self.pair_name()}: {self.subject}"

    def pair_name(self):
        return f"{language_name(self.source_language)} ↔ {language_name(self.target_language)}"

    @property
    def pair_code(self):
        return f"{self.source_language}-{self.target_language}"
