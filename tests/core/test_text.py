from core.text import plain_text


def test_rich_text_becomes_paragraphs_with_entities_turned_back_into_characters():
    html = "<p>Usłyszeliśmy &amp; zmieniliśmy.</p><p>Drugi&nbsp;akapit <b>ważny</b>.</p>"
    assert plain_text(html) == "Usłyszeliśmy & zmieniliśmy.\n\nDrugi akapit ważny."


def test_list_items_and_line_breaks_are_kept_apart():
    assert plain_text("<ul><li>Jeden</li><li>Dwa</li></ul>Trzy<br>Cztery") == "Jeden\n\nDwa\n\nTrzy\n\nCztery"


def test_nothing_gives_nothing():
    assert plain_text(None) == "" and plain_text("<p> </p>") == ""
