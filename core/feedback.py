"""Feedback shown next to what the person did.

A view names the place with an extra tag ``at-<element id>`` on its message (the
id of the comment, proposal or form it redirects to); that element shows it
there, and the top of the page shows only the messages that name no place."""

LEVEL_ICONS = {"success": "check", "error": "warning", "warning": "warning", "info": "info", "debug": "info"}


def anchor(message):
    """The element id a message belongs next to, or None for the top of the page."""
    return next((tag[3:] for tag in (message.extra_tags or "").split() if tag.startswith("at-")), None)


def shown(message):
    return {"text": str(message), "level": message.level_tag, "icon": LEVEL_ICONS.get(message.level_tag, "info")}
