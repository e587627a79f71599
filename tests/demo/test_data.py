"""The demo's data files and the loader that reads them: what is missing is
named by file and place, not met as a bare KeyError deep inside a step."""

import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from demo import data
from demo.data import DemoDataError

COUNCIL = """
[[meeting]]
number = 1

[[meeting.poll]]
question = "Czy Rada przyjmuje wniosek?"

[[meeting.poll]]
kind = "named"
"""


@pytest.fixture
def content(tmp_path):
    (tmp_path / "council.toml").write_text(COUNCIL)
    return tmp_path


def test_a_missing_field_is_named_with_its_file_and_place(content):
    council = data.load("council", root=content)
    with pytest.raises(DemoDataError, match=r'council\.toml: meeting\[0\]\.poll\[1\] has no field "question"'):
        council["meeting"][0]["poll"][1]["question"]


def test_a_missing_field_at_the_top_of_a_file_is_named_with_the_file(content):
    with pytest.raises(DemoDataError, match=r'council\.toml has no field "term"'):
        data.load("council", root=content)["term"]


def test_an_optional_field_falls_back_to_its_default(content):
    poll = data.load("council", root=content)["meeting"][0]["poll"][0]
    assert poll.get("options", ()) == ()
    assert "question" in poll
    assert poll["question"] == "Czy Rada przyjmuje wniosek?"


def test_a_value_the_seed_cannot_use_is_named_with_its_place(content):
    poll = data.load("council", root=content)["meeting"][0]["poll"][1]
    error = poll.invalid("kind", 'is "named", not one of open, shut')
    assert str(error).endswith('council.toml: meeting[0].poll[1].kind is "named", not one of open, shut')


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DemoDataError, match=r"uk/pages\.toml is missing"):
        data.load("pages", "uk", root=tmp_path)


def test_a_file_that_is_not_toml_is_named_with_the_parsers_reason(tmp_path):
    (tmp_path / "accounts.toml").write_text('password = "unfinished\n')
    with pytest.raises(DemoDataError, match=r"accounts\.toml is not valid TOML: .*line 1"):
        data.load("accounts", root=tmp_path)


def test_every_language_has_the_same_text_files():
    expected = sorted(path.name for path in (data.CONTENT / settings.LANGUAGE_CODE).glob("*.toml"))
    for code, _name in settings.LANGUAGES:
        assert sorted(path.name for path in (data.CONTENT / code).glob("*.toml")) == expected, code
    for code, _name in settings.LANGUAGES:
        for name in expected:
            data.load(name.removesuffix(".toml"), code)  # each is valid TOML


def test_every_record_file_is_valid_toml():
    for path in data.CONTENT.glob("*.toml"):
        data.load(path.stem)


@pytest.mark.django_db
def test_seed_demo_names_the_file_and_field_it_misses(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(data.CONTENT, content)
    pages = content / "pl" / "pages.toml"
    pages.write_text(pages.read_text().replace("[home]", "[start]", 1))
    monkeypatch.setattr(data, "CONTENT", content)
    with pytest.raises(CommandError, match=r'pl/pages\.toml has no field "home"'):
        call_command("seed_demo")


def test_a_translated_agenda_title_that_names_no_agenda_item_is_named_with_its_file():
    from demo.seed_council import _Record

    texts = {"en": data.Table({"agenda": {"Sprawy rózne": "Any other business"}}, "demo/content/en/council.toml")}
    record = _Record(None, data.load("council"), texts)
    with pytest.raises(DemoDataError, match=r"en/council.toml: agenda.Sprawy rózne is not the title of an agenda"):
        record.check_agenda_translations()
