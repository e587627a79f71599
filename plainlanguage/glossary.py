"""Reads of the glossary, and the linking of its terms in rendered rich text.

The rows of each language are kept in Django's cache (local memory, or Redis
shared by every worker) and dropped when a term is saved or deleted, so a page
that links terms asks the database nothing once the cache is warm.  The
regular expression built from those rows is kept per process, keyed by the
rows themselves, so a change seen in the cache is a new key here too.

Linking works on the HTML tokens from :class:`html.parser.HTMLParser`: only
text nodes are searched, never tags or attributes, and never text inside
links, headings, ``<abbr>``, ``<dfn>``, code, buttons or a previous glossary
note.  Each term is linked at its first occurrence; its explanation follows
the block it occurs in as a ``<details>`` element, which opens with the
keyboard and is read by screen readers without hovering anything.
"""

import functools
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext, override

from core import cache as fragments
from core.language import LANGUAGE_CODES, current_language, site_language

from .models import GlossaryTerm

CACHE_KEY = "plainlanguage:glossary:{}"
CACHE_SECONDS = 24 * 60 * 60
SOURCE_LANGUAGE = "pl"

FIELDS = ("translation_key", "slug", "term", "forms", "explanation", "source_url")


def _rows(languages):
    """{language: tuple of row tuples} for ``languages``, from the cache or one query."""
    languages = list(dict.fromkeys(languages))
    keys = {language: CACHE_KEY.format(language) for language in languages}
    # A page links terms in several texts: the rows are read once per request.
    memo = fragments.request_memo()
    remembered = memo.setdefault("glossary", {}) if memo is not None else {}
    found = {key: remembered[key] for key in keys.values() if key in remembered}
    if len(found) < len(keys):
        found.update(cache.get_many([key for key in keys.values() if key not in found]))
        remembered.update(found)
    result = {language: found[key] for language, key in keys.items() if key in found}
    missing = [language for language in languages if language not in result]
    if missing:
        fetched = {language: [] for language in missing}
        rows = (
            GlossaryTerm.objects.filter(locale__language_code__in=missing)
            .order_by("pk")
            .values_list("locale__language_code", *FIELDS)
        )
        for language, key, *rest in rows:
            fetched[language].append((str(key), *rest))
        fetched = {language: tuple(rows) for language, rows in fetched.items()}
        cache.set_many({keys[language]: rows for language, rows in fetched.items()}, CACHE_SECONDS)
        result.update(fetched)
    return result


@receiver(post_save, sender=GlossaryTerm, dispatch_uid="plainlanguage-glossary-saved")
@receiver(post_delete, sender=GlossaryTerm, dispatch_uid="plainlanguage-glossary-deleted")
def forget_glossary(**kwargs):
    cache.delete_many([CACHE_KEY.format(code) for code in LANGUAGE_CODES])


@dataclass(frozen=True)
class Entry:
    """One term as a reader of ``language`` sees it."""

    slug: str
    term: str
    explanation: str
    source_url: str
    language: str  # the language term and explanation are written in
    original_term: str = ""  # the Polish headword, when it differs

    @property
    def anchor(self):
        return f"term-{self.slug}"


def _entries(rows_by_language, reader):
    """{translation key: Entry} in ``reader``'s language, the Polish original where untranslated."""
    entries = {}
    source = {row[0]: row for row in rows_by_language.get(SOURCE_LANGUAGE, ())}
    for language in (SOURCE_LANGUAGE, reader):
        for key, slug, term, _forms, explanation, source_url in rows_by_language.get(language, ()):
            original = source.get(key)
            original_term = original[2] if original and language != SOURCE_LANGUAGE and original[2] != term else ""
            entries[key] = Entry(slug, term, explanation, source_url, language, original_term)
    return entries


# --- the glossary page ------------------------------------------------------

POLISH = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


@functools.cache
def _order(language):
    cyrillic = RUSSIAN + "".join(c for c in UKRAINIAN if c not in RUSSIAN)
    if language == "uk":
        cyrillic = UKRAINIAN + "".join(c for c in RUSSIAN if c not in UKRAINIAN)
    order = {c: (1, i) for i, c in enumerate(POLISH)}
    order.update({c: (2, i) for i, c in enumerate(cyrillic)})
    return order


def alphabetical_key(text, language):
    """Sorts as a dictionary of ``language`` does: ą after a, ł after l, є after е, і after и."""
    order = _order(language)
    return tuple(order.get(c, (0, ord(c))) for c in text.casefold())


def glossary_for(*, language):
    """The glossary in ``language``: [(letter, [Entry, …]), …] in alphabetical order."""
    language = site_language(language)
    entries = _entries(_rows([SOURCE_LANGUAGE, language]), language).values()
    letters = []
    for entry in sorted(entries, key=lambda entry: alphabetical_key(entry.term, language)):
        letter = entry.term[:1].upper()
        if not letters or letters[-1][0] != letter:
            letters.append((letter, []))
        letters[-1][1].append(entry)
    return letters


# --- linking terms in texts -------------------------------------------------


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: _linked keeps results per matcher
class Matcher:
    pattern: re.Pattern
    exact: dict  # forms in capitals (PESEL, NFZ): matched only as written
    folded: dict  # other forms: matched whatever their case
    entries: dict

    def key_for(self, text):
        text = " ".join(text.split())
        return self.exact.get(text) or self.folded.get(text.casefold())


