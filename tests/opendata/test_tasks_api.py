"""The Model's tasks in the API: the list and one task, their filters and
languages, and downloads and an OpenAPI schema made from the same fields."""

import csv
import io
import json

import openpyxl
import pytest

from cms import api as cms_api
from opendata import openapi

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

LIST = "/api/v1/model/tasks/"


def results(client, **params):
    return client.get(LIST, params).json()["results"]


def test_the_list_gives_every_task_being_done_first(client):
    assert [task["slug"] for task in results(client)] == ["centrum", "rzecznik", "pakiet"]


def test_a_task_says_its_areas_lead_partners_dates_and_links(client, public_site):
    centre = results(client, status="in_progress")[0]
    assert sorted(centre["areas"]) == ["local-communities", "social-welfare"]
    assert centre["lead"] == {"slug": "mopr", "name": "Miejski Ośrodek Pomocy Rodzinie", "kind": "city_unit"}
    assert centre["partners"] == ["Fundacja Emigrantka"]
    assert centre["starts_on"] == "2025-03-01"
    assert centre["ended_on"] is None
    assert centre["consultations"] == [str(public_site.consultations["info-point"].translation_key)]
    assert centre["resolutions"] == [public_site.council.motions["interpreters"].resolution.pk]
    assert len(centre["indicators"]) == 1
    assert (centre["note_count"], centre["latest_note_on"]) == (2, "2026-03-02")
    assert centre["url"] == "http://testserver/pl/model/tasks/centrum/"


def test_a_task_across_all_areas_has_no_area(client):
    assert results(client, status="planned")[0]["areas"] == []


def test_the_list_filters_by_area_status_and_lead(client):
    assert [t["slug"] for t in results(client, area="education")] == ["pakiet"]
    assert [t["slug"] for t in results(client, lead="fundacja")] == ["rzecznik"]
    assert [t["slug"] for t in results(client, status="done")] == ["pakiet"]
    assert results(client, lead="nobody") == []


def test_texts_come_in_the_language_asked_for_or_in_polish_and_say_which(client):
    english = {t["slug"]: t for t in results(client, lang="en")}
    assert (english["pakiet"]["title"], english["pakiet"]["language"]) == ("Start package", "en")
    ukrainian = {t["slug"]: t for t in results(client, lang="uk")}
    assert (ukrainian["pakiet"]["title"], ukrainian["pakiet"]["language"]) == ("Pakiet startowy", "pl")
    assert (ukrainian["centrum"]["title"], ukrainian["centrum"]["language"]) == ("Центр підтримки іммігрантів", "uk")
    assert ukrainian["rzecznik"]["lead"]["name"] == "Фундація «Емігрантка»"
    assert ukrainian["centrum"]["url"].endswith("/uk/model/tasks/centrum/")


def test_one_task_has_its_notes_newest_first(client, public_site):
    task = client.get(f"{LIST}{public_site.tasks['centre'].pk}/", {"lang": "uk"}).json()
    assert [(n["date"], n["text"], n["language"]) for n in task["notes"]] == [
        ("2026-03-02", "uk: Dyżury w soboty.", "uk"),
        ("2025-05-01", "uk: Otwarto punkt.", "uk"),
    ]


@pytest.mark.parametrize(
    ("url", "status"),
    [(LIST + "?status=finished", 400), (LIST + "?lang=de", 400), (LIST + "999999/", 404)],
)
def test_a_bad_request_is_answered_in_json(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert "error" in response.json()


def test_the_spreadsheet_has_one_column_per_field_of_the_record(client):
    text = client.get("/api/v1/model/tasks.csv", {"lang": "en"}).content.decode("utf-8")[1:]
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert list(rows[0]) == [header for header, _get in cms_api.TASK.columns()]
    assert "lead.name" in rows[0] and "notes" not in rows[0]
    assert [row["slug"] for row in rows] == ["centrum", "rzecznik", "pakiet"]
    assert rows[2]["title"] == "Start package"


def test_the_workbook_holds_the_same_rows_as_the_spreadsheet(client):
    response = client.get("/api/v1/model/tasks.xlsx", {"status": "done"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [header for header, _get in cms_api.TASK.columns()]
    assert len(rows) == 2 and "pakiet" in rows[1]


def test_the_json_download_equals_the_api(client):
    download = json.loads(client.get("/api/v1/model/tasks.json").content)
    assert download == results(client)


def test_the_openapi_schema_has_exactly_the_fields_the_api_gives(client, public_site):
    document = client.get("/api/v1/openapi.json").json()
    schema = document["components"]["schemas"]["ModelTask"]
    assert set(schema["properties"]) == set(results(client)[0])
    detail = document["components"]["schemas"]["ModelTaskDetail"]
    assert set(detail["properties"]) == set(client.get(f"{LIST}{public_site.tasks['centre'].pk}/").json())
    parameters = {p["name"] for p in document["paths"]["/model/tasks/"]["get"]["parameters"]}
    assert {"lang", "area", "status", "lead"} <= parameters
    assert {"/model/tasks.csv", "/model/tasks.xlsx", "/model/tasks.json", "/model/tasks/{id}/"} <= set(
        document["paths"]
    )
    assert ("/model/tasks/", cms_api.tasks, "model") in openapi.LISTINGS


def test_the_task_list_page_links_its_downloads_with_its_filters(client):
    page = client.get("/en/model/tasks/", {"area": "education"}).content.decode()
    assert 'href="/api/v1/model/tasks.csv?lang=en&amp;area=education"' in page
