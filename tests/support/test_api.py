"""The directory and the frequently asked questions in the read-only API, described
in the OpenAPI document; questions and reports never are."""

import pytest

from support import services
from support.models import FrequentQuestion
from tests.accounts import factories as people
from tests.support.factories import hours, question, report, service

pytestmark = pytest.mark.django_db


def test_the_directory_is_listed_in_the_readers_language_with_structured_hours(client):
    original = service("Centrum Wsparcia", languages="pl uk", hours=[hours(days=["0", "1"], opens="09:00")])
    service("Центр підтримки", language="uk", of=original)

    data = client.get("/api/v1/help/services/", {"lang": "uk"}).json()

    assert data["count"] == 1
    row = data["results"][0]
    assert (row["name"], row["language"], row["languages_spoken"]) == ("Центр підтримки", "uk", ["pl", "uk"])
    assert row["hours"] == [{"days": [0, 1], "opens": "09:00", "closes": "16:00"}]
    assert row["id"] == str(original.translation_key)


def test_the_directory_is_filtered_by_area_and_language_spoken(client):
    service("Szkoła", area="education", languages="pl uk")
    service("Urząd pracy", area="work", languages="pl en")
    assert [row["name"] for row in client.get("/api/v1/help/services/", {"area": "work"}).json()["results"]] == [
        "Urząd pracy"
    ]
    assert [row["name"] for row in client.get("/api/v1/help/services/", {"spoken": "uk"}).json()["results"]] == [
        "Szkoła"
    ]
    assert client.get("/api/v1/help/services/", {"area": "nowhere"}).status_code == 400


def test_the_directory_downloads_as_a_spreadsheet(client):
    service("Centrum", hours=[hours()])
    body = client.get("/api/v1/help/services.csv").content.decode("utf-8-sig")
    assert "0,1,2,3,4 08:00-16:00" in body


def test_published_questions_are_listed_and_nothing_else(client):
    asked = question("Gdzie dostanę PESEL? Mam na imię Anna.", may_publish=True)
    services.question_answer(
        question=asked,
        official=people.official(),
        answer="Anno, w urzędzie.",
        publish=True,
        faq_question="Gdzie dostanę PESEL?",
        faq_answer="W urzędzie gminy.",
    )
    question("Pytanie bez zgody na publikację")
    report(what_happened="Treść zgłoszenia")

    data = client.get("/api/v1/help/faqs/", {"lang": "pl"}).json()

    assert [row["question"] for row in data["results"]] == ["Gdzie dostanę PESEL?"]
    assert FrequentQuestion.objects.count() == 1
    for path in ("/api/v1/help/services/", "/api/v1/help/faqs/", "/api/v1/help/faqs.json"):
        body = client.get(path).content.decode()
        for secret in ("Anna", "bez zgody", "Treść zgłoszenia"):
            assert secret not in body


def test_the_openapi_document_describes_services_and_faqs_and_no_reports(client):
    document = client.get("/api/v1/openapi.json").json()
    assert "/help/services/" in document["paths"]
    assert "/help/faqs.csv" in document["paths"]
    assert {"Service", "FrequentQuestion"} <= set(document["components"]["schemas"])
    assert not any("report" in path or "question" in path.replace("faqs", "") for path in document["paths"])
