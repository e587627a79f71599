"""The comment threads of a consultation page: rendered once, shown to everyone.

A page of threads (25 comments with their replies) looks the same to every
reader in one language, but for a few personal bits: the buttons the reader
may use on each comment (rate, reply, edit, report, delete, with a CSRF token),
their own rating, the reason a moderator gave them for hiding their comment,
and the feedback after what they just did.  So the threads are rendered once
per consultation, language and page number, without any of those
(``comment_thread.html``, with ``<!--rada:…-->`` markers where they go), kept
in the cache under the versions of what they show, and each request fills the
markers in from facts kept beside the markup: no query per comment, one for the
reader's ratings.

What the threads show changes only through this app's services, the
translators' (a translation of a comment) and an outcome's publication; each
calls :func:`changed` (people's names: :func:`people_changed`), which gives the
consultation a new version, so the next reader gets a fresh rendering
(``core.cache.bump``).  The page's own content (sections, whose titles label
comments) is in the key through its live revision.
"""

import secrets

from django.template.loader import get_template, render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _

from core import cache as fragments
from core import feedback
from core.language import current_language
from core.text import whole_number

from . import permissions
from .models import COMMENTS_PER_PAGE, Comment
from .selectors import comment_answers, comment_threads, consultation_counts

# Raise when comment_thread.html or comment.html change what a cached page holds.
MARKUP = 1
# Stands for each comment's id in comment_actions.html, rendered once per kind of comment.
PK = 9_876_543_210_123
# Stands for the reader's CSRF token in markup kept for every reader (put in for each request).
CSRF_STAND_IN = "rada-csrf-" + secrets.token_hex(16)
PEOPLE = "people"
ROWS = "thread-rows"
# What the threads and their counts read; a write to one of them renews every thread.
TABLES = (
    "consultations_comment",
    "consultations_proposal",
    "consultations_consultationpseudonym",
    "consultations_outcomeanswer",
    "vote_vote",
    "translators_translation",
    "accounts_user",
)


def scope(key):
    return f"consultation:{key}"


def changed(key):
    """Something a consultation's threads or counts show changed (a comment, a
    rating, a proposal or support, a pseudonym, a translation, an answer): call
    inside the transaction that changes it."""
    fragments.bump(scope(key))


def rows_changed():
    """A table the threads read was written to by code that says nothing (see
    ``core.pagecache.on_write_to``): every consultation's threads are rendered again."""
    fragments.bump(ROWS)


def people_changed():
    """A name shown beside what people wrote changed (a public name, an account
    anonymised or deleted): every consultation's threads are rendered again."""
    fragments.bump(PEOPLE)


class Seen:
    """What the personal bits need to know of a comment, kept beside the markup;
    it stands for the comment in the ``permissions`` functions."""

    State = Comment.State

    def __init__(self, pk, author_id, handover_mark, state, parent_id, editable_until, hidden_reason):
        self.pk, self.author_id, self.handover_mark, self.state = pk, author_id, handover_mark, state
        self.parent_id, self._editable_until, self.hidden_reason = parent_id, editable_until, hidden_reason

    @property
    def is_published(self):
        return self.state == Comment.State.PUBLISHED

    def editable_until(self):
        return self._editable_until


def _seen(comment):
    return (
        comment.pk,
        comment.author_id,
        comment.handover_mark,
        comment.state,
        comment.parent_id,
        comment.editable_until(),
        comment.hidden_reason,
    )


def _render(consultation, number, language):
    threads, _ratings = comment_threads(consultation=consultation, page_number=number)
    html = render_to_string(
        "consultations/includes/comment_thread.html",
        {
            "threads": threads,
            "page": consultation,
            "sections_by_id": consultation.section_titles(),
            "comment_answers": comment_answers(consultation=consultation),
            "language": language,
        },
    )
    comments = [_seen(comment) for thread in threads for comment in (thread, *thread.replies.all())]
    return {"html": html, "comments": comments}


