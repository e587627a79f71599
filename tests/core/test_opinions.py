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


OTHER = "5b0a6c1e-0000-4000-8000-000000000003"
SCHOOLS = Subject(key=OTHER, title="Szkoły", url="/pl/consultations/szkoly/", language="pl")


def fake_source(language, *, keys=None):
    """One consultation, translated into Ukrainian; Polish for any other language."""
    found = [CENTRE.get(language, CENTRE["pl"])]
    return [subject for subject in found if keys is None or subject.key in keys]


@pytest.fixture
def one_source(monkeypatch):
    monkeypatch.setattr(opinions, "_subject_sources", [])
    opinions.register_subject_source(fake_source)


def test_a_subject_is_found_by_its_key_in_the_language_asked_for(one_source):
    assert opinions.subject_of(KEY, "uk") == CENTRE["uk"]


def test_a_subject_is_asked_of_every_source_until_one_knows_it(monkeypatch):
    monkeypatch.setattr(opinions, "_subject_sources", [])
    opinions.register_subject_source(lambda language, *, keys=None: [])
    opinions.register_subject_source(fake_source)
    assert opinions.subject_of(KEY, "pl") == CENTRE["pl"]


def test_a_key_no_source_knows_names_no_subject(one_source):
    assert opinions.subject_of("5b0a6c1e-0000-4000-8000-000000000002", "pl") is None
    assert not opinions.is_subject("5b0a6c1e-0000-4000-8000-000000000002")


def test_no_key_names_no_subject_and_asks_no_source(monkeypatch):
    def refusing_source(language, *, keys=None):
        raise AssertionError("asked about no key")

    monkeypatch.setattr(opinions, "_subject_sources", [refusing_source])
    assert opinions.subject_of(None, "pl") is None
    assert opinions.subject_of("", "pl") is None


def test_is_subject_holds_for_a_key_a_source_knows(one_source):
    assert opinions.is_subject(KEY)


def test_subjects_lists_every_sources_subjects_in_the_language(one_source):
    assert opinions.subjects("uk") == [CENTRE["uk"]]


def test_subjects_of_finds_many_keys_asking_each_source_once(monkeypatch):
    calls = []

    def schools_source(language, *, keys=None):
        calls.append(keys)
        return [SCHOOLS] if OTHER in keys else []

    monkeypatch.setattr(opinions, "_subject_sources", [])
    opinions.register_subject_source(fake_source)
    opinions.register_subject_source(schools_source)
    found = opinions.subjects_of([KEY, OTHER, KEY], "uk")
    assert found == {KEY: CENTRE["uk"], OTHER: SCHOOLS}
    assert calls == [[OTHER]]  # only the key the first source did not know


def test_subjects_of_leaves_out_keys_no_source_knows(one_source):
    assert opinions.subjects_of([KEY, "5b0a6c1e-0000-4000-8000-000000000002"], "pl") == {KEY: CENTRE["pl"]}


def test_subjects_of_no_keys_asks_no_source(monkeypatch):
    def refusing_source(language, *, keys=None):
        raise AssertionError("asked about no key")

    monkeypatch.setattr(opinions, "_subject_sources", [refusing_source])
    assert opinions.subjects_of([], "pl") == {}
    assert opinions.subjects_of([None, ""], "pl") == {}
