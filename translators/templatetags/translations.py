"""Checked translations under what residents write.

``{% translation_of comment %}`` (or a proposal) shows the translation into the
reader's interface language, if a person made one.  The first use on a page
loads the translations of every comment and proposal the page lists, in one
query per kind; the others are answered from that.
"""

from django import template

from consultations.models import Comment, Proposal
from core.language import current_language, language_in_readers_words

from .. import selectors

register = template.Library()


# The language's name in the reader's language; the code itself if Django does not know it.
register.filter("language_label", language_in_readers_words)


def _page_ids(context, kind):
    """Ids of the items of ``kind`` that the page being rendered lists."""
    ids = set()
    if kind == "comment":
        for thread in context.get("threads") or ():
            if isinstance(thread, Comment):
                ids.add(thread.pk)
                ids.update(reply.pk for reply in thread.replies.all())
    else:
        ids.update(proposal.pk for proposal in context.get("proposals") or () if isinstance(proposal, Proposal))
    return ids


def _translation(context, kind, item, language):
    request = context.get("request")
    # Kept for the request; a rendering without one (the comment threads that
    # consultations.threads renders once for everyone) keeps it for itself.
    holder = request.__dict__ if request is not None else context.dicts[0]
    cache = holder.setdefault("_rada_translations", {})
    loaded, found = cache.setdefault((kind, language), (set(), {}))
    if item.pk not in loaded:
        ids = (_page_ids(context, kind) | {item.pk}) - loaded
        by_comment, by_proposal = selectors.translations_for(
            comment_ids=ids if kind == "comment" else (),
            proposal_ids=ids if kind == "proposal" else (),
            language=language,
        )
        found.update(by_comment if kind == "comment" else by_proposal)
        loaded.update(ids)
    return found.get(item.pk)


@register.inclusion_tag("translators/includes/translation.html", takes_context=True)
def translation_of(context, item):
    language = current_language()
    if isinstance(item, Comment):
        kind, visible = "comment", item.is_published
    elif isinstance(item, Proposal):
        kind, visible = "proposal", not item.is_hidden
    else:
        return {}
    if not visible or item.language == language:
        return {}
    translation = _translation(context, kind, item, language)
    if translation is None:
        return {}
    return {
        "translation": translation,
        "language_name": language_in_readers_words(language),
        "anchor": f"{kind}-{item.pk}-translation",
    }
