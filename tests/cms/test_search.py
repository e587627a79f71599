"""Site search: everything public, grouped by kind, forgiving of inflection,
with the matched words marked, on SQLite and on PostgreSQL."""

import pytest
from django.db import connection

from cms import search as engine
from consultations.models import Comment
from tests.consultations.factories import make_comment, make_consultation, make_proposal
from tests.council.factories import build_council, build_meeting, submitted_motion
from tests.events.factories import make_event
from tests.plainlanguage.factories import glossary_term

# Search reads Wagtail's search index, kept for these tests (tests/database.py).
pytestmark = [pytest.mark.django_db, pytest.mark.wagtail_indexes]


def groups(response):
    return {group.kind: group for group in response.context["results"]["groups"]}


def titles(response, kind):
    return [str(hit.title) for hit in groups(response)[kind].hits]


def test_a_word_is_cut_to_the_stem_its_forms_share():
    assert engine.stem("субота") == "субо"
    assert engine.stem("konsultacjami") == "konsultacj"
    assert engine.stem("PESEL".casefold()) == "pese"
    assert engine.stem("nfz") == "nfz"


def test_query_words_are_letters_and_digits_only():
    assert engine.words("PESEL:* & | ! 'x' (a) \x00<b>") == ["pesel", "x", "a", "b"]


def test_a_saturday_finds_the_comment_that_says_on_saturday(client):
    consultation = make_consultation()
    make_comment(consultation, text="Курси польської мови у суботу були б зручніші.", language="uk")
    response = client.get("/uk/search/", {"q": "субота"})
    assert "<mark>суботу</mark>" in str(groups(response)["comments"].hits[0].excerpt)


def test_pesel_finds_its_glossary_entry(client):
    glossary_term("PESEL", forms="PESEL-u\nnumer PESEL", explanation="Numer identyfikacyjny osoby w Polsce.")
    response = client.get("/pl/search/", {"q": "PESEL"})
    assert titles(response, "glossary") == ["<mark>PESEL</mark>"]
    assert groups(response)["glossary"].hits[0].url == "/pl/glossary/#term-pesel"


def test_glossary_terms_are_found_in_the_readers_language_only(client):
    polish = glossary_term("karta pobytu", explanation="Plastikowa karta ze zdjęciem.")
    glossary_term("посвідка на проживання", explanation="Пластикова картка з фото.", language="uk", of=polish)
    assert "glossary" not in groups(client.get("/uk/search/", {"q": "karta"}))
    assert "glossary" in groups(client.get("/uk/search/", {"q": "посвідки"}))


def test_results_are_grouped_by_kind_with_counts(client):
    consultation = make_consultation(title="Lekcje polskiego w soboty", allow_proposals=True)
    make_comment(consultation, text="Lekcje wieczorem byłyby lepsze.")
    make_comment(consultation, text="Lekcje online też.")
    make_proposal(consultation, title="Lekcje dla dzieci", text="Także w szkołach.")
    found = groups(client.get("/pl/search/", {"q": "lekcje"}))
    assert found["consultations"].count == 1
    assert found["comments"].count == 2
    assert found["proposals"].count == 1
    assert "pages" not in found


def test_a_group_shows_its_first_results_and_links_to_the_rest(client):
    consultation = make_consultation()
    for number in range(12):  # ten a page when one kind is paged through
        make_comment(consultation, text=f"Tramwaj numer {number} jeździ za rzadko.")
    response = client.get("/pl/search/", {"q": "tramwaj"})
    assert len(groups(response)["comments"].hits) == 5
    assert "?q=tramwaj&amp;kind=comments" in response.content.decode()
    second = client.get("/pl/search/", {"q": "tramwaj", "kind": "comments", "page": 2})
    assert len(groups(second)["comments"].hits) == 2


def test_hidden_and_deleted_comments_are_never_found(client):
    consultation = make_consultation()
    make_comment(consultation, text="Obraźliwy komentarz o sąsiadach.", state=Comment.State.HIDDEN)
    make_comment(consultation, text="", state=Comment.State.DELETED)
    assert "comments" not in groups(client.get("/pl/search/", {"q": "sąsiadach"}))


def test_nothing_of_a_draft_or_a_restricted_consultation_is_found(client):
    draft = make_consultation(title="Tajny plan parkingów", publish=False)
    make_comment(draft, text="Parkingi przy szkołach.")
    make_proposal(draft, title="Parkingi", text="Więcej parkingów.")
    make_event(draft, title="Spotkanie o parkingach")
    response = client.get("/pl/search/", {"q": "parking"})
    assert response.context["results"]["groups"] == []