def _form_pattern(form):
    words = r"\s+".join(re.escape(word) for word in form.split())
    return words if form == form.upper() else f"(?i:{words})"


@functools.lru_cache(maxsize=64)
def _matcher(text_rows, source_rows, reader_rows, reader):
    """The compiled pattern for texts in one language, read in another.

    Texts are searched for the forms of their own language's entries and of
    the Polish originals, since Polish words (meldunek, PESEL) stand in
    translated texts too.
    """
    exact, folded = {}, {}
    for key, _slug, term, forms, *_rest in (*text_rows, *source_rows):
        for form in GlossaryTerm(term=term, forms=forms).match_forms():
            if form == form.upper():
                exact.setdefault(form, key)
            else:
                folded.setdefault(form.casefold(), key)
    if not exact and not folded:
        return None
    forms = sorted({*exact, *folded}, key=lambda form: (-len(form), form))
    alternatives = "|".join(_form_pattern(form) for form in forms)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    rows = {SOURCE_LANGUAGE: source_rows, reader: reader_rows}
    return Matcher(pattern, exact, folded, _entries(rows, reader))


def matcher_for(*, text_language, reader_language):
    text_language, reader_language = site_language(text_language), site_language(reader_language)
    rows = _rows([text_language, SOURCE_LANGUAGE, reader_language])
    text_rows = rows[text_language] if text_language != SOURCE_LANGUAGE else ()
    return _matcher(text_rows, rows[SOURCE_LANGUAGE], rows[reader_language], reader_language)


SKIPPED = {"a", "abbr", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "button"}
SKIPPED |= {"script", "style", "textarea", "select", "summary", "details", "svg", "math", "title"}
RAW_TEXT = {"script", "style"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Linker(HTMLParser):
    def __init__(self, matcher, *, seen, glossary_url, reader):
        super().__init__(convert_charrefs=True)
        self.matcher = matcher
        self.seen = seen
        self.glossary_url = glossary_url
        self.reader = reader
        self.out = []
        self.open = []  # the stack of open elements
        self.skipping = 0
        self.notes = []

    # tags and the rest pass through as written
    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in VOID:
            return
        self.open.append(tag)
        if tag in SKIPPED:
            self.skipping += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag not in self.open:
            return  # a stray end tag: nothing to close
        while self.open:
            closed = self.open.pop()
            if closed in SKIPPED:
                self.skipping -= 1
            if closed == tag:
                break
        if not self.open:
            self.flush_notes()

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def handle_data(self, data):
        if self.open and self.open[-1] in RAW_TEXT:
            self.out.append(data)
            return
        if self.skipping:
            self.out.append(escape(data, quote=False))
            return
        position = 0
        for match in self.matcher.pattern.finditer(data):
            key = self.matcher.key_for(match.group())
            if key is None or key in self.seen or key not in self.matcher.entries:
                continue
            self.seen.add(key)
            entry = self.matcher.entries[key]
            self.out.append(escape(data[position : match.start()], quote=False))
            self.out.append(
                f'<a class="glossary-term" href="{escape(self.glossary_url)}#{escape(entry.anchor)}">'
                f"{escape(match.group(), quote=False)}</a>"
            )
            self.notes.append(entry)
            position = match.end()
        self.out.append(escape(data[position:], quote=False))
        if not self.open:
            self.flush_notes()

    def flush_notes(self):
        for entry in self.notes:
            self.out.append(note_html(entry, glossary_url=self.glossary_url, reader=self.reader))
        self.notes = []

    def result(self):
        self.close()
        while self.open:  # unclosed elements: the notes still go after them
            self.open.pop()
        self.flush_notes()
        return "".join(self.out)


def note_html(entry, *, glossary_url, reader):
    lang = f' lang="{escape(entry.language)}"' if entry.language != reader else ""
    summary = gettext("What does “%(term)s” mean?") % {"term": entry.term}
    more = gettext("More in the glossary")
    return (
        f'<details class="glossary-note">'
        f"<summary><span{lang}>{escape(summary)}</span></summary>"
        f"<p{lang}>{escape(entry.explanation)}</p>"
        f'<p><a href="{escape(glossary_url)}#{escape(entry.anchor)}">{escape(more)}</a></p>'
        f"</details>"
    )


def link_terms(html, *, text_language, reader_language=None, seen=None):
    """``html`` with the first occurrence of each glossary term linked to its explanation.

    ``seen`` is a set of terms already linked on the page (pass the same set
    for each text of one page); it is updated.
    """
    html = str(html or "")
    reader_language = site_language(reader_language) if reader_language else current_language()
    matcher = matcher_for(text_language=text_language, reader_language=reader_language)
    if matcher is None or not html.strip():
        return html
    with override(reader_language):
        glossary_url = reverse("plainlanguage:glossary")
    seen = set() if seen is None else seen
    linked, now_seen = _linked(html, matcher, glossary_url, reader_language, frozenset(seen))
    seen.update(now_seen)
    return linked


@functools.lru_cache(maxsize=256)
def _linked(html, matcher, glossary_url, reader_language, seen):
    """``(html linked, terms seen after it)``: the same text, glossary and terms
    already linked always give the same result, and pages show the same texts to
    every reader, so each is parsed once per process (``matcher`` is itself
    cached per glossary rows, so a changed glossary gives another one)."""
    seen = set(seen)
    with override(reader_language):
        linker = _Linker(matcher, seen=seen, glossary_url=glossary_url, reader=reader_language)
        linker.feed(html)
        return linker.result(), frozenset(seen)
