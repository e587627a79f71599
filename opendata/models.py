"""Evaluation: indicators with targets that officials set per thematic area.

An indicator's value is either *computed* from the platform's data by one of
the fixed :class:`Measure` s, or *entered by hand* with its source, for what
the data cannot tell (say, people trained by a partner organisation).  Names
are written in each site language, like the council members' bios.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from consultations.models import Answer
from core.areas import Area
from core.language import current_language

NAME_MAX_LENGTH = 200


class Measure(models.TextChoices):
    """What the code can count.  Each is computed in ``opendata.indicators``."""

    CONSULTATIONS_HELD = "consultations_held", _("Consultations opened in the period")
    OUTCOMES_PUBLISHED = "outcomes_published", _("Consultation outcomes published in the period")
    COMMENTS = "comments", _("Residents' comments written in the period (optionally in one language)")
    PROPOSALS = "proposals", _("Residents' proposals submitted in the period (optionally in one language)")
    SUPPORTS = "supports", _("Supports given to proposals in the period")
    PARTICIPANTS = (
        "participants",
        _(
            "Residents who took part in the period: commented, submitted or supported a proposal or a wording, "
            "or answered a survey"
        ),
    )
    PROPOSALS_ANSWERED = "proposals_answered", _("Proposals answered in the period (optionally with one answer)")
    COUNCIL_MEETINGS = "council_meetings", _("Council meetings held in the period (whole council)")
    MOTIONS_SUBMITTED = "motions_submitted", _("Council motions in this area submitted in the period")
    MOTIONS_ADOPTED = "motions_adopted", _("Council motions in this area adopted in the period")


# Which measures take which parameter.
LANGUAGE_MEASURES = {Measure.COMMENTS, Measure.PROPOSALS}
ANSWER_MEASURES = {Measure.PROPOSALS_ANSWERED}
# Measures counting what residents did: small values are shown as "fewer than 5".
PEOPLE_MEASURES = {Measure.COMMENTS, Measure.PROPOSALS, Measure.SUPPORTS, Measure.PARTICIPANTS}


class Indicator(models.Model):
    area = models.CharField(_("thematic area"), max_length=32, choices=Area.choices)
    name_pl = models.CharField(_("name in Polish"), max_length=NAME_MAX_LENGTH)
    name_en = models.CharField(_("name in English"), max_length=NAME_MAX_LENGTH, blank=True)
    name_uk = models.CharField(_("name in Ukrainian"), max_length=NAME_MAX_LENGTH, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=NAME_MAX_LENGTH, blank=True)
    target = models.PositiveIntegerField(_("target"), help_text=_("The value the city aims to reach in the period."))
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("A calendar year; or leave empty and give the dates below.")
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    measure = models.CharField(
        _("computed measure"),
        max_length=32,
        choices=Measure.choices,
        blank=True,
        help_text=_("Leave empty to enter the value by hand below."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("For comments and proposals: count only those written in this language."),
    )
    answer = models.CharField(
        _("answer"),
        max_length=20,
        choices=Answer.choices,
        blank=True,
        help_text=_("For answered proposals: count only those with this answer."),
    )
    manual_value = models.PositiveIntegerField(_("value entered by hand"), null=True, blank=True)
    manual_source = models.CharField(
        _("source of the value"),
        max_length=300,
        blank=True,
        help_text=_("Where the value entered by hand comes from, e.g. a report and its date."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("area"),
        MultiFieldPanel(
            [FieldPanel("name_pl"), FieldPanel("name_en"), FieldPanel("name_uk"), FieldPanel("name_ru")],
            heading=_("Name"),
        ),
        FieldPanel("target"),
        MultiFieldPanel(
            [FieldPanel("year"), FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])],
            heading=_("Period"),
        ),
        MultiFieldPanel(
            [FieldPanel("measure"), FieldPanel("language"), FieldPanel("answer")],
            heading=_("Computed from the data"),
        ),
        MultiFieldPanel([FieldPanel("manual_value"), FieldPanel("manual_source")], heading=_("Or entered by hand")),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["area", "sort_order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=False, starts_on__isnull=True, ends_on__isnull=True)
                | Q(
                    year__isnull=True,
                    starts_on__isnull=False,
                    ends_on__isnull=False,
                    ends_on__gte=models.F("starts_on"),
                ),
                name="indicator_has_one_period",
            ),
            models.CheckConstraint(
                condition=Q(measure="") | Q(manual_value__isnull=True, manual_source=""),
                name="indicator_computed_or_by_hand",
            ),
            models.CheckConstraint(
                condition=Q(manual_value__isnull=True) | ~Q(manual_source=""),
                name="indicator_value_by_hand_has_source",
            ),
            models.CheckConstraint(condition=Q(target__gt=0), name="indicator_target_positive"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name in the reader's language, else in Polish."""
        code = current_language()
        return getattr(self, f"name_{code}", "") or self.name_pl

    @property
    def name_language(self):
        """The language :attr:`name` is written in, for ``lang``."""
        code = current_language()
        return code if getattr(self, f"name_{code}", "") else "pl"

    @property
    def is_computed(self):
        return bool(self.measure)

    @property
    def period(self):
        """(first day, last day) of the period."""
        if self.year:
            return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)
        return self.starts_on, self.ends_on

    def clean(self):
        errors = {}
        if self.year and (self.starts_on or self.ends_on):
            errors["year"] = _("Give either a year or a date range, not both.")
        elif not self.year and not (self.starts_on and self.ends_on):
            errors["year"] = _("Give a year, or both dates of the period.")
        elif self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The period must end after it starts.")
        if self.measure:
            if self.manual_value is not None or self.manual_source:
                errors["manual_value"] = _("A computed indicator takes no value by hand.")
            if self.language and self.measure not in LANGUAGE_MEASURES:
                errors["language"] = _("This measure does not count by language.")
            if self.answer and self.measure not in ANSWER_MEASURES:
                errors["answer"] = _("This measure does not count by answer.")
        else:
            if self.language or self.answer:
                errors["measure"] = _("Choose a computed measure to use the language or the answer.")
            if self.manual_value is not None and not self.manual_source:
                errors["manual_source"] = _("Say where the value comes from.")
        if errors:
            raise ValidationError(errors)
