from django import template

from consultations import permissions
from consultations.models import Answer, Status

register = template.Library()


@register.filter
def status_label(value):
    return Status(value).label


@register.filter
def lookup(mapping, key):
    """mapping[key], or None: for dicts built by the selectors."""
    return mapping.get(key) if mapping else None


@register.simple_tag(takes_context=True)
def proposal_actions(context, proposal):
    user, consultation, now = context["request"].user, context["page"], context["now"]
    return {
        "support": permissions.can_support(user, proposal, consultation, now),
        "supported": proposal.pk in context.get("my_supports", ()),
    }


@register.filter
def answer_label(value):
    return Answer(value).label
