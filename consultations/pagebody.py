"""The body of a consultation page: rendered once, with each reader's own parts put in.

Everything under the page's title -- the text and its sections, the side
column, the council's opinions, the events, the proposals, the page of comment
threads (``consultations.threads``) -- looks the same to every reader of one
language, but for a few parts: the follow button, the proposal and comment
forms (or why the reader cannot write), the support button under each
proposal, what the reader may do with each comment, and the feedback after
what they just did.  So the body is rendered once per consultation, language
and view (the page of comments, the order and page of proposals), without any
of those (``consultation_body.html``, with ``<!--rada:…-->`` markers where they
go), and kept in the cache; each request fills the markers in, from facts kept
beside the markup and a few queries about the reader.

**Never stale.** The body shows rows of many tables (comments, ratings,
proposals, translations, events, council resolutions, the glossary, pages), so
it is kept under the page cache's generation (``core.pagecache``), which every
write to the database renews, whichever code sends it, and never past the next
moment at which a page may change by the clock alone (a consultation or an
event opening or closing, midnight).  A write anywhere renders it again once;
the comment threads inside it have versions of their own and are rendered again
only when they changed.  When the cache cannot tell the generation (Redis
down) and for a preview, the body is rendered for the request alone.

**Never a personal byte.** The body is rendered without the request's user,
session, messages or CSRF token in its context (only the request itself, for
the site of ``{% pageurl %}``), so its templates cannot show them.
"""

import re
import time

from django.template.context_processors import csrf
from django.template.loader import get_template, render_to_string
from django.utils.safestring import mark_safe

from core import cache as fragments
from core import formmarkup, pagecache
from core.language import current_language
from core.text import whole_number

from . import permissions, threads
from .selectors import PROPOSAL_ORDERS, consultation_reader, consultation_shared, reader_votes

# Raise when consultation_body.html or what it includes change what a kept body holds.
MARKUP = 1
MARKER = re.compile(
    r"<!--rada:(feedback|reason|actions|proposal-feedback|support|follow|proposal-form|comment-form):(\d*)-->"
)
THREAD_MARKERS = ("feedback", "reason", "actions")
SLOTS = {
    "follow": "consultations/includes/follow_form.html",
    "proposal-form": "consultations/includes/proposal_form.html",
    "comment-form": "consultations/includes/comment_form.html",
}


class Offered:
    """What a reader's support button needs to know of a proposal, kept beside
    the markup; it stands for the proposal in ``permissions.can_support``."""

    def __init__(self, pk, author_id, handover_mark, is_hidden):
        self.pk, self.author_id, self.handover_mark, self.is_hidden = pk, author_id, handover_mark, is_hidden


class SiteRequest:
    """Stands for the request in the shared body: what ``{% pageurl %}`` and the page's
    address need (its path, host and site), and nothing of the reader -- no user,
    session, cookies or headers beyond the host -- so that no template of the body,
    now or later, can show them to another reader."""

    _PASSED = frozenset(
        {"path", "path_info", "get_host", "_get_raw_host", "get_port", "scheme", "is_secure", "_wagtail_site"}
    )
    _META = ("HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT")

    def __init__(self, request):
        self.META = {name: request.META[name] for name in self._META if name in request.META}
        object.__setattr__(self, "_request", request)

    def __getattr__(self, name):
        if name in self._PASSED:
            return getattr(self._request, name)
        raise AttributeError(name)


def _render(consultation, request, now, language):
    shared = consultation_shared(consultation=consultation, params=request.GET, now=now)
    counts, page = threads.shared(consultation, request.GET.get("page"), language)
    html = render_to_string(
        "consultations/includes/consultation_body.html",
        {
            **shared,
            "page": consultation,
            "counts": counts,
            # Rendered by our own template, every text escaped there.
            "comments": mark_safe(page["html"]),  # noqa: S308
            "request": SiteRequest(request),  # for {% pageurl %}'s site and the page's address
        },
    )
    proposals = [
        (proposal.pk, proposal.author_id, proposal.handover_mark, proposal.is_hidden)
        for proposal in shared.get("proposals", ())
    ]
    return {
        "html": html,
        "comments": page["comments"],
        "proposals": proposals,
        "counts": counts,
        "status": shared["status"],
        "sections": shared["sections_by_id"],
    }


