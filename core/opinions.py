"""Opinions given on a consultation by another body (the Immigrants' Council).

Consultations and the council never import each other.  Core names the exchange
and each side fills in its half in its ``AppConfig.ready()``:

- the council registers an *opinion source*: given a consultation's
  ``translation_key``, the adopted resolutions that give an opinion on it;
- consultations register a *subject source*: the consultations an opinion may
  be given on, each a ``Subject`` in a language, so that a motion's form can
  offer them, the council's services can check one and a motion's page (or a
  page of the API's motions) can link to the ones it names.

Both sides key a consultation by its ``translation_key`` (as comments do), so
no table points at another app's table and no migration depends on the other app.
"""

from dataclasses import dataclass

_opinion_sources = []
_subject_sources = []


@dataclass(frozen=True)
class Opinion:
    """One opinion: ``key`` identifies it across languages (an outcome's answer
    stores it), ``number`` and ``title`` are shown, ``url`` links to it."""

    key: str
    number: str
    title: str
    url: str
    language: str = ""

    def as_dict(self):
        return {"number": self.number, "title": self.title, "url": self.url}


@dataclass(frozen=True)
class Subject:
    """What an opinion may be given on: ``key`` is the consultation's
    ``translation_key`` (one for all its languages); ``title`` and ``url`` are
    its page's in the language asked for where it has one, else in another;
    ``language`` is the language ``title`` is written in."""

    key: str
    title: str
    url: str
    language: str = ""


def register_opinion_source(source):
    """``source(keys)`` → ``{translation_key: [Opinion, …]}`` for those consultations."""
    if source not in _opinion_sources:
        _opinion_sources.append(source)


def register_subject_source(source):
    """``source(language)`` → ``[Subject, …]``; ``source(language, keys=[k, …])`` →
    the Subjects of those keys it knows (in one call, whatever their number)."""
    if source not in _subject_sources:
        _subject_sources.append(source)


def opinions_for(keys):
    """``{translation_key: [Opinion, …]}`` for every key, in one query per source."""
    keys = list(keys)
    found = {key: [] for key in keys}
    for source in _opinion_sources:
        for key, opinions in source(keys).items():
            found.setdefault(key, []).extend(opinions)
    return found


def opinions_of(key):
    return opinions_for([key]).get(key, [])


def subjects(language):
    """``[Subject, …]`` an opinion may be given on, titled in ``language`` where translated."""
    return [subject for source in _subject_sources for subject in source(language)]


def subjects_of(keys, language):
    """``{key: Subject}`` for each of ``keys`` that names something an opinion
    may (still) be given on, in ``language`` where translated; a key no source
    knows is left out.  Each source is asked once, for the keys no source
    before it knew, and none is asked when there are no keys."""
    wanted = {str(key) for key in keys if key}
    found = {}
    for source in _subject_sources:
        if not wanted:
            break
        for subject in source(language, keys=sorted(wanted)):
            if subject.key in wanted:
                found[subject.key] = subject
        wanted -= set(found)
    return found


def subject_of(key, language):
    """The :class:`Subject` ``key`` names, in ``language`` where translated, or
    None when it names nothing an opinion may (still) be given on."""
    return subjects_of([key], language).get(str(key)) if key else None


def is_subject(key):
    return subject_of(key, None) is not None
