"""What a meeting's websocket carries (see ``core.live`` for when it is sent).

* **The database is the source of truth.**  Services call :func:`meeting_changed`
  inside the transaction of a change; the message is built after commit from
  the database, so it never says anything the database does not hold.
* **Every message is the whole public state** with a sequence number one higher
  than the meeting's last message.  A client that sees a gap, or reconnects,
  asks for a snapshot.  The numbers come from :class:`~council.models.LiveSequence`;
  its row is locked while a message is numbered, built and handed to the
  channel layer, so messages of one meeting leave in order even from several
  processes.
* **Secrecy.**  A secret poll's state has ``cast`` and nothing else about its
  ballots until it closes (see :func:`council.selectors.live_state`).
* **Language.**  The pages show server-rendered fragments (the same template
  includes as the first render), rendered once per site language per message;
  each connection receives the fragments in its reader's language.
"""

import json
import time

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation

from core import live
from core.language import LANGUAGE_CODES

from . import selectors
from .models import LiveSequence


def meeting_group(meeting_id):
    return f"meeting.{meeting_id}"


def meeting_message(meeting_id, seq, languages=LANGUAGE_CODES):
    """``{"type": "state", "seq", "state", "html": {language: fragments}}``, or None.
    A broadcast renders every language; a snapshot only its reader's."""
    meeting = selectors.live_meeting(meeting_id)
    if meeting is None:
        return None
    context = selectors.live_context(meeting)  # read once, rendered in each language
    html = {}
    for language in languages:
        with translation.override(language):
            html[language] = selectors.live_fragments(meeting, context)
    return {"type": "state", "seq": seq, "state": selectors.live_state(meeting, context), "html": html}


SNAPSHOT_TTL = 1.0  # seconds
_snapshots = {}


def snapshot(meeting_id, language):
    """The current state under the current number, in one language.

    Built once per process, number and language, and kept for at most a
    second: when two thousand viewers connect at once (or reconnect after an
    outage) the database and the templates do the work once, not two thousand
    times.  A client applies later messages only if their number is higher."""
    seq = current_seq(meeting_id)
    key = (meeting_id, language)
    cached = _snapshots.get(key)
    now = time.monotonic()
    if cached is not None and cached[0] == seq and now - cached[1] < SNAPSHOT_TTL:
        return cached[2]
    message = meeting_message(meeting_id, seq, languages=[language])
    _snapshots[key] = (seq, now, message)
    return message


def frame(message, kind, language):
    """The text a reader of ``language`` receives: serialised here, once, not per connection."""
    return json.dumps(
        {"type": kind, "seq": message["seq"], "state": message["state"], "html": message["html"][language]},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def frames(message, kind):
    return {language: frame(message, kind, language) for language in message["html"]}


def current_seq(meeting_id):
    return LiveSequence.objects.filter(meeting_id=meeting_id).values_list("seq", flat=True).first() or 0


def broadcast_meeting(meeting_id):
    """Numbers, builds and sends one message for the meeting, under the lock of
    its sequence row.

    A failure raises, and ``core.live`` tries again with a fresh message.  A
    message the channel layer refused (Redis down) still keeps its number:
    the heartbeat then tells every client it is behind, and each asks for a
    snapshot, so no screen stays on a state the database has left."""
    refused = None
    with transaction.atomic():
        seq = _take_number(meeting_id)
        message = meeting_message(meeting_id, seq)
        if message is None:
            transaction.set_rollback(True)  # the meeting is gone: no number is used up
            return
        try:
            live.group_send(meeting_group(meeting_id), {"type": "meeting.state", "frames": frames(message, "state")})
        except Exception as error:  # noqa: BLE001 - the number is kept (committed), then raised below
            refused = error
    if refused is not None:
        raise refused


def _take_number(meeting_id):
    """The meeting's next message number, with its sequence row locked until
    the transaction ends: one statement, where reading, locking and writing
    the row took three (the message is built after every ballot)."""
    table = connection.ops.quote_name(LiveSequence._meta.db_table)
    seq, key = (connection.ops.quote_name(LiveSequence._meta.get_field(name).column) for name in ("seq", "meeting"))
    sql = f"UPDATE {table} SET {seq} = {seq} + 1 WHERE {key} = %s RETURNING {seq}"  # noqa: S608 - names from the model
    with connection.cursor() as cursor:
        cursor.execute(sql, [meeting_id])
        row = cursor.fetchone()
        if row is None:  # the meeting's first message
            LiveSequence.objects.get_or_create(meeting_id=meeting_id)
            cursor.execute(sql, [meeting_id])
            row = cursor.fetchone()
    return row[0]


def heartbeat(meeting_id):
    """The message every socket of the meeting hears each beat: the number of
    its last message, and how often to expect the next beat."""
    text = json.dumps(
        {"type": "heartbeat", "seq": current_seq(meeting_id), "every": settings.RADA_LIVE_HEARTBEAT_SECONDS},
        separators=(",", ":"),
    )
    return {"type": "meeting.heartbeat", "text": text}


def meeting_changed(meeting_id):
    """Call inside the transaction of a change: announces it once committed."""
    live.on_commit(meeting_group(meeting_id), lambda: broadcast_meeting(meeting_id))