def _key(consultation, request, language, status, generation):
    params = request.GET
    order = params.get("proposals") if params.get("proposals") in PROPOSAL_ORDERS else "support"
    return (
        "consultation-body",
        MARKUP,
        pagecache.release(),
        generation,
        consultation.pk,
        consultation.live_revision_id,
        str(consultation.last_published_at),
        language,
        request.path,
        status,
        whole_number(params.get("page"), default=1),
        order,
        whole_number(params.get("ppage"), default=1),
    )


def shared_body(consultation, request, now):
    """The body as every reader sees it, with its markers, and the facts its
    markers need: from the cache when nothing changed since it was rendered."""
    language = current_language()
    generation = pagecache.generation()
    if generation is None or getattr(request, "is_preview", False) or consultation.pk is None:
        return {**_render(consultation, request, now, language), "key": None}
    until = pagecache.valid_until(generation)
    key = _key(consultation, request, language, consultation.status_at(now), generation)
    return fragments.fragment(
        key,
        lambda: {**_render(consultation, request, now, language), "until": until, "key": key},
        fresh=lambda value: time.time() < value["until"],
        keep=lambda value: time.time() < value["until"],
    )


class ConsultationBody:
    """The body of a consultation page for one reader: ``html``, and the values
    the rest of the page uses (``counts``, ``status``, ``reader``: the reader's
    forms and what they may do)."""

    def __init__(self, *, consultation, request, now, messages, forms=None):
        shared = shared_body(consultation, request, now)
        self.counts, self.status = shared["counts"], shared["status"]
        self.reader = consultation_reader(
            consultation=consultation, request=request, now=now, sections=shared["sections"], **(forms or {})
        )
        # As Django's context processor gives it: asked for (and masked) once, and only when a form
        # is drawn, so that an anonymous reader's page sets no CSRF cookie and can be cached.  The
        # page's frame uses it too.
        self.csrf_token = csrf(request)["csrf_token"]
        self.html = _personalise(
            shared,
            consultation=consultation,
            request=request,
            now=now,
            messages=messages,
            reader=self.reader,
            csrf_token=self.csrf_token,
        )


class Reader:
    """Stands for the reader in the markup kept for every reader alike: what the
    forms' templates read of them, and nothing else."""

    def __init__(self, is_authenticated, public_name):
        self.is_authenticated, self.public_name = is_authenticated, public_name


class Named:
    """Stands for the reader's pseudonym in the kept markup: its name."""

    def __init__(self, name):
        self.name = name


class Address:
    """Stands for the request in the kept markup: its path (in the body's key), nothing of the reader."""

    def __init__(self, path):
        self.path = path


def _slot_facts(what, reader, user):
    """Everything the markup of slot ``what`` reads about the reader (besides what the
    body's key names: the page, its address, language and status), as stand-ins, or
    None when it shows what only this reader sent (a form with their text and errors)
    or is told (a reply's author): then it is rendered for them alone."""
    if what == "follow":
        return {"user": Reader(user.is_authenticated, ""), "following": reader["following"]}
    if what == "proposal-form":
        form = reader["proposal_form"]
        markup = formmarkup.fingerprint(form) if form is not None else None
        if form is not None and markup is None:
            return None
        return {
            "user": Reader(user.is_authenticated, ""),
            "cannot_propose_reason": reader["cannot_propose_reason"],
            "proposal_form": form,
            "_markup": markup,
        }
    comment_form, pseudonym_form = reader["comment_form"], reader["pseudonym_form"]
    comment_markup = formmarkup.fingerprint(comment_form)
    if reader["replying_to"] is not None or comment_markup is None:
        return None
    pseudonym_markup = formmarkup.fingerprint(pseudonym_form) if pseudonym_form is not None else None
    if pseudonym_form is not None and pseudonym_markup is None:
        return None
    mine = reader["my_pseudonym"]
    return {
        "user": Reader(user.is_authenticated, user.public_name if pseudonym_form is not None else ""),
        "cannot_comment_reason": reader["cannot_comment_reason"],
        "can_enter_for_resident": reader["can_enter_for_resident"],
        "replying_to": None,
        "my_pseudonym": Named(mine.name) if mine is not None else None,
        "comment_form": comment_form,
        "pseudonym_form": pseudonym_form,
        "_markup": (comment_markup, pseudonym_markup),
    }


