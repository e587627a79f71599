"""The site's languages, named in one place (``core.language``): their codes in
the settings' order, each language's own name, any language named in the
reader's, and the reader's language."""

from django.utils import translation

from core.language import LANGUAGE_CODES, current_language, language_in_readers_words, language_name, site_language


def test_the_site_languages_are_the_settings_codes_polish_first():
    assert LANGUAGE_CODES == ("pl", "en", "uk", "ru")


def test_a_site_language_is_named_in_itself_whatever_language_is_active():
    with translation.override("pl"):
        assert [language_name(code) for code in LANGUAGE_CODES] == ["Polski", "English", "Українська", "Русский"]


def test_a_code_that_is_no_site_language_is_named_by_itself():
    assert (language_name("ka"), language_name("")) == ("ka", "")


def test_any_language_is_named_in_the_readers_language():
    with translation.override("pl"):
        assert (language_in_readers_words("uk"), language_in_readers_words("ka")) == ("ukraiński", "gruziński")
    with translation.override("en"):
        assert language_in_readers_words("uk") == "Ukrainian"


def test_a_language_django_does_not_know_is_named_by_its_code():
    assert language_in_readers_words("tlh") == "tlh"


def test_a_regional_or_unknown_language_becomes_a_site_language_or_the_default():
    assert (site_language("uk-UA"), site_language("RU"), site_language("ka"), site_language(None)) == (
        "uk",
        "ru",
        "pl",
        "pl",
    )


def test_the_current_language_is_the_active_one_reduced_to_a_site_language():
    with translation.override("uk"):
        assert current_language() == "uk"
    with translation.override("de"):
        assert current_language() == "pl"
