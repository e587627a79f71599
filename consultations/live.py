"""What a consultation's websocket carries: the number of published comments,
so that readers can be told that new ones arrived (see ``core.live``)."""

import logging

from core import live

from .models import Comment

logger = logging.getLogger(__name__)


def consultation_group(key):
    return f"consultation.{key}"


def comment_count(key):
    return Comment.objects.filter(consultation_key=key, state=Comment.State.PUBLISHED).count()


def broadcast_comments(key):
    try:
        live.group_send(consultation_group(key), {"type": "consultation.comments", "count": comment_count(key)})
    except Exception:  # noqa: BLE001 - the change is committed; the broadcast is best effort
        logger.warning("Live update of consultation %s not sent", key, exc_info=True)


def comments_changed(key):
    """Call inside the transaction of a change to a consultation's comments."""
    key = str(key)
    live.on_commit(consultation_group(key), lambda: broadcast_comments(key))
