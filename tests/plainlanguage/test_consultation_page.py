"""A consultation page links the glossary terms of its summary and sections."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plainlanguage.glossary import forget_glossary
from tests.consultations.factories import DAY, make_consultation, outcome_page

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def test_consultation_page_links_a_glossary_term_of_its_summary(client, information_centre):
    html = client.get(information_centre.url).content.decode()
    assert '<a class="glossary-term" href="/pl/glossary/#term-meldunek">meldunek</a>' in html
    assert '<details class="glossary-note">' in html


def test_consultation_page_links_each_term_once_across_summary_and_sections(client, information_centre):
    html = client.get(information_centre.url).content.decode()
    targets = re.findall(r'class="glossary-term" href="([^"]+)"', html)
    assert targets
    assert len(targets) == len(set(targets))
    assert html.count('class="glossary-term" href="/pl/glossary/#term-pomoc-spoleczna"') == 1


def test_ukrainian_consultation_links_ukrainian_forms_to_the_ukrainian_glossary(client, information_centre, locales):
    ukrainian = information_centre.get_translation(locales["uk"])
    html = client.get(ukrainian.url).content.decode()
    assert '<a class="glossary-term" href="/uk/glossary/#term-meldunek">реєстрація місця проживання</a>' in html
    assert "Запис адреси, де ви живете" in html


def test_section_titles_are_not_linked(client, information_centre):
    html = client.get(information_centre.url).content.decode()
    for title in html.split('<h2 id="section-title-')[1:]:
        assert "glossary-term" not in title.split("</h2>")[0]


def test_consultation_page_with_a_cold_glossary_cache_takes_one_more_query(
    client, information_centre, django_assert_max_num_queries
):
    client.get(information_centre.url)
    with CaptureQueriesContext(connection) as warm:
        client.get(information_centre.url)
    forget_glossary()
    with django_assert_max_num_queries(len(warm) + 1):
        response = client.get(information_centre.url)
    assert 'class="glossary-term"' in response.content.decode()
    assert not [q for q in warm.captured_queries if "plainlanguage_glossaryterm" in q["sql"]]


def test_an_outcome_links_the_glossary_terms_of_what_we_heard_and_what_we_changed(client, glossary):
    outcome = outcome_page(make_consultation(opens_at=NOW - 20 * DAY, closes_at=NOW - DAY))
    outcome.summary = "<p>Pytano, jak długo czeka się na kartę pobytu i czy karty pobytu są drogie.</p>"
    outcome.changes = "<p>Do zapisu nie będzie potrzebny numer PESEL.</p>"
    outcome.save_revision().publish()
    forget_glossary()
    html = client.get(outcome.url).content.decode()
    assert html.count('class="glossary-term" href="/pl/glossary/#term-karta-pobytu">kartę pobytu</a>') == 1
    assert html.count('class="glossary-term" href="/pl/glossary/#term-') == 2
    assert 'href="/pl/glossary/#term-pesel">numer PESEL</a>' in html
