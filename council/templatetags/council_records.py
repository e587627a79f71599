"""Council records in the reader's language, marked with the language they are in."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def record_title(record):
    """``<span lang="uk">…</span>``: the record's title in the reader's language
    when it has been translated, else the original, with its language."""
    shown = record.shown
    return format_html('<span lang="{}">{}</span>', shown.language, shown.title)
