"""The interface catalogs: complete, compiled, with the right plural forms, and
holding every string the code marks for translation."""

import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["pl", "en", "uk", "ru"]
THREE_FORMS = {"pl", "uk", "ru"}
SOURCE_DIRS = ["accounts", "cms", "consultations", "council", "templates"]


def catalog(code):
    return polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalog_is_completely_translated(code):
    po = catalog(code)
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


@pytest.mark.parametrize("code", sorted(THREE_FORMS))
def test_catalog_uses_three_plural_forms(code):
    po = catalog(code)
    assert po.metadata["Plural-Forms"].startswith("nplurals=3;")
    for entry in po:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1, 2], entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("code", LANGUAGES)
def test_compiled_catalog_matches_its_source(code):
    po = catalog(code)
    mo = polib.mofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    for entry in po.translated_entries():
        assert compiled.get((entry.msgctxt, entry.msgid)) == (entry.msgstr or entry.msgstr_plural), entry.msgid


def test_catalogs_hold_every_string_marked_in_the_code(tmp_path):
    """makemessages run on a copy of the sources finds nothing the catalogs lack."""
    for name in SOURCE_DIRS:
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "locale" / "pl" / "LC_MESSAGES").mkdir(parents=True)
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(
        [
            str(Path(sys.executable).parent / "django-admin"),
            "makemessages",
            "-l",
            "pl",
            "--symlinks",
            "--ignore",
            "demo/*",
        ],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = polib.pofile(str(tmp_path / "locale" / "pl" / "LC_MESSAGES" / "django.po"))
    known = {(entry.msgctxt, entry.msgid) for entry in catalog("pl")}
    missing = sorted(entry.msgid for entry in fresh if (entry.msgctxt, entry.msgid) not in known)
    assert missing == [], "run `make messages` and translate these"