def shared(consultation, page_number, language):
    """The page of threads and the counts as everyone sees them, from the cache
    when nothing in them changed since they were rendered."""
    versions = fragments.versions(scope(consultation.translation_key), PEOPLE, ROWS)
    # The sections' titles label comments; a preview or a new revision may change them.
    sections = sorted(consultation.section_titles().items())
    base = ("threads", MARKUP, consultation.pk, str(consultation.translation_key), language, sections, *versions)
    counts = fragments.fragment(
        (*base, "counts"),
        lambda: {
            **consultation_counts(consultation),
            "threads": Comment.objects.filter(consultation_key=consultation.translation_key, parent=None).count(),
        },
    )
    pages = max(1, -(-counts["threads"] // COMMENTS_PER_PAGE))
    # As Paginator.get_page: a number past the end (or 0) shows the last page,
    # anything else that is not a number the first.  Only real pages are kept.
    number = whole_number(page_number, default=1)
    number = pages if number < 1 or number > pages else number
    page = fragments.fragment((*base, "page", number), lambda: _render(consultation, number, language))
    return counts, page


class Personal:
    """The reader's bits of a page of threads, in place of its markers: ``fill(what, pk)``
    answers the markers ``<!--rada:feedback|reason|actions:<pk>-->``.

    ``comments``: the facts kept beside the markup; ``here``: the reader's
    messages by the element id they belong next to; ``ratings``: theirs of
    these comments (``selectors.reader_votes``).  The buttons carry
    :data:`CSRF_STAND_IN` where the reader's CSRF token goes: the caller puts
    it in (and asks for it only when a form was drawn, so that an anonymous
    reader's page sets no CSRF cookie and can be cached)."""

    def __init__(self, comments, *, user, consultation, now, here, ratings):
        self.seen = {row[0]: Seen(*row) for row in comments}
        self.user, self.consultation, self.now, self.here = user, consultation, now, here
        self.ratings = ratings
        self.language = current_language()
        self.rendered = {}  # the reader's buttons, by the facts of a comment the rules read

    def actions(self, comment):
        facts = (*permissions.comment_facts(self.user, comment, self.now), self.ratings.get(comment.pk))
        html = self.rendered.get(facts)
        if html is None:
            html = self.rendered[facts] = self._actions(comment)
        return html.replace(str(PK), str(comment.pk))

    def _actions(self, comment):
        user, consultation, now = self.user, self.consultation, self.now
        can = {
            "edit": permissions.can_edit_comment(user, comment, consultation, now),
            "delete": permissions.can_delete_comment(user, comment),
            "rate": permissions.can_rate_comment(user, comment, consultation, now),
            "reply": comment.parent_id is None
            and comment.is_published
            and permissions.can_comment(user, consultation, now),
            "report": permissions.can_report(user, comment, consultation),
        }
        kind = (*can.values(), self.ratings.get(comment.pk) if can["rate"] else None)
        # The same for every reader of a language who may do the same: kept, with stand-ins
        # for the comment's id and the reader's CSRF token (put in by the caller).
        return fragments.kept(
            ("comment-actions", MARKUP, self.language, kind),
            lambda: get_template("consultations/includes/comment_actions.html").render(
                {"can": {**can, "my_rating": kind[-1]}, "pk": PK, "csrf_token": CSRF_STAND_IN}
            ),
        )

    def fill(self, what, pk):
        comment = self.seen.get(pk)
        if comment is None:
            return ""
        if what == "actions":
            return self.actions(comment)
        if what == "reason":
            if comment.author_id == self.user.pk and comment.hidden_reason:
                return escape(_("Reason given to you: %(reason)s") % {"reason": comment.hidden_reason})
            return ""
        mine = self.here.get(f"comment-{pk}")
        return render_to_string("includes/messages_inline.html", {"here": mine}) if mine else ""


def feedback_by_place(messages):
    """The reader's messages that belong next to an element, by its id."""
    here = {}
    for message in messages or ():
        place = feedback.anchor(message)
        if place:
            here.setdefault(place, []).append(feedback.shown(message))
    return here
