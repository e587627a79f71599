"""Answers to a consultation's survey (the questions are blocks on the page:
:mod:`consultations.survey_blocks`).

A response is one person's answers to one consultation's survey, keyed, like
comments, by the consultation's ``translation_key``: whoever answers in
Ukrainian and whoever answers in Polish answer the same survey.  A resident
has at most one response per survey; a facilitator's paper response stands
under a stand-in account of its own, as does a deleted account's (the answers
and the person are counted, nobody is named).  An answer row holds one
chosen option, one scale value or one short text; a multiple choice gives one
row per option chosen.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Source


class SurveyResponse(models.Model):
    consultation_key = models.UUIDField(_("consultation"), db_index=True, editable=False)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    submitted_via = models.CharField(
        _("entered by a facilitator, from"), max_length=10, choices=Source.choices, blank=True, default=""
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("answered at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "consultation_key"],
                condition=Q(respondent__isnull=False),
                name="one_survey_response_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.consultation_key} #{self.pk}"

    @property
    def on_paper(self):
        return bool(self.submitted_via)


class SurveyAnswer(models.Model):
    response = models.ForeignKey(
        SurveyResponse, verbose_name=_("survey response"), on_delete=models.CASCADE, related_name="answers"
    )
    question_id = models.CharField(_("question"), max_length=64)
    option_id = models.CharField(_("option"), max_length=64, blank=True)
    number = models.SmallIntegerField(_("value on the scale"), null=True, blank=True)
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        indexes = [models.Index(fields=["question_id", "option_id"], name="survey_answer_count_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_id", "option_id"],
                condition=~Q(option_id=""),
                name="survey_option_chosen_once",
            ),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.option_id or self.number or self.text[:20]}"
