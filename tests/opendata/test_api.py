"""What every endpoint of /api/v1/ shares: filters, errors, caching, CORS,
and downloads that hold exactly what the API holds.  The tests read a public
record built once for the module (``public_site``, see
``tests/opendata/factories.py``): consultations in four languages in every
state, comments, proposals and an outcome, two closed council meetings with
named and secret polls and resolutions."""

import csv
import datetime
import io
import json
import zoneinfo

import pytest

from consultations import services as consultation_services
from council.models import Ballot, Poll
from tests.accounts.factories import UserFactory, moderator
from tests.consultations.conftest import DAY, NOW
from tests.consultations.factories import make_consultation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

LISTINGS = [
    "/api/v1/consultations/",
    "/api/v1/outcomes/",
    "/api/v1/council/meetings/",
    "/api/v1/council/polls/",
    "/api/v1/council/votes/",
    "/api/v1/council/motions/",
    "/api/v1/council/resolutions/",
    "/api/v1/model/tasks/",
]


def every_result(client, url, **params):
    results, page = [], client.get(url, {**params, "page_size": 3}).json()
    while True:
        results += page["results"]
        if not page["next"]:
            return results
        page = client.get(page["next"]).json()


def flattened(row, header):
    value = row
    for step in header.split("."):
        value = value.get(step) if isinstance(value, dict) else None
    return value


def warsaw(iso):
    """An API time as a spreadsheet cell shows it: Warsaw time, no offset."""
    moment = datetime.datetime.fromisoformat(iso).astimezone(zoneinfo.ZoneInfo("Europe/Warsaw"))
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


# --- discovery ---------------------------------------------------------------


def test_the_entry_point_links_every_listing_and_the_documents(client):
    body = client.get("/api/v1/").json()
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"
    assert set(body["listings"]) == {
        "consultations",
        "outcomes",
        "meetings",
        "polls",
        "votes",
        "motions",
        "resolutions",
        "candidates",
        "memberships",
        "tasks",
        "services",
        "faqs",
    }
    for url in body["listings"].values():
        assert client.get(url).status_code == 200


def test_an_unknown_address_under_the_api_is_a_json_404(client):
    response = client.get("/api/v1/nothing/here/")
    assert response.status_code == 404
    assert "see /api/v1/" in response.json()["error"]


def test_the_reference_page_describes_every_operation_in_each_language(client):
    document = client.get("/api/v1/openapi.json").json()
    for language in ("pl", "en", "uk", "ru"):
        html = client.get(f"/{language}/open-data/api/").content.decode()
        for path in document["paths"]:
            assert f"GET {path}</code>" in html


def test_the_open_data_page_links_each_download(client):
    html = client.get("/en/open-data/").content.decode()
    for url in LISTINGS:
        stem = url.rstrip("/")
        assert f'href="{stem}.csv"' in html and f'href="{stem}.json"' in html


