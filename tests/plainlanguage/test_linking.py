"""Glossary terms in rendered rich text link to their explanation."""

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

from plainlanguage.glossary import link_terms

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("glossary")]


def link(html, text_language="pl", reader_language="pl"):
    return link_terms(html, text_language=text_language, reader_language=reader_language)


def test_first_occurrence_of_a_term_is_linked_and_later_ones_are_not():
    html = link("<p>Karta pobytu jest ważna. Druga karta pobytu nie jest linkiem.</p>")
    assert html.count('class="glossary-term"') == 1
    assert html.startswith('<p><a class="glossary-term" href="/pl/glossary/#term-karta-pobytu">Karta pobytu</a> jest')


def test_declined_forms_of_a_term_are_linked():
    html = link("<p>Złóż wniosek o kartę pobytu w urzędzie.</p>")
    assert '<a class="glossary-term" href="/pl/glossary/#term-karta-pobytu">kartę pobytu</a>' in html


def test_each_term_is_linked_once_per_text():
    html = link("<p>PESEL i meldunek.</p><p>Bez meldunku nie ma PESEL.</p>")
    assert html.count('href="/pl/glossary/#term-pesel"') == 2  # the link and the note's "more"
    assert html.count('class="glossary-term" href="/pl/glossary/#term-meldunek"') == 1


def test_term_inside_an_existing_link_is_left_alone():
    source = '<p><a href="https://example.org/">Sprawdź PESEL</a> tutaj.</p>'
    assert link(source) == source


def test_term_inside_a_heading_is_left_alone_and_linked_in_the_next_paragraph():
    html = link("<h2>Meldunek</h2><p>O meldunek pytaj w urzędzie.</p>")
    assert html.startswith('<h2>Meldunek</h2><p>O <a class="glossary-term"')


def test_term_in_an_attribute_is_not_touched():
    source = '<p><span title="PESEL">numer</span></p>'
    assert link(source) == source


def test_term_in_a_document_link_or_code_is_left_alone():
    source = "<p><code>NFZ</code> i <abbr>ZUS</abbr></p>"
    assert link(source) == source


def test_escaped_markup_in_the_text_stays_escaped():
    html = link("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; karta pobytu</p>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <a" in html
    assert "<script>" not in html


def test_explanation_is_escaped():
    from plainlanguage.models import GlossaryTerm

    GlossaryTerm.objects.filter(locale__language_code="pl", slug="nfz").update(explanation="<b>Fundusz</b> & co")
    from plainlanguage.glossary import forget_glossary

    forget_glossary()
    html = link("<p>NFZ</p>")
    assert "&lt;b&gt;Fundusz&lt;/b&gt; &amp; co" in html


def test_text_without_glossary_terms_is_returned_unchanged():
    source = '<p>Zwykły tekst o <b>parku</b> i <a href="/pl/">stronie</a>.</p><ul><li>punkt</li></ul>'
    assert link(source) == source


def test_ordinary_terms_match_whatever_their_case():
    html = link("<p>URZĄD WOJEWÓDZKI przyjmuje wnioski.</p>")
    assert '<a class="glossary-term" href="/pl/glossary/#term-urzad-wojewodzki">URZĄD WOJEWÓDZKI</a>' in html


def test_terms_in_capitals_match_only_in_capitals():
    assert "glossary-term" not in link("<p>Zus i nfz to nie skróty.</p>")


def test_term_is_not_found_inside_a_longer_word():
    assert "glossary-term" not in link("<p>Przemeldunekowanie i PESELowy.</p>")


def test_term_broken_over_a_line_is_found():
    html = link("<p>Masz kartę\npobytu?</p>")
    assert '<a class="glossary-term" href="/pl/glossary/#term-karta-pobytu">kartę\npobytu</a>' in html


def test_explanation_follows_the_block_as_a_disclosure_in_the_readers_language():
    html = link("<ul><li>karta pobytu</li></ul><p>Dalej.</p>", reader_language="en")
    assert html.index("</ul>") < html.index('<details class="glossary-note">') < html.index("<p>Dalej.</p>")
    assert "<summary><span>What does “residence card” mean?</span></summary>" in html
    assert "<p>A plastic card with your photo." in html
    assert 'href="/en/glossary/#term-karta-pobytu"' in html


def test_polish_terms_are_linked_in_a_translated_text():
    html = link("<p>Registering an address (meldunek) is free.</p>", text_language="en", reader_language="en")
    assert '<a class="glossary-term" href="/en/glossary/#term-meldunek">Registering an address</a>' in html
    assert html.count('class="glossary-term"') == 1


def test_untranslated_explanation_is_shown_in_polish_and_marked(make_term):
    make_term("bilet metropolitalny", explanation="Jeden bilet na tramwaj i kolej.", slug="bilet")
    html = link("<p>Kup bilet metropolitalny.</p>", reader_language="uk")
    assert '<p lang="pl">Jeden bilet na tramwaj i kolej.</p>' in html
    assert 'href="/uk/glossary/#term-bilet"' in html


def test_a_term_saved_by_an_official_is_linked_at_once(make_term):
    assert "glossary-term" not in link("<p>Weź bilet metropolitalny.</p>")
    make_term("bilet metropolitalny", forms="biletu metropolitalnego", slug="bilet")
    assert '#term-bilet">bilet metropolitalny</a>' in link("<p>Weź bilet metropolitalny.</p>")


def test_a_deleted_term_is_no_longer_linked(make_term):
    term = make_term("bilet metropolitalny", slug="bilet")
    assert "glossary-term" in link("<p>bilet metropolitalny</p>")
    term.delete()
    assert "glossary-term" not in link("<p>bilet metropolitalny</p>")


def test_longer_form_wins_over_a_shorter_one_at_the_same_place(make_term):
    make_term("Urząd", slug="urzad")
    html = link("<p>Urząd Wojewódzki</p>")
    assert '#term-urzad-wojewodzki">Urząd Wojewódzki</a>' in html


def test_linking_asks_the_database_nothing_once_the_glossary_is_cached(django_assert_num_queries):
    link("<p>PESEL</p>", reader_language="uk")
    with django_assert_num_queries(0):
        link("<p>PESEL</p>", reader_language="uk")


def test_template_tag_links_a_term_once_across_the_texts_of_a_page():
    template = Template("{% load glossary %}{% glossary_terms first %}{% glossary_terms second %}")
    html = template.render(Context({"first": mark_safe("<p>PESEL</p>"), "second": mark_safe("<p>PESEL znowu</p>")}))
    assert html.count('class="glossary-term"') == 1
    assert "<p>PESEL znowu</p>" in html


def test_filter_links_terms_in_one_text():
    html = Template("{% load glossary %}{{ text|glossary:'pl' }}").render(Context({"text": mark_safe("<p>MOPR</p>")}))
    assert html.startswith('<p><a class="glossary-term"')


def test_filter_escapes_text_that_is_not_marked_safe():
    html = Template("{% load glossary %}{{ text|glossary:'pl' }}").render(Context({"text": "<b>MOPR</b>"}))
    assert html.startswith('&lt;b&gt;<a class="glossary-term"')
