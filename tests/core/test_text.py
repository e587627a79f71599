import pytest

from core.text import clean_line, clean_text, plain_text, render_plain, whole_number


def test_rich_text_becomes_paragraphs_with_entities_turned_back_into_characters():
    html = "<p>Usłyszeliśmy &amp; zmieniliśmy.</p><p>Drugi&nbsp;akapit <b>ważny</b>.</p>"
    assert plain_text(html) == "Usłyszeliśmy & zmieniliśmy.\n\nDrugi akapit ważny."


def test_list_items_and_line_breaks_are_kept_apart():
    assert plain_text("<ul><li>Jeden</li><li>Dwa</li></ul>Trzy<br>Cztery") == "Jeden\n\nDwa\n\nTrzy\n\nCztery"


def test_nothing_gives_nothing():
    assert plain_text(None) == "" and plain_text("<p> </p>") == ""


# --- the door every stored text passes --------------------------------------------


def test_control_characters_but_tab_and_newline_are_removed():
    assert clean_text("a\x00b\x01c\x1fd\te\nf\ufffe") == "abcd\te\nf"


def test_every_kind_of_line_break_becomes_a_newline():
    assert clean_text("one\r\ntwo\rthree\vfour\ffive") == "one\ntwo\nthree\nfour\nfive"


def test_text_is_stored_in_composed_unicode():
    decomposed = "z\u0307o\u0301łw"  # ż and ó typed as letter + combining mark
    assert clean_text(decomposed) == "żółw"


def test_a_line_has_its_whitespace_and_breaks_collapsed():
    assert clean_line("  Anna\v\x00 Nowak \r\n") == "Anna Nowak"


def test_nothing_cleans_to_nothing():
    assert clean_text(None) == "" and clean_line("") == ""


@pytest.mark.parametrize(
    ("raw", "number"),
    [("7", 7), ("0", 0), ("000123", 123), ("999999999", 999_999_999)],
)
def test_a_whole_number_is_read_from_ascii_digits(raw, number):
    assert whole_number(raw) == number


@pytest.mark.parametrize(
    "raw",
    ["²", "³", "٣", "１", "-1", "+1", " 7", "7 ", "1e3", "1.0", "", None, ["1"], "99999999999999999999", "1000000000"],
)
def test_anything_else_is_no_number(raw):
    assert whole_number(raw) is None
    assert whole_number(raw, default=1) == 1


def test_plain_text_templates_are_not_html_escaped(tmp_path, settings):
    (tmp_path / "subject.txt").write_text("{{ name }} replied")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    assert render_plain("subject.txt", {"name": "O'Brien & <Co>"}) == "O'Brien & <Co> replied"
