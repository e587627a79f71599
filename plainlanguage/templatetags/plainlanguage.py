from django import template

from plainlanguage.selectors import easy_read_version_of

register = template.Library()


@register.simple_tag
def easy_read_version(page):
    """The live, public easy-read version of ``page``, or None."""
    return easy_read_version_of(page)
