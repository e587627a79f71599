"""The survey's place on the consultation page and its results, wherever they are shown."""

from django import template
from django.utils import timezone, translation

from consultations import surveys

register = template.Library()


@register.inclusion_tag("consultations/includes/survey_block.html")
def survey_block(page):
    """On the consultation page: that it has a survey, and the way to it (nothing when it has none)."""
    count = len(page.survey) if page.survey else 0
    return {"page": page, "questions": count, "status": page.status_at(timezone.now()) if count else None}


@register.inclusion_tag("consultations/includes/survey_results.html")
def survey_results(page):
    """The survey's public results (nothing before the consultation closes, or without a survey)."""
    return {
        "results": surveys.survey_results(consultation=page),
        "api_key": str(page.translation_key),
        "language": translation.get_language(),
    }
