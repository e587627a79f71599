import json

import pytest

from cms import services as cms_services
from consultations import services
from consultations.models import Comment
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation, translate_consultation

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussion(open_consultation, resident, other_resident, moderator):
    top = services.comment_post(consultation=open_consultation, author=resident, text="Widoczny", language="uk")
    services.comment_post(
        consultation=open_consultation, author=other_resident, text="Odpowiedź", language="pl", parent=top
    )
    hidden = services.comment_post(
        consultation=open_consultation, author=other_resident, text="UKRYTA TREŚĆ", language="ru"
    )
    services.comment_hide(comment=hidden, moderator=moderator, reason="Spam")
    return top, hidden


def test_list_gives_status_areas_dates_and_counts(client, open_consultation, discussion):
    body = client.get("/api/v1/consultations/").json()
    item = next(row for row in body["results"] if row["id"] == str(open_consultation.translation_key))
    assert item["status"] == "open"
    assert item["areas"] == ["education"]
    assert item["comment_count"] == 2
    assert item["url"].startswith("http://testserver/pl/")
    assert item["opens_at"] == open_consultation.opens_at.isoformat()


def test_list_in_another_language_links_to_that_language(client):
    translated = make_consultation(slug="lekcje")
    make_consultation(slug="zamknieta", opens_at=NOW - 9 * DAY, closes_at=NOW - DAY)
    make_consultation(slug="przyszla", opens_at=NOW + DAY, closes_at=NOW + 9 * DAY)
    make_consultation(slug="szkic", publish=False)
    cms_services.tree_synchronise()  # the others are in Ukrainian as aliases, not yet translated
    translate_consultation(translated, "uk", title="Уроки польської")
    body = client.get("/api/v1/consultations/?lang=uk").json()
    assert body["count"] == 3
    assert all(row["url"].startswith("http://testserver/uk/") for row in body["results"])
    assert "Уроки польської" in [row["title"] for row in body["results"]]


def test_unknown_language_is_a_clear_json_error(client):
    response = client.get("/api/v1/consultations/?lang=xx")
    assert response.status_code == 400
    assert response.json() == {"error": "lang must be one of: pl, en, uk, ru."}


def test_unknown_consultation_is_a_json_404(client):
    for key in ("00000000-0000-0000-0000-000000000000", "not-a-uuid"):
        response = client.get(f"/api/v1/consultations/{key}/")
        assert response.status_code == 404
        assert response.json() == {"error": "No such consultation."}


def test_a_page_beyond_the_last_is_a_json_404(client):
    assert client.get("/api/v1/consultations/?page=99").status_code == 404


def test_comments_come_flat_with_their_parent_rating_and_language(client, open_consultation, discussion):
    body = client.get(f"/api/v1/consultations/{open_consultation.translation_key}/comments/").json()
    top = next(row for row in body["results"] if row["id"] == discussion[0].pk)
    assert (top["language"], top["parent"], top["rating"]) == ("uk", None, {"up": 0, "down": 0})
    reply = next(row for row in body["results"] if row["text"] == "Odpowiedź")
    assert reply["parent"] == top["id"]


def test_hidden_comments_and_email_addresses_never_appear(client, open_consultation, discussion):
    raw = client.get(f"/api/v1/consultations/{open_consultation.translation_key}/comments/").content.decode()
    assert "UKRYTA TREŚĆ" not in raw
    assert "@" not in raw
    assert discussion[1].pk not in [row["id"] for row in json.loads(raw)["results"]]


def test_proposals_with_supports_and_answers(client, resident, other_resident):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, allow_proposals=True, slug="api-p")
    proposal = services.proposal_submit(
        consultation=consultation, author=resident, title="Świetlica", text="Po lekcjach.", language="pl"
    )
    services.proposal_support(proposal=proposal, user=other_resident)
    body = client.get(f"/api/v1/consultations/{consultation.translation_key}/proposals/").json()
    assert body["results"][0]["supports"] == 1
    assert body["results"][0]["answer"] is None
    assert "@" not in str(body)


def test_api_reads_do_not_grow_with_comments(client, open_consultation, django_assert_max_num_queries):
    authors = [UserFactory() for _ in range(3)]
    Comment.objects.bulk_create(
        Comment(consultation_key=open_consultation.translation_key, author=authors[n % 3], text=f"K{n}", language="pl")
        for n in range(120)
    )
    with django_assert_max_num_queries(8):
        client.get(f"/api/v1/consultations/{open_consultation.translation_key}/comments/")


def test_api_is_read_only(client):
    assert client.post("/api/v1/consultations/").status_code == 405
