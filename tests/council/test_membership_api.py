"""/api/v1/council/candidates/ and /api/v1/council/memberships/: only candidates
who agreed, on published lists; every seat with the vacancy that ended it and
the substitution that began it; rows as the OpenAPI document describes them."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from council import recruitment_services
from council.recruitment import Substitute
from opendata import openapi
from tests.accounts import factories as people

from .factories import apply, make_call

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def changes(council):
    official = people.official()
    call = make_call(council.term, published=True)
    apply(call, people.UserFactory(display_name="Jawna Kandydatka"), language="uk", motivation="Хочу працювати.")
    apply(call, people.UserFactory(display_name="Ukryty Kandydat"), consent_to_publish=False)
    apply(make_call(council.term), people.UserFactory(display_name="Nieopublikowana"))
    substitute = Substitute.objects.create(
        term=council.term, user=people.UserFactory(display_name="Zastępczyni"), rank=1, public=True
    )
    vacancy = recruitment_services.seat_vacate(
        membership=council.seats["m1"],
        vacated_on=TODAY - datetime.timedelta(days=3),
        reason="resigned",
        user=official,
        substitute_from=TODAY,
    )
    return vacancy, substitute


def rows(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.json()["results"]


def schema_of(name):
    return openapi.document("http://testserver/")["components"]["schemas"][name]


def test_the_candidates_are_only_those_who_agreed_on_published_lists(client, changes):
    found = rows(client, "/api/v1/council/candidates/")
    assert [row["name"] for row in found] == ["Jawna Kandydatka"]
    assert (found[0]["language"], found[0]["motivation"], found[0]["status"]) == ("uk", "Хочу працювати.", "submitted")
    assert set(found[0]) == set(schema_of("Candidate")["properties"])


def test_the_memberships_show_the_vacancy_and_the_substitution(client, council, changes):
    vacancy, substitute = changes
    found = {row["name"]: row for row in rows(client, "/api/v1/council/memberships/", term=council.term.number)}
    left, came = found["Member 1"], found["Zastępczyni"]
    assert left["ends_on"] == (TODAY - datetime.timedelta(days=4)).isoformat()
    assert left["vacancy"] == {
        "vacated_on": (TODAY - datetime.timedelta(days=3)).isoformat(),
        "reason": "resigned",
        "successor": came["id"],
    }
    assert came["substitution"] == {"rank": 1, "replaces": left["id"]}
    assert found["Member 2"]["vacancy"] is None and found["Member 2"]["substitution"] is None
    schema = schema_of("Membership")
    assert set(left) == set(schema["properties"])
    assert set(left["vacancy"]) == set(schema["properties"]["vacancy"]["properties"])
    assert set(came["substitution"]) == set(schema["properties"]["substitution"]["properties"])


def test_the_memberships_list_takes_few_queries_however_many_seats(
    client, council, changes, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        assert len(rows(client, "/api/v1/council/memberships/")) == 8


def test_the_memberships_download_has_the_vacancy_columns(client, changes):
    response = client.get("/api/v1/council/memberships.csv")
    assert response.status_code == 200
    table = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    left = next(row for row in table if row["name"] == "Member 1")
    assert left["vacancy.reason"] == "resigned"


def test_a_bad_filter_is_a_clear_client_error(client, changes):
    response = client.get("/api/v1/council/candidates/", {"term": "²"})
    assert response.status_code == 400


def test_the_document_lists_the_new_listings():
    paths = openapi.document("http://testserver/")["paths"]
    assert {"/council/candidates/", "/council/memberships/", "/council/memberships.csv"} <= set(paths)


def test_the_open_data_page_offers_the_new_downloads(client):
    page = client.get("/en/open-data/")
    assert page.status_code == 200
    assert "/api/v1/council/memberships.csv" in page.text and "/api/v1/council/candidates.csv" in page.text
