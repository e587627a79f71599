"""The council's membership over time: calls for candidates, candidacies, the
ranked substitutes of a term, and seats vacated during it.

A seat is a :class:`~council.models.Membership` with its dates; the members
entitled on a day are the seats held that day
(``Membership.objects.current_on``), and nothing here changes that rule.  A
vacated seat ends the day before it is vacated (its :class:`Vacancy` records
when and why), and the substitute who takes it holds a seat of their own from
the day they take it, so quorum and majorities count the seats of each day
without knowing about vacancies.  Every write goes through
``council.recruitment_services``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.language import current_language

CALL_TITLE_MAX_LENGTH = 200
CALL_DESCRIPTION_MAX_LENGTH = 5000
MOTIVATION_MAX_LENGTH = 3000
CANDIDATE_LINE_MAX_LENGTH = 200
VACANCY_NOTE_MAX_LENGTH = 500

LANGUAGE_CHOICES = settings.LANGUAGES


def _shown(record, field):
    """``(text, language)``: ``field`` in the reader's language, else the first one written."""
    current = current_language()
    order = [current] + [code for code, _name in LANGUAGE_CHOICES if code != current]
    for code in order:
        text = getattr(record, f"{field}_{code}", "")
        if text:
            return text, code
    return "", current


class CandidateCall(models.Model):
    """A call for candidates for a term's seats, open between two moments."""

    term = models.ForeignKey(
        "council.Term", on_delete=models.PROTECT, related_name="candidate_calls", verbose_name=_("term")
    )
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"))
    title_pl = models.CharField(_("title in Polish"), max_length=CALL_TITLE_MAX_LENGTH, blank=True)
    title_en = models.CharField(_("title in English"), max_length=CALL_TITLE_MAX_LENGTH, blank=True)
    title_uk = models.CharField(_("title in Ukrainian"), max_length=CALL_TITLE_MAX_LENGTH, blank=True)
    title_ru = models.CharField(_("title in Russian"), max_length=CALL_TITLE_MAX_LENGTH, blank=True)
    description_pl = models.TextField(_("description in Polish"), max_length=CALL_DESCRIPTION_MAX_LENGTH, blank=True)
    description_en = models.TextField(_("description in English"), max_length=CALL_DESCRIPTION_MAX_LENGTH, blank=True)
    description_uk = models.TextField(_("description in Ukrainian"), max_length=CALL_DESCRIPTION_MAX_LENGTH, blank=True)
    description_ru = models.TextField(_("description in Russian"), max_length=CALL_DESCRIPTION_MAX_LENGTH, blank=True)
    candidates_published = models.BooleanField(
        _("list of candidates published"),
        default=False,
        help_text=_("Shows the candidates who agreed to publication on the site and in the API."),
    )

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("call for candidates")
        verbose_name_plural = _("calls for candidates")
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")), name="call_closes_after_it_opens"),
            models.CheckConstraint(
                condition=~Q(title_pl="", title_en="", title_uk="", title_ru=""), name="call_has_a_title"
            ),
        ]

    def __str__(self):
        return self.title_shown[0]

    def get_absolute_url(self):
        return reverse("council:candidates") + f"#call-{self.pk}"

    @property
    def title_shown(self):
        return _shown(self, "title")

    @property
    def description_shown(self):
        return _shown(self, "description")

    def is_open_at(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class Candidacy(models.Model):
    """A resident's application to a call: one per person and call, theirs to
    change while the call is open.  Personal: shown only if they consented,
    and only once officials publish the list."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        APPOINTED = "appointed", _("Appointed to a seat")
        SUBSTITUTE = "substitute", _("On the list of substitutes")
        NOT_SELECTED = "not_selected", _("Not selected")

    call = models.ForeignKey(
        CandidateCall, on_delete=models.CASCADE, related_name="candidacies", verbose_name=_("call for candidates")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="council_candidacies",
        verbose_name=_("account"),
    )
    motivation = models.TextField(_("motivation"), max_length=MOTIVATION_MAX_LENGTH)
    languages = models.CharField(_("languages spoken"), max_length=CANDIDATE_LINE_MAX_LENGTH)
    community = models.CharField(_("community or organisation"), max_length=CANDIDATE_LINE_MAX_LENGTH, blank=True)
    language = models.CharField(_("language of the application"), max_length=8, choices=LANGUAGE_CHOICES)
    consent_to_publish = models.BooleanField(_("agrees to publication"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    membership = models.OneToOneField(
        "council.Membership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="candidacy",
        editable=False,
    )
    created_at = models.DateTimeField(_("submitted at"))
    updated_at = models.DateTimeField(_("changed at"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("candidacy")
        verbose_name_plural = _("candidacies")
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="one_candidacy_per_person_per_call"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.user.public_name


class Substitute(models.Model):
    """A person ranked on a term's list of substitutes.  When a seat is
    vacated the first one not yet seated takes it (``seat``)."""

    term = models.ForeignKey(
        "council.Term", on_delete=models.PROTECT, related_name="substitutes", verbose_name=_("term")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="council_substitute_places",
        verbose_name=_("account"),
    )
    rank = models.PositiveSmallIntegerField(_("rank"), help_text=_("1 takes the first seat vacated."))
    public = models.BooleanField(_("shown on the site"), default=False)
    seat = models.OneToOneField(
        "council.Membership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="as_substitute",
        editable=False,
        verbose_name=_("seat taken"),
    )

    class Meta:
        ordering = ["term", "rank"]
        verbose_name = _("substitute")
        verbose_name_plural = _("substitutes")
        constraints = [
            models.UniqueConstraint(fields=["term", "user"], name="one_substitute_place_per_person_per_term"),
            models.UniqueConstraint(fields=["term", "rank"], name="substitute_rank_unique_per_term"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="substitute_rank_from_one"),
        ]

    def __str__(self):
        return f"{self.rank}. {self.user.public_name}"

    @property
    def name(self):
        return self.user.public_name


class Vacancy(models.Model):
    """A seat left during its term: the member's last day is the day before
    ``vacated_on``; ``filled_by`` is the substitute who took it over."""

    class Reason(models.TextChoices):
        RESIGNED = "resigned", _("Resigned")
        REMOVED = "removed", _("Removed")
        DIED = "died", _("Died")
        OTHER = "other", _("Other reason")

    membership = models.OneToOneField(
        "council.Membership", on_delete=models.PROTECT, related_name="vacancy", verbose_name=_("seat")
    )
    vacated_on = models.DateField(_("vacated on"), help_text=_("The first day the member no longer holds the seat."))
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=VACANCY_NOTE_MAX_LENGTH, blank=True)
    filled_by = models.OneToOneField(
        Substitute,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vacancy_filled",
        editable=False,
        verbose_name=_("filled by"),
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-vacated_on", "-pk"]
        verbose_name = _("vacated seat")
        verbose_name_plural = _("vacated seats")

    def __str__(self):
        return _("%(member)s, seat vacated on %(day)s") % {
            "member": self.membership.user.public_name,
            "day": self.vacated_on.isoformat(),
        }
