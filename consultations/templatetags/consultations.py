from django import template

from consultations import permissions
from consultations.models import Answer, Status
from consultations.wording import as_html

register = template.Library()


@register.filter
def status_label(value):
    return Status(value).label


@register.filter
def lookup(mapping, key):
    """mapping[key], or None: for dicts built by the selectors."""
    return mapping.get(key) if mapping else None


@register.simple_tag(takes_context=True)
def wording_actions(context, wording):
    user, consultation, now = context["request"].user, context["consultation"], context["now"]
    return {
        "support": permissions.can_support_wording(user, wording, consultation, now),
        "supported": wording.pk in context.get("my_wording_supports", ()),
    }


@register.filter
def wording_diff(segments):
    """Segments of a difference as ``<ins>``/``<del>`` marked, escaped HTML."""
    return as_html(segments)


@register.filter
def answer_label(value):
    return Answer(value).label


@register.simple_tag(takes_context=True)
def section_wording_count(context, section_id):
    """How many proposed wordings a section has (read once per page by the selector)."""
    return context.get("wording_counts", {}).get(section_id, 0)