def _key_of(facts):
    """The facts as a key: stand-ins by what they hold, forms by their markup's fingerprint."""
    parts = []
    for name, value in sorted(facts.items()):
        if isinstance(value, (Reader, Named)):
            value = (type(value).__name__, *vars(value).values())
        elif hasattr(value, "fields"):  # a form: its markup is in "_markup"
            value = type(value).__name__
        elif value is not None and not isinstance(value, bool | int):
            value = str(value)
        parts.append((name, value))
    return tuple(parts)


def _slot(what, *, key, reader, user, here, context):
    template = get_template(SLOTS[what])
    # Kept only beside a kept body, whose key names the page, its address, language and status.
    facts = None if key is None or (what == "follow" and here.get("follow")) else _slot_facts(what, reader, user)
    if facts is None:
        return template.render(context)
    stand_ins = {
        "page": context["page"],
        "status": context["status"],
        "request": Address(context["request"].path),
        "messages": (),
        "csrf_token": threads.CSRF_STAND_IN,
        **facts,
    }
    return fragments.kept(("consultation-slot", key, what, _key_of(facts)), lambda: template.render(stand_ins))


def _reader(request):
    """The request's user itself: ``request.user`` is a lazy stand-in, and going
    through it costs a few calls per attribute, which the rules read a few
    hundred times on a page of comments."""
    user = request.user
    user.is_authenticated  # noqa: B018 - loads it
    return getattr(user, "_wrapped", user)


def _personalise(shared, *, consultation, request, now, messages, reader, csrf_token):
    """The shared markup with the reader's own parts in place of its markers."""
    user = _reader(request)
    here = threads.feedback_by_place(messages)
    offered = {row[0]: Offered(*row) for row in shared["proposals"]}
    ratings, supported = reader_votes(
        user=user, comment_ids=[row[0] for row in shared["comments"]], proposal_ids=list(offered)
    )
    comments = threads.Personal(
        shared["comments"], user=user, consultation=consultation, now=now, here=here, ratings=ratings
    )
    context = {
        **reader,
        "page": consultation,
        "status": shared["status"],
        "user": user,
        "request": request,
        "messages": messages,
        "csrf_token": csrf_token,
    }
    language = current_language()

    def support(proposal):
        can = {
            "support": permissions.can_support(user, proposal, consultation, now),
            "supported": proposal.pk in supported,
        }
        html = fragments.kept(
            ("proposal-support", MARKUP, language, tuple(can.values())),
            lambda: get_template("consultations/includes/proposal_support.html").render(
                {"can": can, "pk": threads.PK, "csrf_token": threads.CSRF_STAND_IN}
            ),
        )
        return html.replace(str(threads.PK), str(proposal.pk))

    def fill(match):
        what, pk = match.group(1), match.group(2)
        if what in THREAD_MARKERS:
            return comments.fill(what, int(pk))
        if what in SLOTS:
            return _slot(what, key=shared["key"], reader=reader, user=user, here=here, context=context)
        proposal = offered.get(int(pk))
        if proposal is None:
            return ""
        if what == "support":
            return support(proposal)
        mine = here.get(f"proposal-{proposal.pk}")
        return render_to_string("includes/messages_inline.html", {"here": mine}) if mine else ""

    html = MARKER.sub(fill, shared["html"])
    if threads.CSRF_STAND_IN in html:
        html = html.replace(threads.CSRF_STAND_IN, str(csrf_token))
    # The markup was rendered by our own templates, with every text escaped.
    return mark_safe(html)  # noqa: S308
