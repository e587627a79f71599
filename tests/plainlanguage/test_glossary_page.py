"""The public glossary of city terms, /<lang>/glossary/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plainlanguage.glossary import alphabetical_key

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("glossary")]

EXPECTED = {
    "pl": ("karta pobytu", "Plastikowa karta ze zdjęciem."),
    "en": ("residence card", "A plastic card with your photo."),
    "uk": ("карта побиту", "Пластикова картка з фотографією."),
    "ru": ("карта побыту", "Пластиковая карта с фотографией."),
}


@pytest.mark.parametrize("lang", ["pl", "en", "uk", "ru"])
def test_glossary_page_shows_the_terms_in_the_readers_language(client, lang):
    response = client.get(f"/{lang}/glossary/")
    assert response.status_code == 200
    html = response.content.decode()
    term, explanation = EXPECTED[lang]
    assert f'<html lang="{lang}"' in html
    assert term in html
    assert explanation in html


def test_glossary_page_has_an_anchor_for_each_term(client):
    html = client.get("/en/glossary/").content.decode()
    for slug in ("karta-pobytu", "meldunek", "pesel", "mopr", "urzad-wojewodzki", "nfz"):
        assert f'id="term-{slug}"' in html


def test_translated_term_names_its_polish_original(client):
    html = client.get("/en/glossary/").content.decode()
    assert '<span lang="pl">karta pobytu</span>' in html


def test_untranslated_term_is_shown_from_polish_and_marked_as_polish(client, make_term):
    make_term("kupon rabatowy", explanation="Tylko po polsku.", slug="kupon-rabatowy")
    html = client.get("/uk/glossary/").content.decode()
    entry = html[html.index('id="term-kupon-rabatowy"') :]
    assert '<dt lang="pl"><dfn>kupon rabatowy</dfn>' in entry
    assert '<p lang="pl">Tylko po polsku.</p>' in entry


def test_glossary_page_lists_terms_in_alphabetical_order(client):
    html = client.get("/pl/glossary/").content.decode()
    positions = [html.index(f'id="term-{slug}"') for slug in ("karta-pobytu", "meldunek", "pesel", "zus")]
    assert positions == sorted(positions)


def test_polish_letters_sort_after_their_base_letter():
    words = ["żaba", "łąka", "zebra", "lis", "źle", "mama", "ćma", "cel"]
    assert sorted(words, key=lambda word: alphabetical_key(word, "pl")) == [
        "cel",
        "ćma",
        "lis",
        "łąka",
        "mama",
        "zebra",
        "źle",
        "żaba",
    ]


def test_ukrainian_letters_sort_in_ukrainian_order():
    words = ["їжак", "іній", "ґанок", "гора", "єнот", "ехо", "жито"]
    assert sorted(words, key=lambda word: alphabetical_key(word, "uk")) == [
        "гора",
        "ґанок",
        "ехо",
        "єнот",
        "жито",
        "іній",
        "їжак",
    ]


def test_glossary_page_links_official_sources(client):
    html = client.get("/pl/glossary/").content.decode()
    assert 'href="https://www.nfz.gov.pl/" rel="external"' in html


def test_glossary_page_takes_one_query_beyond_the_page_frame_however_many_terms(
    client, make_term, django_assert_max_num_queries
):
    client.get("/uk/glossary/")  # warms the session, the site and the glossary cache
    with CaptureQueriesContext(connection) as frame_only:
        client.get("/uk/glossary/")
    for number in range(30):
        make_term(f"termin {number}", slug=f"termin-{number}")  # each save empties the glossary cache
    with django_assert_max_num_queries(len(frame_only) + 1):
        response = client.get("/uk/glossary/")
    assert "termin 29" in response.content.decode()
