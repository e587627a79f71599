"""The exchange ``core.opinions`` names between an app whose consultations an
opinion may be given on and the council that gives it: the sources are plain
functions, so these tests register fakes in place of the apps' own."""

import pytest

from core import opinions
from core.opinions import Subject

KEY = "5b0a6c1e-0000-4000-8000-000000000001"
CENTRE = {
    "pl": Subject(key=KEY, title="Centrum informacji", url="/pl/consultations/centrum/", language="pl"),
    "uk": Subject(key=KEY, title="Інформаційний центр", url="/uk/consultations/centrum/", language="uk"),
}


def fake_source(language, *, key=None):
    """One consultation, translated into Ukrainian; Polish for any other language."""
    found = [CENTRE.get(language, CENTRE["pl"])]
    return [subject for subject in found if key is None or subject.key == str(key)]


@pytest.fixture
def one_source(monkeypatch):
    monkeypatch.setattr(opinions, "_subject_sources", [])
    opinions.register_subject_source(fake_source)


def test_a_subject_is_found_by_its_key_in_the_language_asked_for(one_source):
    assert opinions.subject_of(KEY, "uk") == CENTRE["uk"]


def test_a_subject_is_asked_of_every_source_until_one_knows_it(monkeypatch):
    monkeypatch.setattr(opinions, "_subject_sources", [])
    opinions.register_subject_source(lambda language, *, key=None: [])
    opinions.register_subject_source(fake_source)
    assert opinions.subject_of(KEY, "pl") == CENTRE["pl"]


def test_a_key_no_source_knows_names_no_subject(one_source):
    assert opinions.subject_of("5b0a6c1e-0000-4000-8000-000000000002", "pl") is None
    assert not opinions.is_subject("5b0a6c1e-0000-4000-8000-000000000002")


def test_no_key_names_no_subject_and_asks_no_source(monkeypatch):
    def refusing_source(language, *, key=None):
        raise AssertionError("asked about no key")

    monkeypatch.setattr(opinions, "_subject_sources", [refusing_source])
    assert opinions.subject_of(None, "pl") is None
    assert opinions.subject_of("", "pl") is None


def test_is_subject_holds_for_a_key_a_source_knows(one_source):
    assert opinions.is_subject(KEY)


def test_subjects_lists_every_sources_subjects_in_the_language(one_source):
    assert opinions.subjects("uk") == [CENTRE["uk"]]
