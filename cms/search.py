"""Finding words in text columns, forgiving of inflection, on either database.

Residents write "субота" and the text says "суботу"; they write "PESEL" and
the glossary says "PESEL-u".  No dictionary stemmer covers Polish, Ukrainian,
Russian and English at once, so every word of the query is cut to a crude
stem (its first letters, see :func:`stem`) and a text matches when each stem
begins a word in it.  On PostgreSQL that is a full-text query with prefix
matching (``'субот':*``) on the 'simple' configuration, widened by trigram
word similarity (pg_trgm) for small typos; on SQLite a stem must occur in one
of the columns (``LIKE``).  Callers only call :func:`matching` and
:func:`highlight`, and never know which database answered.
"""

import re

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_WORDS = 8
MAX_WORD_LENGTH = 40
SNIPPET_LENGTH = 220

# Letters and digits only: what remains can go into a tsquery or a LIKE pattern as it is.
_WORD = re.compile(r"[^\W_]+")


def words(query):
    """The words of ``query``, lower-cased, without repeats, at most ``MAX_WORDS``."""
    seen = []
    for word in _WORD.findall(query.casefold()):
        word = word[:MAX_WORD_LENGTH]
        if word not in seen:
            seen.append(word)
    return seen[:MAX_WORDS]


def stem(word):
    """The first letters of ``word`` that its inflected forms share, crudely:
    two letters fewer (three from eight letters on: Polish "-ami", "-ach"),
    never fewer than four."""
    ending = 3 if len(word) >= 8 else 2
    return word[: min(len(word), max(4, len(word) - ending))]


def stems(query):
    return [stem(word) for word in words(query)]


def is_postgresql():
    return connection.vendor == "postgresql"


def indexed_text_fields():
    """The title and the body text Wagtail's search index keeps of a page (through
    the ``index_entries`` relation): plain-text columns of their own on
    PostgreSQL, beside the tsvectors; the text itself on SQLite."""
    if is_postgresql():
        return ["index_entries__title_text", "index_entries__body_text"]
    return ["index_entries__title", "index_entries__body"]


def matching(queryset, query, fields):
    """``queryset`` narrowed to the rows in whose ``fields`` (text columns,
    lookups allowed) every word of ``query`` begins a word, or (PostgreSQL) that
    are very like the query.  A query without any word matches nothing."""
    found = stems(query)
    if not found:
        return queryset.none()
    if is_postgresql():
        return _postgresql(queryset, query, found, fields)
    return _sqlite(queryset, found, fields)


def _postgresql(queryset, query, found, fields):
    tsquery = SearchQuery(" & ".join(f"{word}:*" for word in found), search_type="raw", config="simple")
    queryset = queryset.annotate(_search_vector=SearchVector(*fields, config="simple"))
    condition = Q(_search_vector=tsquery)
    # "%>": the whole query is very like some run of words of the column
    # (pg_trgm.word_similarity_threshold, 0.6 by default), for typos.
    phrase = " ".join(words(query))
    for field in fields:
        condition |= Q(TrigramWordSimilar(F(field), Value(phrase, output_field=TextField())))
    return queryset.filter(condition)


def _sqlite(queryset, found, fields):
    # SQLite's LIKE folds the case of ASCII letters only, so Cyrillic and Polish
    # words are looked for as written, capitalised and in capitals too.
    condition = Q()
    for word in found:
        either = Q()
        for variant in {word, word.capitalize(), word.upper()}:
            for field in fields:
                either |= Q(**{f"{field}__contains": variant})
        condition &= either
    return queryset.filter(condition)


def _marker(query):
    found = stems(query)
    if not found:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(found, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)


def highlight(text, query):
    """``text`` as safe HTML, escaped, with the words ``query`` matched wrapped
    in ``<mark>``.  The text is split at the matches first and each piece is
    escaped on its own, so a mark never lands inside an entity or a tag."""
    text = text or ""
    marker = _marker(query)
    if marker is None:
        return escape(text)
    pieces, last = [], 0
    for match in marker.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece was escaped above


def snippet(text, query, length=SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around its first match, marked."""
    text = " ".join((text or "").split())
    marker = _marker(query)
    match = marker.search(text) if marker else None
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    excerpt = text[start : start + length]
    if start + length < len(text):
        excerpt = excerpt.rsplit(" ", 1)[0] + " …"
    if start:
        excerpt = "… " + excerpt
    return highlight(excerpt, query)