def test_a_hidden_proposal_is_not_found(client):
    consultation = make_consultation(allow_proposals=True)
    make_proposal(consultation, title="Ukryta propozycja rowerów", is_hidden=True)
    assert "proposals" not in groups(client.get("/pl/search/", {"q": "rowerów"}))


def test_events_of_public_consultations_are_found(client):
    make_event(make_consultation(), title="Warsztaty o mieszkaniach")
    response = client.get("/en/search/", {"q": "warsztaty"})
    assert titles(response, "events") == ["<mark>Warsztaty</mark> o mieszkaniach"]


def test_council_motions_are_found_but_not_drafts(client):
    council = build_council(members=2)
    submitted_motion(council, title="Tłumacze w przychodniach")
    from council import services

    services.motion_draft(
        term=council.term, submitter=council.people["m1"], title="Tłumacze w urzędach", text="Szkic.", language="pl"
    )
    response = client.get("/en/search/", {"q": "tłumacze"})
    assert titles(response, "motions") == ["<mark>Tłumacze</mark> w przychodniach"]


def test_a_resolution_is_found_with_its_number(client):
    from tests.council.factories import council_record

    council_record()
    hits = groups(client.get("/en/search/", {"q": "łącznicy"}))["resolutions"].hits
    assert [str(hit.title) for hit in hits] == ["<mark>Łącznicy</mark> w szkołach"]
    assert hits[0].detail.startswith("Resolution no.")


def test_a_council_meeting_is_found_by_its_agenda(client):
    from council.models import AgendaItem

    meeting = build_meeting(build_council(members=1), start=False)
    AgendaItem.objects.create(meeting=meeting, sort_order=1, title="Mieszkania komunalne dla cudzoziemców")
    hits = groups(client.get("/en/search/", {"q": "mieszkania"}))["meetings"].hits
    assert [hit.url for hit in hits] == [meeting.get_absolute_url()]
    assert "<mark>Mieszkania</mark> komunalne" in str(hits[0].excerpt)


def translated(record, language, title, text):
    from council.translations import RecordTranslation

    return RecordTranslation.objects.create(
        **{record._meta.model_name: record}, language=language, title=title, text=text
    )


def test_a_motion_is_found_by_its_translation_and_shown_in_the_readers_language(client):
    motion = submitted_motion(build_council(members=1))
    translated(motion, "uk", "Перекладачі в поліклініках", "Рада просить про перекладачів.")
    hits = groups(client.get("/uk/search/", {"q": "перекладачі"}))["motions"].hits
    assert [str(hit.title) for hit in hits] == ["<mark>Перекладачі</mark> в поліклініках"]
    assert hits[0].language == "uk"


def test_a_reader_searching_in_another_language_finds_the_motion_in_their_own(client):
    motion = submitted_motion(build_council(members=1))
    translated(motion, "uk", "Перекладачі в поліклініках", "Рада просить про перекладачів.")
    hits = groups(client.get("/pl/search/", {"q": "перекладачі"}))["motions"].hits
    assert [(str(hit.title), hit.language) for hit in hits] == [("Tłumacze w przychodniach", "pl")]


def test_a_resolution_is_found_by_its_translation(client):
    from council.models import Resolution
    from tests.council.factories import council_record

    council_record()
    resolution = Resolution.objects.get(title="Łącznicy w szkołach")
    translated(resolution, "ru", "Связные в школах", "Совет принимает решение о связных.")
    hits = groups(client.get("/ru/search/", {"q": "связные"}))["resolutions"].hits
    assert [(str(hit.title), hit.language) for hit in hits] == [("<mark>Связные</mark> в школах", "ru")]


def test_a_council_meeting_is_found_by_an_agenda_title_in_the_readers_language(client):
    from council.models import AgendaItem

    meeting = build_meeting(build_council(members=1), start=False)
    AgendaItem.objects.filter(meeting=meeting).update(title_uk="Відкриття")
    AgendaItem.objects.create(
        meeting=meeting, sort_order=1, title="Mieszkania komunalne", title_uk="Комунальне житло для іноземців"
    )
    hits = groups(client.get("/uk/search/", {"q": "житло"}))["meetings"].hits
    assert [hit.url for hit in hits] == [meeting.get_absolute_url()]
    assert "Комунальне <mark>житло</mark>" in str(hits[0].excerpt)
    assert hits[0].language == "uk"


