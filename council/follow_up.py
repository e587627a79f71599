"""What became of a resolution: the city's answer and its later updates.

The city answers each resolution of the council (accepted, partly accepted or
rejected, with reasons) and then reports its progress until it is
implemented.  Every step is one dated :class:`CityResponseUpdate`, kept by
officials in the admin; the resolution's current status is its latest
update's, and "awaiting answer" while it has none.  Which steps may follow
which, and what each must say, is decided in ``follow_up_services``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.language import LANGUAGE_CODES, current_language

UNIT_MAX_LENGTH = 200
UPDATE_TEXT_MAX_LENGTH = 4000


class CityStatus(models.TextChoices):
    AWAITING = "awaiting", _("awaiting the city's answer")
    ACCEPTED = "accepted", _("accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("partly accepted")
    REJECTED = "rejected", _("rejected")
    IN_PROGRESS = "in_progress", _("in progress")
    IMPLEMENTED = "implemented", _("implemented")


# The statuses that answer a resolution: the first of them is "the city's answer".
ANSWERS = (CityStatus.ACCEPTED, CityStatus.PARTLY_ACCEPTED, CityStatus.REJECTED)


class CityResponseUpdate(models.Model):
    """One dated step of the city's follow-up of a resolution."""

    resolution = models.ForeignKey(
        "council.Resolution", on_delete=models.PROTECT, related_name="city_updates", verbose_name=_("resolution")
    )
    date = models.DateField(_("date"))
    status = models.CharField(
        _("status"), max_length=16, choices=[c for c in CityStatus.choices if c[0] != CityStatus.AWAITING]
    )
    unit = models.CharField(
        _("responsible city unit"),
        max_length=UNIT_MAX_LENGTH,
        help_text=_("The department or municipal unit that answers for the resolution."),
    )
    text_pl = models.TextField(_("text in Polish"), max_length=UPDATE_TEXT_MAX_LENGTH, blank=True)
    text_en = models.TextField(_("text in English"), max_length=UPDATE_TEXT_MAX_LENGTH, blank=True)
    text_uk = models.TextField(_("text in Ukrainian"), max_length=UPDATE_TEXT_MAX_LENGTH, blank=True)
    text_ru = models.TextField(_("text in Russian"), max_length=UPDATE_TEXT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        ordering = ["date", "created_at", "pk"]
        verbose_name = _("city's answer or update")
        verbose_name_plural = _("city's answers and updates")
        indexes = [models.Index(fields=["resolution", "date"], name="city_update_by_resolution")]

    def __str__(self):
        return f"{self.resolution.label}: {self.get_status_display()} ({self.date:%Y-%m-%d})"

    @property
    def text(self):
        """``(language, text)``: the text in the reader's language, else the first one written."""
        current = current_language()
        order = [current] + [code for code in LANGUAGE_CODES if code != current]
        for code in order:
            text = getattr(self, f"text_{code}", "")
            if text:
                return code, text
        return None, ""


# Which status may follow which.  An answer comes first; "in progress" may be
# reported again and again; a rejection or an implementation ends the follow-up.
NEXT = {
    CityStatus.AWAITING: ANSWERS,
    CityStatus.ACCEPTED: (CityStatus.IN_PROGRESS, CityStatus.IMPLEMENTED),
    CityStatus.PARTLY_ACCEPTED: (CityStatus.IN_PROGRESS, CityStatus.IMPLEMENTED),
    CityStatus.IN_PROGRESS: (CityStatus.IN_PROGRESS, CityStatus.IMPLEMENTED),
    CityStatus.REJECTED: (),
    CityStatus.IMPLEMENTED: (),
}
# An answer that refuses all or part of a resolution must say why.
NEEDS_REASONS = (CityStatus.PARTLY_ACCEPTED, CityStatus.REJECTED)


class FollowUp:
    """What a resolution's page and API item show of the city's follow-up,
    from its updates in date order (no query of its own)."""

    def __init__(self, resolution, updates, today):
        self.resolution = resolution
        self.updates = list(updates)
        latest = self.updates[-1] if self.updates else None
        self.status = CityStatus(latest.status) if latest else CityStatus.AWAITING
        self.unit = latest.unit if latest else ""
        answer = next((u for u in self.updates if u.status in ANSWERS), None)
        self.answered_on = answer.date if answer else None
        self.days_to_answer = (answer.date - resolution.adopted_on).days if answer else None
        waited = (today - resolution.adopted_on).days
        self.overdue_days = waited if answer is None and waited > settings.RADA_CITY_ANSWER_DAYS else None

    @property
    def status_label(self):
        return self.status.label
