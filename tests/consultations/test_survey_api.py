"""A consultation's survey in the API, its downloads and the OpenAPI document; and its translation."""

import csv
import io

import jsonschema_rs
import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cms import services as cms_services
from consultations.survey_api import SURVEY, SURVEY_COUNT
from opendata import openapi
from tests.consultations.factories import translate_consultation
from tests.consultations.survey_factories import EVENING, HOURS, MORNING, TEXT, make_survey_consultation, survey_blocks
from tests.consultations.test_surveys import answer, closed_with_answers

pytestmark = pytest.mark.django_db


def survey_api(consultation, suffix="/", lang=""):
    query = f"?lang={lang}" if lang else ""
    return f"/api/v1/consultations/{consultation.translation_key}/survey{suffix}{query}"


def test_an_open_survey_gives_its_questions_and_options_but_no_counts(client):
    consultation = make_survey_consultation()
    answer(consultation)
    body = client.get(survey_api(consultation)).json()
    assert body["results_published"] is False and body["respondents"] is None
    hours = body["questions"][0]
    assert (hours["id"], hours["kind"], hours["required"]) == (HOURS, "single_choice", True)
    assert [(row["option"], row["label"], row["count"]) for row in hours["counts"]] == [
        (MORNING, "Rano", None),
        (EVENING, "Wieczorem", None),
        ("o-saturday", "W soboty", None),
        ("none", "bez odpowiedzi", None),
    ]
    assert body["questions"][2]["scale"] == {
        "minimum": 1,
        "maximum": 5,
        "minimum_label": "wcale",
        "maximum_label": "bardzo",
    }


def test_a_closed_survey_gives_counts_under_the_small_count_rule(client):
    consultation = closed_with_answers(online=6, paper=2)
    body = client.get(survey_api(consultation)).json()
    assert body["results_published"] is True
    assert body["respondents"] == {"online": "withheld", "paper": "<5", "total": 8}
    counts = {row["option"]: row["count"] for row in body["questions"][0]["counts"]}
    assert counts == {MORNING: 7, EVENING: "<5", "o-saturday": "withheld", "none": 0}


def test_short_text_answers_are_counted_and_never_published(client):
    consultation = closed_with_answers(online=5, paper=0)
    response = client.get(survey_api(consultation))
    assert "Więcej dyżurów" not in response.content.decode()
    text = response.json()["questions"][3]
    assert [(row["option"], row["count"]) for row in text["counts"]] == [("answered", 5), ("none", 0)]
    assert response.json()["text_answers"] == "counted_only"


def test_the_answer_matches_its_schema(client):
    for consultation in (make_survey_consultation(slug="otwarta"), closed_with_answers()):
        jsonschema_rs.validate(SURVEY.schema(), client.get(survey_api(consultation)).json())


def test_the_survey_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    consultation = closed_with_answers(online=8, paper=3)
    client.get(survey_api(consultation))  # warm the site's caches
    with django_assert_max_num_queries(12):
        assert client.get(survey_api(consultation)).status_code == 200


def test_a_consultation_without_a_survey_is_a_json_404(client, open_consultation):
    response = client.get(survey_api(open_consultation))
    assert response.status_code == 404
    assert response.json() == {"error": "No such survey."}


def test_the_csv_has_one_row_per_answer_counted_with_the_records_columns(client):
    consultation = closed_with_answers()
    response = client.get(survey_api(consultation, ".csv"))
    text = response.content.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    assert list(rows[0]) == [header for header, _get in SURVEY_COUNT.columns()]
    assert rows[0]["option"] == MORNING and rows[0]["count"] == "7"
    assert {row["count"] for row in rows} >= {"<5", "withheld"}
    assert len(rows) == 4 + 5 + 6 + 2  # options and "no answer" of each question


def test_the_xlsx_holds_the_same_rows(client):
    consultation = closed_with_answers()
    response = client.get(survey_api(consultation, ".xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert list(rows[0]) == [header for header, _get in SURVEY_COUNT.columns()]
    assert len(rows) == 1 + 17


def test_the_json_download_holds_the_same_rows(client):
    consultation = closed_with_answers()
    rows = client.get(survey_api(consultation, ".json")).json()
    assert len(rows) == 17 and rows[0]["question"] == HOURS


def test_the_openapi_document_describes_the_survey_and_its_files(client):
    document = client.get("/api/v1/openapi.json").json()
    for suffix in ("/", ".csv", ".xlsx", ".json"):
        assert f"/consultations/{{id}}/survey{suffix}" in document["paths"]
    assert {"Survey", "SurveyQuestion", "SurveyCount"} <= set(document["components"]["schemas"])
    assert openapi.document("http://x/")["components"]["schemas"]["SurveyCount"] == SURVEY_COUNT.schema()


# --- translation ---------------------------------------------------------------------


def test_a_translated_pages_survey_asks_in_its_language_and_counts_together(client):
    consultation = make_survey_consultation(slug="centrum")
    cms_services.tree_synchronise()
    ukrainian = translate_consultation(
        consultation,
        "uk",
        title="Інформаційний центр",
        survey=survey_blocks(hours=("Зранку", "Увечері", "У суботу"), question="Коли має працювати центр?"),
    )
    with translation.override("uk"):
        url = reverse("consultations:survey", args=[ukrainian.pk])
    resident = answer(consultation).respondent
    client.force_login(resident)
    html = client.get(url).content.decode()
    assert "Коли має працювати центр?" in html and "Зранку" in html
    assert f'value="{MORNING}" checked' in html  # answered in Polish, shown in Ukrainian
    body = client.get(survey_api(consultation, lang="uk")).json()
    assert body["questions"][0]["text"] == "Коли має працювати центр?"
    assert body["questions"][0]["counts"][0]["label"] == "Зранку"


def test_answers_given_in_two_languages_count_for_the_same_options(client):
    consultation = make_survey_consultation(slug="razem")
    cms_services.tree_synchronise()
    ukrainian = translate_consultation(
        consultation, "uk", survey=survey_blocks(hours=("Зранку", "Увечері", "У суботу"))
    )
    answer(consultation)
    answer(ukrainian, **{TEXT: "Ще"})
    from consultations.survey_models import SurveyResponse

    assert set(SurveyResponse.objects.values_list("consultation_key", flat=True)) == {consultation.translation_key}
