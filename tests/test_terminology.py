"""One word for each key noun in every language: the catalogs follow the term
list in docs/terminology.md (a council motion is never called by the word for
a resident's proposal, and the other way round)."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
TERMS = ROOT / "docs" / "terminology.md"
LANGUAGES = ["pl", "uk", "ru"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{\s*\w+\s*\}\}")


def checks():
    """The rows of the table under "What the test checks"."""
    text = TERMS.read_text(encoding="utf-8").split("## What the test checks", 1)[1]
    rows = [line.strip().strip("|").split("|") for line in text.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in rows[0]]
    found = []
    for row in rows[1:]:
        cells = dict(zip(header, (cell.strip() for cell in row), strict=True))
        if set(cells["noun"]) <= {"-", " "}:
            continue
        stems = {}
        for language in LANGUAGES:
            must, never = (part.strip().lower() for part in cells[language].split("/"))
            stems[language] = (must, None if never == "–" else never)
        where = None if cells["from"] == "any" else tuple(p.strip() for p in cells["from"].split(","))
        found.append((cells["noun"], re.compile(cells["pattern"].strip("`"), re.IGNORECASE), where, stems))
    return found


CHECKS = checks()


def catalog(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


def translations(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def test_the_term_list_has_a_row_for_each_key_noun():
    nouns = {noun for noun, *_rest in CHECKS}
    assert {"motion", "proposal", "resolution", "comment", "poll", "meeting", "agenda item"} <= nouns


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("noun", [noun for noun, *_rest in CHECKS])
def test_the_catalog_uses_the_chosen_word(language, noun):
    _noun, pattern, where, stems = next(check for check in CHECKS if check[0] == noun)
    must, never = stems[language]
    wrong = []
    for entry in catalog(language).translated_entries():
        english = PLACEHOLDER.sub("", f"{entry.msgid} {entry.msgid_plural or ''}")
        if not pattern.search(english):
            continue
        if where and not any(path.startswith(where) for path, _line in entry.occurrences):
            continue
        for text in translations(entry):
            lower = PLACEHOLDER.sub("", text).lower()
            if must not in lower or (never and never in lower):
                wrong.append(f"{entry.msgid!r} → {text!r}")
                break
    assert wrong == [], f"{language} does not say «{must}» for {noun}:\n" + "\n".join(wrong)
