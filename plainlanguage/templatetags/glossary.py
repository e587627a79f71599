"""``{{ html|glossary }}`` and ``{% glossary_terms html %}``: terms of the glossary
in rendered rich text linked to their explanation (see :mod:`plainlanguage.glossary`).

Both expect HTML that is already safe (the output of ``|richtext``); a plain
string is escaped first, so resident-written text can never become markup.
The tag remembers, for the whole template, which terms it has linked, so a
term is linked once per page however many texts it appears in; the filter
links the first occurrence in each text it is given.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from plainlanguage.glossary import link_terms

register = template.Library()


def _text_language(page):
    return getattr(page, "content_language", None) or getattr(getattr(page, "locale", None), "language_code", None)


@register.filter(is_safe=True)
def glossary(html, language=None):
    """Links terms in ``html`` (already safe HTML); ``language`` is the text's, the reader's by default."""
    return mark_safe(link_terms(conditional_escape(html), text_language=language))  # noqa: S308 - link_terms escapes all text it writes


@register.simple_tag(takes_context=True)
def glossary_terms(context, html):
    """Links terms in ``html``, written in the language of the page in the context."""
    seen = context.render_context.setdefault("plainlanguage_glossary_seen", set())
    language = _text_language(context.get("page"))
    return mark_safe(link_terms(conditional_escape(html), text_language=language, seen=seen))  # noqa: S308 - see above
