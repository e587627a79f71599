"""Text as people write it and as people read it outside a web page.

:func:`clean_text` is the door every text a person sends passes before it is
stored: the services of every app call it (through their own length and
emptiness checks) on what residents, members, translators and officials
write, and the views call :func:`clean_line` on what they read from a query
string.  Writers of other formats (feeds, spreadsheets) clean again, since
older rows were stored before the door was there.
"""

import html
import re
import unicodedata

from django.template import Context, loader
from django.utils.html import strip_tags

# C0 control characters but the tab and the line feed, and the two
# non-characters XML forbids: none is text, and each breaks some reader (an
# XML feed, a spreadsheet, PostgreSQL, which refuses NUL outright).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f]")
_ASCII_NUMBER = re.compile(r"[0-9]{1,18}")


def clean_text(text):
    """``text`` as it is stored: Unicode NFC (so the same word is the same
    string however it was typed), every line break (Windows', old Mac's,
    Word's manual line break ``\\v``, the form feed) made ``\\n``, other
    control characters but the tab removed."""
    text = unicodedata.normalize("NFC", text or "")
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text))


def clean_line(text):
    """One line of text (a name, a title, a search): :func:`clean_text`, then
    every run of whitespace, line breaks too, made one space."""
    return " ".join(clean_text(text).split())


def whole_number(raw, *, default=None, maximum=999_999_999):
    """A whole number from a query string or form: ASCII digits only, at most
    ``maximum``; anything else (``"²"``, for which ``isdigit()`` is true but
    ``int()`` fails, ``"-1"``, ``" 7"``, a list) gives ``default``."""
    if not isinstance(raw, str) or not _ASCII_NUMBER.fullmatch(raw):
        return default
    number = int(raw)
    return number if number <= maximum else default


_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def plain_text(rich_text):
    """Rich text from the database as plain paragraphs (for feeds, the API, e-mail):
    tags dropped, entities turned back into characters, one blank line between
    paragraphs.  Its internal links would cost a query each to expand, and a
    reader of plain text needs only the words."""
    text = _BLOCK_END.sub("\n\n", rich_text or "")
    paragraphs = (" ".join(html.unescape(strip_tags(part)).split()) for part in text.split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def render_plain(template_name, context):
    """A template rendered as plain text (an e-mail's subject and body): nothing
    HTML-escaped, so "O'Brien & <Co>" reads as written, not as entities."""
    return loader.get_template(template_name).template.render(Context(context, autoescape=False))
