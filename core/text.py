"""Text as people read it outside a web page."""

import html
import re

from django.utils.html import strip_tags

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def plain_text(rich_text):
    """Rich text from the database as plain paragraphs (for feeds, the API, e-mail):
    tags dropped, entities turned back into characters, one blank line between
    paragraphs.  Its internal links would cost a query each to expand, and a
    reader of plain text needs only the words."""
    text = _BLOCK_END.sub("\n\n", rich_text or "")
    paragraphs = (" ".join(html.unescape(strip_tags(part)).split()) for part in text.split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
