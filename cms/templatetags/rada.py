from django import template

from cms import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def menu_pages(context):
    return navigation.menu_pages(context["request"])


@register.simple_tag(takes_context=True)
def home_page(context):
    return navigation.home_page(context["request"])


@register.simple_tag(takes_context=True)
def footer_pages(context):
    return navigation.footer_pages(context["request"])


@register.simple_tag(takes_context=True)
def language_links(context):
    return navigation.language_links(context["request"], context.get("page"))


@register.filter
def is_active_section(page, current):
    """True when ``current`` is ``page`` or lies below it (for aria-current)."""
    if current is None or not getattr(current, "path", None):
        return False
    return current.path.startswith(page.path)
