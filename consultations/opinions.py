"""Consultations' half of ``core.opinions``: which consultations another body
(the Immigrants' Council) may give its opinion on."""

from django.db.models import F

from core.language import current_language
from core.opinions import Subject

from .models import ConsultationPage
from .selectors import one_per_translation


def consultation_subjects(language, *, keys=None):
    """``[Subject]`` of live, public consultations, one per consultation, newest
    first: its page in ``language`` where it has one (a translation or an alias),
    else in the site's default language, as the feeds choose; with ``keys``, only
    those of them.  Two queries (the pages, and Wagtail's view restrictions)."""
    pages = (
        ConsultationPage.objects.live()
        .public()
        .annotate(original_locale_id=F("alias_of__locale_id"))
        .order_by("-opens_at", "pk")
    )
    if keys is not None:
        pages = pages.filter(translation_key__in=keys)
    return [
        Subject(key=str(page.translation_key), title=page.title, url=page.url, language=page.content_language)
        for page in one_per_translation(pages, language or current_language())
    ]
