"""Proposed wording: a word-level difference between two texts.

Texts are split into words, runs of whitespace and single punctuation marks,
so that a changed comma does not mark its whole word changed and every space
is kept.  ``difflib.SequenceMatcher`` compares the two lists; its running time
grows with the product of their lengths, so texts above ``DIFF_MAX_TOKENS``
pieces are shown as one deletion and one insertion instead of being compared.
"""

import difflib
import html
import re
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
OPS = (EQUAL, INSERT, DELETE)
DIFF_MAX_TOKENS = 6000

# A word (letters, digits, marks and joiners of any script), a run of
# whitespace, or one other character (punctuation, a symbol).
_TOKENS = re.compile(r"[\w\u0300-\u036f'’\-]+|\s+|[^\w\s]", re.UNICODE)
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Segment:
    op: str
    text: str

    def as_dict(self):
        return {"op": self.op, "text": self.text}


def tokens(text):
    return _TOKENS.findall(text or "")


def diff(old, new, *, max_tokens=DIFF_MAX_TOKENS):
    """The segments that turn ``old`` into ``new``: equal, deleted and inserted
    runs in reading order (a replaced run is its deletion, then its insertion),
    neighbours of one kind merged.  Joining the equal and deleted texts gives
    ``old``; joining the equal and inserted ones gives ``new``."""
    old_tokens, new_tokens = tokens(old), tokens(new)
    if len(old_tokens) > max_tokens or len(new_tokens) > max_tokens:
        return _merge([Segment(DELETE, old or ""), Segment(INSERT, new or "")])
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    segments = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment(EQUAL, "".join(old_tokens[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            segments.append(Segment(DELETE, "".join(old_tokens[i1:i2])))
        if tag in ("insert", "replace"):
            segments.append(Segment(INSERT, "".join(new_tokens[j1:j2])))
    return _merge(_group_changes(segments))


def _group_changes(segments):
    """Read "deleted: w poniedziałki, inserted: od poniedziałku" rather than
    four alternating pieces: a space alone between two changes joins them, and
    within a run of changes the deletions come first, then the insertions."""
    joined = []
    for index, segment in enumerate(segments):
        between_changes = (
            segment.op == EQUAL
            and not segment.text.strip()
            and 0 < index < len(segments) - 1
            and segments[index - 1].op != EQUAL
            and segments[index + 1].op != EQUAL
        )
        if between_changes:
            joined += [Segment(DELETE, segment.text), Segment(INSERT, segment.text)]
        else:
            joined.append(segment)
    grouped, run = [], []
    for segment in [*joined, Segment(EQUAL, "")]:
        if segment.op != EQUAL:
            run.append(segment)
            continue
        grouped += [item for item in run if item.op == DELETE] + [item for item in run if item.op == INSERT]
        run = []
        grouped.append(segment)
    return grouped


def _merge(segments):
    merged = []
    for segment in segments:
        if not segment.text:
            continue
        if merged and merged[-1].op == segment.op:
            merged[-1] = Segment(segment.op, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged


def changed(segments):
    return any(segment.op != EQUAL for segment in segments)


def as_html(segments):
    """``<ins>``/``<del>`` marked text, escaped, each change announced to screen
    readers in words ("inserted:", "deleted:"), since the underline and the
    strike-through the stylesheet draws are not read out."""
    labels = {INSERT: _("inserted:"), DELETE: _("deleted:")}

    def piece(segment):
        if segment.op == EQUAL:
            return format_html("{}", segment.text)
        tag = "ins" if segment.op == INSERT else "del"
        return format_html(
            '<{} class="wording-diff__{}"><span class="visually-hidden">{} </span>{}</{}>',
            tag,
            segment.op,
            labels[segment.op],
            segment.text,
            tag,
        )

    return format_html_join("", "{}", ((piece(segment),) for segment in segments))


def plain_text(rich_text_source):
    """The words of a rich-text section as plain text, one paragraph a line:
    what a resident edits when they propose new wording."""
    text = _BLOCK_END.sub("\n", rich_text_source or "")
    text = html.unescape(_TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
