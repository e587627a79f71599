"""The council's opinion on a city consultation: a motion names the consultation;
once adopted, its resolution shows on the consultation's page, in its API item
and in its outcome, where the city answers it.  Consultations and the council
meet only in ``core.opinions``."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from cms.services import tree_synchronise
from consultations.models import Answer, OutcomeAnswer, OutcomePage
from core import opinions
from core.errors import RuleBroken
from council import services
from council.models import Resolution
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation, outcome_page, translate_consultation
from tests.opendata.test_api import read_csv

from .factories import held_meeting, yes_no

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def consultation(db):
    now = timezone.now()
    return make_consultation(title="Centrum informacji", opens_at=now - 20 * DAY, closes_at=now - DAY)


def motion_on(council, consultation, title="Opinia o centrum informacji"):
    motion = services.motion_draft(
        term=council.term,
        submitter=council.people["m1"],
        title=title,
        text="Rada popiera projekt.",
        language="pl",
        consultation_key=str(consultation.translation_key),
    )
    return services.motion_submit(motion=motion, user=council.people["m1"])


def decided(council, motion, choice):
    held_meeting(
        council,
        day=TODAY - 3 * DAY,
        polls=[yes_no("Czy Rada przyjmuje?", dict.fromkeys(council.people, choice), motion=motion)],
    )


def test_a_motion_names_the_consultation_by_its_key(council, consultation):
    motion = motion_on(council, consultation)
    assert motion.consultation_key == consultation.translation_key


def test_a_motion_cannot_name_something_that_is_no_consultation(council, consultation):
    with pytest.raises(RuleBroken, match="consultations"):
        services.motion_draft(
            term=council.term,
            submitter=council.people["m1"],
            title="Zła",
            text="Tekst.",
            language="pl",
            consultation_key=str(consultation.get_parent().translation_key),
        )


def test_the_motion_form_offers_the_consultations(client, council, consultation):
    client.force_login(council.people["m1"])
    html = client.get(reverse("council:motion_create")).content.decode()
    assert f'value="{consultation.translation_key}"' in html and "Centrum informacji" in html


def test_an_adopted_resolution_is_the_council_opinion_on_the_consultation_page(client, council, consultation):
    decided(council, motion_on(council, consultation), "yes")
    [opinion] = opinions.opinions_of(consultation.translation_key)
    assert opinion.title == "Opinia o centrum informacji"
    html = client.get(consultation.url).content.decode()
    assert "Opinia Rady Imigrantów i Imigrantek" in html  # the Polish page
    assert opinion.url.replace("/en/", "/pl/") in html and opinion.number in html


def test_a_rejected_motion_naming_the_consultation_gives_no_opinion(client, council, consultation):
    decided(council, motion_on(council, consultation), "no")
    assert opinions.opinions_of(consultation.translation_key) == []
    assert "council-opinions" not in client.get(consultation.url).content.decode()


def test_the_consultation_api_item_lists_the_council_opinions(client, council, consultation):
    decided(council, motion_on(council, consultation), "yes")
    item = client.get(f"/api/v1/consultations/{consultation.translation_key}/").json()
    [opinion] = item["council_opinions"]
    assert opinion["title"] == "Opinia o centrum informacji"
    assert opinion["url"].startswith("http://testserver/") and set(opinion) == {"number", "title", "url"}


def test_the_outcome_form_offers_the_opinion_and_the_outcome_shows_the_answer(client, council, consultation):
    decided(council, motion_on(council, consultation), "yes")
    [opinion] = opinions.opinions_of(consultation.translation_key)
    form_class = OutcomePage.get_edit_handler().get_form_class()
    form = form_class(instance=OutcomePage(), parent_page=consultation, for_user=council.chair)
    assert (opinion.key, f"{opinion.number}: {opinion.title}") in form.formsets["answers"].empty_form.fields[
        "opinion"
    ].choices
    outcome = outcome_page(consultation)
    OutcomeAnswer.objects.create(
        page=outcome, opinion=opinion.key, status=Answer.ACCEPTED, justification="Miasto przyjmuje opinię Rady."
    )
    html = client.get(outcome.url).content.decode()
    assert "Miasto przyjmuje opinię Rady." in html and opinion.title in html


# --- the motion's and the resolution's pages name the consultation ------------------------


def page_url(record, language):
    with translation.override(language):
        return record.get_absolute_url()


# The consultation's title as its link shows it (the menu names "Centrum informacji i wsparcia").
TITLE = ">Centrum informacji<"


def opinion_line(html):
    """The line saying which consultation the record gives an opinion on, or None."""
    if 'class="opinion-subject"' not in html:
        return None
    return html.split('class="opinion-subject"', 1)[1].split("</p>", 1)[0]


def test_the_motion_page_links_the_consultation_in_the_readers_language(client, council, consultation):
    tree_synchronise()
    ukrainian = translate_consultation(consultation, "uk", title="Інформаційний центр")
    motion = motion_on(council, consultation)
    line = opinion_line(client.get(page_url(motion, "uk")).content.decode())
    assert "Висновок щодо консультацій:" in line
    assert f'<a href="{ukrainian.url}" lang="uk">Інформаційний центр</a>' in line
    assert ukrainian.url.startswith("/uk/")


def test_the_motion_page_links_an_untranslated_consultation_in_its_own_language(client, council, consultation):
    motion = motion_on(council, consultation)  # the consultation has no page in English, not even an alias
    line = opinion_line(client.get(page_url(motion, "en")).content.decode())
    assert "Opinion on the consultation:" in line
    assert f'<a href="{consultation.url}" lang="pl">Centrum informacji</a>' in line
    assert consultation.url.startswith("/pl/")


def test_the_motion_page_links_an_alias_marking_the_text_in_the_original_language(client, council, consultation):
    tree_synchronise()  # the English tree shows the Polish page as an alias
    motion = motion_on(council, consultation)
    line = opinion_line(client.get(page_url(motion, "en")).content.decode())
    assert f'<a href="/en{consultation.url.removeprefix("/pl")}" lang="pl">Centrum informacji</a>' in line


def test_a_motion_naming_no_consultation_says_nothing_about_one(client, council):
    motion = services.motion_submit(
        motion=services.motion_draft(
            term=council.term, submitter=council.people["m1"], title="Bez opinii", text="Tekst.", language="pl"
        ),
        user=council.people["m1"],
    )
    assert opinion_line(client.get(page_url(motion, "pl")).content.decode()) is None


def test_the_motion_page_names_no_consultation_that_was_unpublished(client, council, consultation):
    tree_synchronise()
    motion = motion_on(council, consultation)
    consultation.unpublish()
    for language in ("pl", "en"):
        html = client.get(page_url(motion, language)).content.decode()
        assert opinion_line(html) is None and TITLE not in html


def test_the_motion_page_never_shows_the_title_of_an_unpublished_draft(client, council, consultation):
    motion = motion_on(council, consultation)
    consultation.title = "Tajny roboczy tytuł"
    consultation.save_revision()  # a draft, not published
    html = client.get(page_url(motion, "pl")).content.decode()
    assert "Tajny roboczy tytuł" not in html
    assert f'<a href="{consultation.url}" lang="pl">Centrum informacji</a>' in opinion_line(html)


def test_the_motion_page_names_no_consultation_restricted_to_some_readers(client, council, consultation):
    motion = motion_on(council, consultation)
    PageViewRestriction.objects.create(page=consultation, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(page_url(motion, "pl")).content.decode()
    assert opinion_line(html) is None and TITLE not in html


def test_the_resolution_page_links_the_consultation_in_the_readers_language(client, council, consultation):
    tree_synchronise()
    russian = translate_consultation(consultation, "ru", title="Информационный центр")
    decided(council, motion_on(council, consultation), "yes")
    resolution = Resolution.objects.get(motion__consultation_key=consultation.translation_key)
    line = opinion_line(client.get(page_url(resolution, "ru")).content.decode())
    assert "Заключение по консультации:" in line
    assert f'<a href="{russian.url}" lang="ru">Информационный центр</a>' in line


def test_the_resolution_page_names_no_consultation_that_was_unpublished(client, council, consultation):
    decided(council, motion_on(council, consultation), "yes")
    resolution = Resolution.objects.get(motion__consultation_key=consultation.translation_key)
    consultation.unpublish()
    html = client.get(page_url(resolution, "pl")).content.decode()
    assert opinion_line(html) is None and TITLE not in html


def test_the_consultations_link_costs_the_motion_page_two_queries_whatever_its_translations(
    client, council, consultation, django_assert_max_num_queries
):
    plain = services.motion_submit(
        motion=services.motion_draft(
            term=council.term, submitter=council.people["m1"], title="Bez opinii", text="Tekst.", language="pl"
        ),
        user=council.people["m1"],
    )
    motion = motion_on(council, consultation)
    tree_synchronise()
    translate_consultation(consultation, "uk", title="Інформаційний центр")
    for n in range(5):
        make_consultation(title=f"Inna konsultacja {n}")
    client.force_login(UserFactory())  # signed in, so that no page comes from the anonymous page cache
    client.get(page_url(plain, "uk"))  # fills the caches every page reads
    with django_assert_max_num_queries(100) as without:
        client.get(page_url(plain, "uk"))
    # The consultation's pages and Wagtail's view restrictions: one query each.
    with django_assert_max_num_queries(len(without.captured_queries) + 2):
        assert "Інформаційний центр" in client.get(page_url(motion, "uk")).content.decode()


# --- the API's motions and resolutions name the consultation ---------------------------------


def api_row(client, listing, record, **params):
    rows = client.get(f"/api/v1/council/{listing}/", params).json()["results"]
    return next(row for row in rows if row["id"] == record.pk)


def adopted_resolution(council, consultation):
    decided(council, motion_on(council, consultation), "yes")
    return Resolution.objects.get(motion__consultation_key=consultation.translation_key)


def test_the_api_motion_names_the_consultation_in_the_language_asked_for(client, council, consultation):
    tree_synchronise()
    ukrainian = translate_consultation(consultation, "uk", title="Інформаційний центр")
    motion = motion_on(council, consultation)
    assert api_row(client, "motions", motion, lang="uk")["opinion_on"] == {
        "key": str(consultation.translation_key),
        "title": "Інформаційний центр",
        "url": f"http://testserver{ukrainian.url}",
        "language": "uk",
    }


def test_the_api_motion_names_an_untranslated_consultation_in_its_own_language(client, council, consultation):
    motion = motion_on(council, consultation)  # no page in English, not even an alias
    opinion_on = api_row(client, "motions", motion, lang="en")["opinion_on"]
    assert (opinion_on["title"], opinion_on["language"]) == ("Centrum informacji", "pl")
    assert opinion_on["url"] == f"http://testserver{consultation.url}"


def test_without_lang_the_api_motion_names_the_consultation_in_the_language_of_its_url(client, council, consultation):
    tree_synchronise()
    translate_consultation(consultation, "uk", title="Інформаційний центр")
    motion = motion_on(council, consultation)
    rows = client.get("/api/v1/council/motions/", headers={"accept-language": "uk"}).json()["results"]
    row = next(row for row in rows if row["id"] == motion.pk)
    assert "/uk/" in row["url"] and row["opinion_on"]["title"] == "Інформаційний центр"


def test_the_api_motion_naming_no_consultation_has_a_null_opinion_on(client, council, consultation):
    motion = services.motion_submit(
        motion=services.motion_draft(
            term=council.term, submitter=council.people["m1"], title="Bez opinii", text="Tekst.", language="pl"
        ),
        user=council.people["m1"],
    )
    assert api_row(client, "motions", motion)["opinion_on"] is None


def test_the_api_motion_names_no_consultation_that_was_unpublished(client, council, consultation):
    motion = motion_on(council, consultation)
    consultation.unpublish()
    assert api_row(client, "motions", motion)["opinion_on"] is None


def test_the_api_resolution_names_the_consultation_in_the_language_asked_for(client, council, consultation):
    tree_synchronise()
    russian = translate_consultation(consultation, "ru", title="Информационный центр")
    resolution = adopted_resolution(council, consultation)
    opinion_on = api_row(client, "resolutions", resolution, lang="ru")["opinion_on"]
    assert opinion_on["key"] == str(consultation.translation_key)
    assert (opinion_on["title"], opinion_on["language"]) == ("Информационный центр", "ru")
    assert opinion_on["url"] == f"http://testserver{russian.url}"


def test_the_api_resolution_names_no_consultation_that_was_unpublished(client, council, consultation):
    resolution = adopted_resolution(council, consultation)
    consultation.unpublish()
    assert api_row(client, "resolutions", resolution)["opinion_on"] is None


def test_the_motions_csv_has_the_consultations_columns(client, council, consultation):
    motion_on(council, consultation)
    [row] = read_csv(client.get("/api/v1/council/motions.csv"))
    assert row["opinion_on.key"] == str(consultation.translation_key)
    assert row["opinion_on.title"] == "Centrum informacji"
    assert row["opinion_on.url"] == f"http://testserver{consultation.url}"
    assert row["opinion_on.language"] == "pl"


def test_the_resolutions_csv_leaves_the_consultations_columns_empty_once_it_is_unpublished(
    client, council, consultation
):
    adopted_resolution(council, consultation)
    consultation.unpublish()
    [row] = read_csv(client.get("/api/v1/council/resolutions.csv"))
    assert [row[f"opinion_on.{key}"] for key in ("key", "title", "url", "language")] == ["", "", "", ""]


@pytest.mark.parametrize("name", ["Motion", "Resolution"])
def test_the_openapi_document_describes_opinion_on_as_a_nullable_object(client, name):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    opinion_on = schemas[name]["properties"]["opinion_on"]
    assert opinion_on["type"] == ["object", "null"]
    assert opinion_on["required"] == ["key", "title", "url", "language"]
    assert "opinion_on" in schemas[name]["required"]


def test_the_api_lists_motions_in_the_same_queries_however_many_name_a_consultation(
    client, council, consultation, django_assert_max_num_queries
):
    tree_synchronise()
    motion_on(council, consultation)
    with django_assert_max_num_queries(100) as one:
        client.get("/api/v1/council/motions/", {"lang": "uk"})
    for n in range(4):
        other = make_consultation(title=f"Konsultacja {n}")
        translate_consultation(other, "uk", title=f"Консультація {n}")
        motion_on(council, other, title=f"Opinia {n}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        rows = client.get("/api/v1/council/motions/", {"lang": "uk"}).json()["results"]
    assert len({row["opinion_on"]["key"] for row in rows}) == 5


def test_the_api_lists_resolutions_in_the_same_queries_however_many_name_a_consultation(
    client, council, consultation, django_assert_max_num_queries
):
    adopted_resolution(council, consultation)
    with django_assert_max_num_queries(100) as one:
        client.get("/api/v1/council/resolutions/")
    motions = [motion_on(council, make_consultation(title=f"Konsultacja {n}"), title=f"Opinia {n}") for n in range(3)]
    held_meeting(
        council,
        day=TODAY - 2 * DAY,
        polls=[
            yes_no(f"Czy Rada przyjmuje {n}?", dict.fromkeys(council.people, "yes"), motion=m)
            for n, m in enumerate(motions)
        ],
    )
    with django_assert_max_num_queries(len(one.captured_queries)):
        rows = client.get("/api/v1/council/resolutions/").json()["results"]
    assert len({row["opinion_on"]["key"] for row in rows}) == 4
