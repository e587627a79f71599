"""The languages the city may need an interpreter for: the site's four and the
languages most often asked for by migrants in Gdańsk, with sign languages.

Codes are ISO 639 (639-1 where there is one, else 639-3: Dari ``prs``, Polish
Sign Language ``pjm``), the same codes translators give for their "other
languages"; a curated list rather than a free field, so that the yearly count
by language pair adds up and every name is translated.
"""

from django.utils.translation import gettext_lazy as _

LANGUAGES = [
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("en", _("English")),
    ("pjm", _("Polish Sign Language")),
    ("ukl", _("Ukrainian Sign Language")),
    ("be", _("Belarusian")),
    ("ka", _("Georgian")),
    ("hy", _("Armenian")),
    ("az", _("Azerbaijani")),
    ("kk", _("Kazakh")),
    ("uz", _("Uzbek")),
    ("tg", _("Tajik")),
    ("ky", _("Kyrgyz")),
    ("ce", _("Chechen")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("ku", _("Kurdish")),
    ("fa", _("Persian")),
    ("prs", _("Dari")),
    ("ps", _("Pashto")),
    ("ur", _("Urdu")),
    ("hi", _("Hindi")),
    ("bn", _("Bengali")),
    ("ne", _("Nepali")),
    ("ta", _("Tamil")),
    ("ti", _("Tigrinya")),
    ("am", _("Amharic")),
    ("so", _("Somali")),
    ("vi", _("Vietnamese")),
    ("zh", _("Chinese")),
    ("ko", _("Korean")),
    ("tl", _("Filipino")),
    ("id", _("Indonesian")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("it", _("Italian")),
    ("ro", _("Romanian")),
    ("lt", _("Lithuanian")),
    ("sq", _("Albanian")),
]
LANGUAGE_CODES = [code for code, _name in LANGUAGES]


def language_name(code):
    """The translated name of ``code``, or the code itself when not on the list."""
    return str(dict(LANGUAGES).get(code, code))
