"""What a consultation's websocket carries: the number of published comments,
so that readers can be told that new ones arrived (see ``core.live``)."""

from core import live

from .models import Comment


def consultation_group(key):
    return f"consultation.{key}"


def comment_count(key):
    return Comment.objects.filter(consultation_key=key, state=Comment.State.PUBLISHED).count()


def broadcast_comments(key):
    """Raises when the count cannot be read or sent: ``core.live`` then tries
    again, counting afresh.  A consultation's readers have no heartbeat to
    catch up from, so a message given up here would leave them unaware of new
    comments until the next one."""
    live.group_send(consultation_group(key), {"type": "consultation.comments", "count": comment_count(key)})


def comments_changed(key):
    """Call inside the transaction of a change to a consultation's comments."""
    key = str(key)
    live.on_commit(consultation_group(key), lambda: broadcast_comments(key))
