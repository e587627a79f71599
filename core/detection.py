"""Which of the site's languages a resident's text is written in, suggested
offline by lingua (its models ship with the package: nothing leaves the server).

The detector is built once per process, on first use, and knows only the site's
languages, which makes it both faster and surer.  Short or ambiguous text gets
no suggestion: guessing wrong is worse than asking.
"""

import threading

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from lingua import Language, LanguageDetectorBuilder

from .language import current_language

AUTO = "auto"
MIN_LETTERS = 12
MIN_CONFIDENCE = 0.7

_LINGUA = {"pl": Language.POLISH, "uk": Language.UKRAINIAN, "ru": Language.RUSSIAN, "en": Language.ENGLISH}
_CODES = {language: code for code, language in _LINGUA.items()}
_detector = None
_lock = threading.Lock()


def _get_detector():
    global _detector  # noqa: PLW0603 - one detector per process, built on first use
    if _detector is None:
        with _lock:
            if _detector is None:
                _detector = LanguageDetectorBuilder.from_languages(*_LINGUA.values()).build()
    return _detector


def suggest_language(text):
    """The site language code ``text`` is most likely written in, or None when the
    text is too short (fewer than ``MIN_LETTERS`` letters) or the detector is
    less than ``MIN_CONFIDENCE`` sure."""
    text = (text or "").strip()
    if sum(char.isalpha() for char in text) < MIN_LETTERS:
        return None
    values = _get_detector().compute_language_confidence_values(text)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return _CODES.get(values[0].language)


def language_choices():
    """The writer's choices: "Detect the language for me" first, then the site's languages."""
    return [(AUTO, _("Detect the language for me")), *settings.LANGUAGES]


def resolve_language(choice, text):
    """The language a text is stored with: the writer's explicit choice always;
    for ``AUTO``, the detected language, else the reader's interface language."""
    if choice and choice != AUTO:
        return choice
    return suggest_language(text) or current_language()
