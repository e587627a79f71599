"""Consultations' half of ``core.opinions``: which consultations another body
(the Immigrants' Council) may give its opinion on."""

from django.utils import translation

from .models import ConsultationPage


def consultation_subjects(language, *, key=None):
    """``[(translation_key, title)]`` of live consultations, one per consultation,
    titled in ``language`` where translated; with ``key``, that one or none."""
    pages = ConsultationPage.objects.live().select_related("locale").order_by("-opens_at", "pk")
    if key is not None:
        pages = pages.filter(translation_key=key)
    language = language or translation.get_language()
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or (page.locale.language_code == language and current.locale.language_code != language):
            chosen[page.translation_key] = page
    return [(str(page.translation_key), page.title) for page in chosen.values()]