# --- errors ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v1/consultations/?status=sleeping", "status must be one of: upcoming, open, closed, outcome_published."),
        ("/api/v1/consultations/?since=yesterday", "since must be a date written as YYYY-MM-DD."),
        ("/api/v1/council/meetings/?term=III", "term must be a whole number."),
        ("/api/v1/council/polls/?page_size=1000", "page_size must be a whole number from 1 to 200."),
        (
            "/api/v1/council/motions.csv?area=space",
            "area must be one of: education, local-communities, culture, "
            "violence-discrimination, health, work, social-welfare, housing.",
        ),
    ],
)
def test_a_bad_parameter_is_a_400_that_says_what_is_allowed(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json() == {"error": message}


def test_writing_is_refused_with_the_methods_that_are_allowed(client):
    response = client.delete("/api/v1/council/meetings/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "only reads" in response.json()["error"]


# --- filters -----------------------------------------------------------------


def test_consultations_filter_by_status_and_area(client):
    for row in every_result(client, "/api/v1/consultations/", status="open"):
        assert row["status"] == "open"
    housing = every_result(client, "/api/v1/consultations/", area="housing")
    assert housing and all("housing" in row["areas"] for row in housing)


def test_date_ranges_include_both_days(client):
    meetings = every_result(client, "/api/v1/council/meetings/")
    day = meetings[-1]["starts_at"][:10]
    same_day = every_result(client, "/api/v1/council/meetings/", since=day, until=day)
    assert meetings[-1]["id"] in [row["id"] for row in same_day]
    assert all(row["starts_at"][:10] == day for row in same_day)


def test_comments_filter_by_the_language_they_were_written_in(client, db):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, slug="api-languages")
    author = UserFactory()
    for text, language in (("Добрий день", "uk"), ("Dzień dobry", "pl"), ("Здравствуйте", "ru")):
        consultation_services.comment_post(consultation=consultation, author=author, text=text, language=language)
    url = f"/api/v1/consultations/{consultation.translation_key}/comments/"
    assert [row["text"] for row in every_result(client, url, language="uk")] == ["Добрий день"]


# --- caching and CORS --------------------------------------------------------


def test_an_unchanged_answer_is_a_304_by_etag_or_by_date(client):
    first = client.get("/api/v1/council/resolutions/")
    assert first["ETag"] and first["Last-Modified"]
    assert client.get("/api/v1/council/resolutions/", headers={"if-none-match": first["ETag"]}).status_code == 304
    since = client.get("/api/v1/council/resolutions/", headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304


def test_a_change_gives_a_new_etag(client, db):
    before = client.get("/api/v1/consultations/?status=open")["ETag"]
    make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, slug="api-etag")
    after = client.get("/api/v1/consultations/?status=open")
    assert after.status_code == 200 and after["ETag"] != before
    assert client.get("/api/v1/consultations/?status=open", headers={"if-none-match": before}).status_code == 200


def test_any_website_may_read(client):
    response = client.get("/api/v1/council/meetings/", headers={"origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v1/council/meetings/", headers={"origin": "https://example.org"})
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


# --- downloads equal the API -------------------------------------------------


@pytest.mark.parametrize("url", LISTINGS)
def test_the_json_download_holds_every_item_the_pages_hold(client, url):
    download = client.get(url.rstrip("/") + ".json")
    assert download["Content-Disposition"].startswith('attachment; filename="rada-')
    assert json.loads(download.content) == every_result(client, url)


@pytest.mark.parametrize("url", LISTINGS)
def test_the_spreadsheet_holds_every_item_the_pages_hold(client, url):
    rows = read_csv(client.get(url.rstrip("/") + ".csv"))
    results = every_result(client, url)
    assert len(rows) == len(results)
    for row, result in zip(rows, results, strict=True):
        for header, cell in row.items():
            value = flattened(result, header)
            if header == "counts" or isinstance(value, list | bool) or value is None:
                continue
            if isinstance(value, str) and value[:4].isdigit() and "T" in value:
                assert cell == warsaw(value)
            else:
                assert cell.lstrip("'") == str(value)


def test_a_consultations_comments_download_as_a_spreadsheet(client, db):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, slug="api-csv")
    consultation_services.comment_post(
        consultation=consultation, author=UserFactory(), text='=HYPERLINK("x"); «лапки»', language="uk"
    )
    response = client.get(f"/api/v1/consultations/{consultation.translation_key}/comments.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    [row] = read_csv(response)
    assert row["text"] == '\'=HYPERLINK("x"); «лапки»'  # shown as text, never run as a formula
    assert row["language"] == "uk"


def test_spreadsheet_times_are_warsaw_time_without_an_offset(client):
    [row] = read_csv(client.get("/api/v1/council/meetings.csv?page_size=1"))[:1]
    meeting = client.get(f"/api/v1/council/meetings/{row['id']}/").json()
    assert meeting["starts_at"].endswith("+00:00")  # the API answers in UTC
    assert row["starts_at"] == warsaw(meeting["starts_at"])


# --- nothing private ----------------------------------------------------------


def _everything(client):
    urls = [*LISTINGS, *(u.rstrip("/") + ".csv" for u in LISTINGS), "/api/v1/openapi.json"]
    for consultation in every_result(client, "/api/v1/consultations/"):
        for nested in ("comments", "proposals"):
            urls += [f"{consultation['api_url']}{nested}/", f"{consultation['api_url']}{nested}.csv"]
    for meeting in every_result(client, "/api/v1/council/meetings/"):
        urls.append(meeting["api_url"])
    for poll in every_result(client, "/api/v1/council/polls/"):
        urls.append(poll["api_url"])
    return {url: client.get(url, {"page_size": 200}).content.decode() for url in urls}


def test_no_email_address_hidden_comment_or_secret_ballot_is_ever_published(client, db):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, slug="api-private")
    hidden = consultation_services.comment_post(
        consultation=consultation, author=UserFactory(), text="SEKRETNY KOMENTARZ", language="pl"
    )
    consultation_services.comment_hide(comment=hidden, moderator=moderator(), reason="Dane osobowe")
    secret_voters = set(
        Ballot.objects.filter(poll__kind=Poll.Kind.SECRET).values_list("member__user__display_name", flat=True)
    )
    assert secret_voters, "the record has secret polls"
    pages = _everything(client)
    for url, body in pages.items():
        assert "SEKRETNY KOMENTARZ" not in body and "Dane osobowe" not in body, url
        assert "@example" not in body and "@rada" not in body, url
    secret_polls = set(Poll.objects.filter(kind=Poll.Kind.SECRET).values_list("pk", flat=True))
    assert not [v for v in every_result(client, "/api/v1/council/votes/") if v["poll"] in secret_polls]


# --- speed -------------------------------------------------------------------


@pytest.mark.parametrize("url", LISTINGS)
def test_a_page_costs_a_fixed_number_of_queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        client.get(url, {"page_size": 200})


# --- downloads from the pages --------------------------------------------------


def test_list_pages_link_their_downloads(client):
    from council.models import Meeting

    expected = {
        "/en/council/meetings/": "/api/v1/council/meetings.csv",
        "/en/council/motions/": "/api/v1/council/motions.csv",
        "/en/council/resolutions/": "/api/v1/council/resolutions.csv",
    }
    closed = Meeting.objects.filter(status=Meeting.Status.CLOSED).first()
    expected[f"/en/council/meetings/{closed.pk}/"] = f"/api/v1/council/polls.csv?meeting={closed.pk}"
    for page, download in expected.items():
        html = client.get(page).content.decode()
        assert f'href="{download}"' in html, page
        assert client.get(download.replace("&amp;", "&")).status_code == 200


def test_a_consultation_page_links_its_comments_and_proposals_in_the_readers_language(client):
    consultation = next(
        row for row in every_result(client, "/api/v1/consultations/", lang="uk") if row["allow_proposals"]
    )
    html = client.get(consultation["url"]).content.decode()
    for nested in ("comments", "proposals"):
        link = f"/api/v1/consultations/{consultation['id']}/{nested}.csv?lang=uk"
        if f"{nested}.csv" in html:
            assert f'href="{link}"' in html
            assert client.get(link).status_code == 200
    assert "comments.csv" in html or "proposals.csv" in html


def test_the_footer_links_open_data_and_statistics_in_every_language(client):
    for language in ("pl", "en", "uk", "ru"):
        html = client.get(f"/{language}/council/").content.decode()
        assert f'href="/{language}/open-data/"' in html and f'href="/{language}/statistics/"' in html


def test_an_outcome_page_links_the_comments_with_the_citys_answers(client):
    outcome = every_result(client, "/api/v1/outcomes/", lang="en")[0]
    html = client.get(outcome["url"]).content.decode()
    link = f"/api/v1/consultations/{outcome['consultation']}/comments.csv?lang=en"
    assert f'href="{link}"' in html
    rows = read_csv(client.get(link))
    answered = [row for row in rows if row["answer.status"]]
    assert sum(outcome["answers"].values()) >= len(answered) > 0