def test_council_search_query_count_does_not_grow_with_results(client, django_assert_max_num_queries):
    council = build_council(members=1)

    def add(number):
        motion = submitted_motion(council, title=f"Rowery miejskie {number}")
        translated(motion, "en", f"City bikes {number}", "More bikes.")
        meeting = build_meeting(council, start=False, motion=motion)
        meeting.agenda_items.update(title_en="Opening")

    add(0)
    client.get("/en/search/", {"q": "rowery"})
    with django_assert_max_num_queries(40) as few:
        client.get("/en/search/", {"q": "rowery"})
    for number in range(1, 6):
        add(number)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/en/search/", {"q": "rowery"})
    assert len(groups(response)["motions"].hits) == 5  # a group's first results
    assert "City bikes" in str(groups(response)["motions"].hits[0].title)


def test_matched_words_are_marked_after_the_text_is_escaped(client):
    consultation = make_consultation()
    make_comment(consultation, text="<script>alert('kurs')</script> kurs & <b>kursy</b>")
    html = client.get("/pl/search/", {"q": "kurs"}).content.decode()
    assert "<script>alert" not in html
    assert "<mark>" in html
    assert "&lt;script&gt;alert(&#x27;<mark>kurs</mark>&#x27;)&lt;/script&gt; <mark>kurs</mark> &amp;" in html
    assert "&lt;b&gt;<mark>kursy</mark>&lt;/b&gt;" in html


def test_a_mark_never_lands_inside_an_entity():
    assert engine.highlight("Tom & Jerry", "amp") == "Tom &amp; Jerry"
    assert engine.highlight("a <mark> b", "mark") == "a &lt;<mark>mark</mark>&gt; b"


@pytest.mark.parametrize(
    "query",
    ["\x00", "a\x00b", "x" * 10_000, "słowo " * 2000, "' OR 1=1 --", "foo:* & !bar | (", "%_%", "\\", "<>&:*!"],
)
def test_hostile_queries_are_answered_without_error(client, query):
    make_comment(make_consultation(), text="Zwykły komentarz.")
    response = client.get("/pl/search/", {"q": query})
    assert response.status_code == 200


def test_an_unknown_kind_shows_every_group(client):
    make_comment(make_consultation(), text="Autobus nocny.")
    response = client.get("/pl/search/", {"q": "autobus", "kind": "secrets"})
    assert response.context["kind"] is None
    assert "comments" in groups(response)


def test_search_query_count_does_not_grow_with_results(client, django_assert_max_num_queries):
    consultation = make_consultation(allow_proposals=True)
    make_comment(consultation, text="Rower miejski.")
    make_proposal(consultation, title="Rowery", text="Stacje rowerów.")
    client.get("/pl/search/", {"q": "rower"})
    make_comment(consultation, text="Tramwaj.")  # a write renews the page's fragments, as those below will
    with django_assert_max_num_queries(40) as few:
        client.get("/pl/search/", {"q": "rower"})
    for number in range(6):
        make_comment(consultation, text=f"Rower {number}.")
        make_proposal(consultation, title=f"Rowery {number}", text="Więcej.")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/pl/search/", {"q": "rower"})


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity needs PostgreSQL (pg_trgm)")
def test_a_small_typo_still_finds_the_glossary_entry_on_postgresql(client):
    glossary_term("karta pobytu", forms="karty pobytu", explanation="Plastikowa karta ze zdjęciem.")
    assert "glossary" in groups(client.get("/pl/search/", {"q": "krata pobytu"}))


def test_nothing_of_a_view_restricted_consultation_is_found(client):
    from wagtail.models import PageViewRestriction

    restricted = make_consultation(title="Plan dla urzędników")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x")
    make_comment(restricted, text="Tajne uwagi o budżecie.")
    assert client.get("/pl/search/", {"q": "budżecie"}).context["results"]["groups"] == []
    assert client.get("/pl/search/", {"q": "urzędników"}).context["results"]["groups"] == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN indexes are made on PostgreSQL only")
def test_comment_search_can_use_its_gin_indexes_on_postgresql():
    # Without the comments' ordering, whose index would compete with the GIN ones for the plan.
    matched = engine.matching(Comment.objects.all(), "субота", ["text"]).values("pk").order_by()
    sql, params = matched.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_comment_text_fts" in plan
    assert "search_comment_text_trgm" in plan


def test_a_page_not_yet_translated_is_found_in_the_readers_tree_marked_in_its_own_language(client):
    from tests.cms import factories as cms_factories

    cms_factories.content_page("prawo-jazdy", title="Prawo jazdy", intro="Jak wymienić prawo jazdy.")
    hits = groups(client.get("/uk/search/", {"q": "prawo jazdy"}))["pages"].hits
    assert [(hit.url, hit.language) for hit in hits] == [("/uk/prawo-jazdy/", "pl")]
    assert "<mark>wymienić</mark>" not in str(hits[0].excerpt)
    assert "<mark>prawo</mark> <mark>jazdy</mark>" in str(hits[0].excerpt)
