"""Right of access and portability: a resident downloads everything Rada holds
about them, and nothing about anyone else."""

import json

import pytest
from django.test import Client
from django.utils import timezone

from tests.accounts.everything import council_records, resident_records, someone_with_records
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation
from tests.council.factories import build_council

pytestmark = pytest.mark.django_db

URL = "/en/accounts/data/"


@pytest.fixture
def two_people():
    consultation = make_consultation(allow_proposals=True, slug="dane")
    council = build_council(members=1)
    anna = UserFactory(display_name="Anna Dane", email="anna@example.net")
    bogdan = UserFactory(display_name="Bogdan Inny", email="bogdan@example.net")
    anna_target = someone_with_records(consultation, tag="CEL-A", name="Cel A")
    bogdan_target = someone_with_records(consultation, tag="CEL-B", name="Cel B")
    resident_records(anna, consultation, tag="ANNA", others=anna_target)
    resident_records(bogdan, consultation, tag="BOGDAN", others=bogdan_target)
    council_records(anna, council, tag="ANNA")
    council_records(bogdan, council, tag="BOGDAN")
    return anna, bogdan


def download(user):
    client = Client()
    client.force_login(user)
    response = client.post(URL)
    assert response.status_code == 200
    return response


def test_the_download_is_a_json_attachment_named_after_the_person_and_the_day(two_people):
    anna, _bogdan = two_people
    response = download(anna)
    assert response["Content-Type"] == "application/json"
    expected = f'attachment; filename="rada-{anna.username}-{timezone.localdate():%Y-%m-%d}.json"'
    assert response["Content-Disposition"] == expected
    assert "no-store" in response["Cache-Control"]


def test_a_resident_gets_one_of_everything_they_have(two_people):
    anna, _bogdan = two_people
    data = json.loads(download(anna).content)
    assert data["account"][0]["email"] == "anna@example.net"
    assert data["account"][0]["public_name"] == "Anna Dane"
    expected = {
        "comments": 2,  # a comment and a reply
        "proposals": 1,
        "supports": 1,
        "ratings": 1,
        "reports": 1,
        "follows": 2,  # a consultation and an area
        "pseudonyms": 1,
        "invitation_code_used": 1,
        "registrations": 1,
        "translator": 1,
        "translations": 1,
        "council_seats": 1,
        "motions": 1,
        "motions_sponsored": 1,
        "speaker_requests": 1,
        "attendance": 1,
        "named_votes": 1,
        "council_translations": 1,
        "help_questions": 1,
    }
    assert {key: len(data[key]) for key in expected} == expected
    assert data["registrations"][0]["requests"][0]["kind"] == "interpreter"
    assert data["named_votes"][0]["choice"] == "Yes"
    assert data["ratings"][0]["rating"] == "down"


def test_the_download_holds_nothing_of_anyone_else(two_people):
    anna, bogdan = two_people
    text = download(anna).content.decode()
    for word in ("ANNA", "Anna Dane", anna.username):
        assert word in text
    # Others' words are referred to by their id, never copied: their text and names stay out.
    for word in ("BOGDAN", "Bogdan", bogdan.username, "bogdan@example.net", "Cel A", "Cel B", "CEL-A", "CEL-B"):
        assert word not in text


def test_the_page_says_what_the_file_holds_and_offers_a_button(two_people):
    anna, _bogdan = two_people
    client = Client()
    client.force_login(anna)
    page = client.get(URL).content.decode()
    assert "Your comments and replies: 2" in page
    assert "Your votes in named polls: 1" in page
    assert '<form method="post"' in page and "Download my data" in page
    assert client.get(URL + "?download=1")["Content-Type"] == "application/json"


def test_the_privacy_page_links_to_the_download(two_people):
    client = Client()
    client.force_login(two_people[0])
    assert URL in client.get("/en/accounts/privacy/").content.decode()


def test_a_visitor_is_asked_to_log_in():
    response = Client().get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Client().post(URL).status_code in (302, 403)


def test_the_download_takes_as_many_queries_for_many_records_as_for_few(two_people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts import services
    from consultations.models import Proposal
    from tests.consultations.factories import make_comment, make_proposal

    anna, bogdan = two_people

    def queries():
        with CaptureQueriesContext(connection) as captured:
            services.personal_data_document(user=anna)
        return len(captured)

    few = queries()
    consultation = make_consultation(allow_proposals=True, slug="wiecej")
    for n in range(15):
        make_comment(consultation, author=anna, text=f"Jeszcze {n}")
        make_proposal(consultation, author=anna, title=f"Jeszcze {n}")
        make_proposal(consultation, author=bogdan, title=f"Bogdana {n}").votes.up(anna.pk)
    assert Proposal.objects.filter(author=anna).count() == 16
    assert queries() == few
