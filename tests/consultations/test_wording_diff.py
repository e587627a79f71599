"""The word-level difference behind proposed wording and compared drafts."""

from django.utils import translation

from consultations.wording import DELETE, EQUAL, INSERT, as_html, changed, diff, plain_text, tokens


def old_and_new(segments):
    old = "".join(segment.text for segment in segments if segment.op != INSERT)
    new = "".join(segment.text for segment in segments if segment.op != DELETE)
    return old, new


def ops(segments):
    return [(segment.op, segment.text) for segment in segments]


def test_changed_words_are_a_deletion_then_an_insertion_between_equal_text():
    segments = diff("Urząd jest otwarty w poniedziałki.", "Urząd jest otwarty od poniedziałku do piątku.")
    assert ops(segments) == [
        (EQUAL, "Urząd jest otwarty "),
        (DELETE, "w poniedziałki"),
        (INSERT, "od poniedziałku do piątku"),
        (EQUAL, "."),
    ]


def test_joining_the_segments_gives_back_both_texts():
    old = "Kursy języka polskiego są bezpłatne.\nZapisy w urzędzie."
    new = "Kursy języka polskiego są bezpłatne dla wszystkich.\nZapisy w urzędzie lub przez internet."
    assert old_and_new(diff(old, new)) == (old, new)


def test_cyrillic_words_are_compared_as_words():
    segments = diff("Консультації відкриті в суботу.", "Консультації відкриті в неділю.")
    assert ops(segments) == [(EQUAL, "Консультації відкриті в "), (DELETE, "суботу"), (INSERT, "неділю"), (EQUAL, ".")]


def test_a_polish_diacritic_changes_its_whole_word_only():
    segments = diff("Zażółć gęślą jaźń", "Zażółć gęsią jaźń")
    assert ops(segments) == [(EQUAL, "Zażółć "), (DELETE, "gęślą"), (INSERT, "gęsią"), (EQUAL, " jaźń")]


def test_a_changed_punctuation_mark_leaves_the_word_before_it_equal():
    segments = diff("Do zobaczenia.", "Do zobaczenia!")
    assert ops(segments) == [(EQUAL, "Do zobaczenia"), (DELETE, "."), (INSERT, "!")]


def test_identical_texts_are_one_equal_segment():
    segments = diff("Ten sam tekst.", "Ten sam tekst.")
    assert ops(segments) == [(EQUAL, "Ten sam tekst.")]
    assert not changed(segments)


def test_empty_texts_give_no_segments_and_an_empty_side_is_all_inserted():
    assert diff("", "") == []
    assert ops(diff("", "Nowy tekst")) == [(INSERT, "Nowy tekst")]
    assert ops(diff("Stary tekst", "")) == [(DELETE, "Stary tekst")]


def test_too_long_texts_are_one_deletion_and_one_insertion_not_compared():
    old, new = "słowo " * 50, "wyraz " * 50
    segments = diff(old, new, max_tokens=20)
    assert ops(segments) == [(DELETE, old), (INSERT, new)]


def test_tokens_keep_whitespace_and_split_punctuation():
    assert tokens("a,  b") == ["a", ",", "  ", "b"]


def test_html_marks_changes_with_ins_and_del_and_words_for_screen_readers():
    with translation.override("en"):
        html = str(as_html(diff("Otwarte w soboty.", "Otwarte w niedziele.")))
    assert '<del class="wording-diff__delete"><span class="visually-hidden">deleted: </span>soboty</del>' in html
    assert '<ins class="wording-diff__insert"><span class="visually-hidden">inserted: </span>niedziele</ins>' in html
    assert "style=" not in html


def test_html_escapes_what_residents_wrote():
    html = str(as_html(diff("Tekst.", "Tekst <script>alert(1)</script>.")))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_plain_text_of_a_rich_text_section_keeps_paragraphs_as_lines():
    assert plain_text("<p>Pierwszy <b>akapit</b>.</p><p>Drugi&nbsp;akapit &amp; więcej.</p>") == (
        "Pierwszy akapit.\nDrugi akapit & więcej."
    )
