"""The directory of services on /<lang>/help/: in the reader's language, filtered
without JavaScript, with opening hours written in the reader's language."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from support import selectors
from support.models import Service
from tests.support.factories import hours, service

pytestmark = pytest.mark.django_db


def test_a_translated_service_is_shown_in_the_readers_language(client):
    original = service("Miejski Ośrodek Pomocy Rodzinie", helps_with="Zasiłki i pomoc rodzinom.")
    service("Міський центр допомоги сім'ї", language="uk", of=original, helps_with="Допомога сім'ям.")

    page = client.get("/uk/help/").content.decode()

    assert "Міський центр допомоги сім&#x27;ї" in page
    assert "Miejski Ośrodek Pomocy Rodzinie" not in page


def test_an_untranslated_service_is_shown_from_its_original_marked_as_polish(client):
    service("Powiatowy Urząd Pracy", kind=Service.Kind.WORK, area="work")

    page = client.get("/ru/help/").content.decode()

    assert '<div lang="pl">' in page
    assert "Powiatowy Urząd Pracy" in page


def test_opening_hours_are_written_in_the_readers_language(client):
    service(hours=[hours(), hours(days=["3"], opens="08:00", closes="18:00")])

    assert "понеділок – п&#x27;ятниця: 08:00–16:00" in client.get("/uk/help/").content.decode().lower()
    page = client.get("/pl/help/").content.decode()
    assert "poniedziałek – piątek: 08:00–16:00" in page.lower()
    assert "czwartek: 08:00–18:00" in page.lower()


def test_days_that_do_not_follow_each_other_are_listed_one_by_one(client):
    found = service(hours=[hours(days=["0", "2"])])
    with translation.override("en"):
        assert selectors.hours_lines(found) == [("Monday, Wednesday", "08:00–16:00")]


def test_the_directory_is_filtered_by_thematic_area_without_javascript(client):
    service("Szkoła Podstawowa nr 1", kind=Service.Kind.SCHOOL, area="education")
    service("Przychodnia Zdrowie", kind=Service.Kind.HEALTH, area="health")

    page = client.get("/pl/help/", {"area": "education"}).content.decode()

    assert "Szkoła Podstawowa nr 1" in page
    assert "Przychodnia Zdrowie" not in page


def test_the_directory_is_filtered_by_a_language_spoken_there(client):
    service("Punkt po ukraińsku", languages="pl uk")
    service("Punkt po angielsku", languages="pl en")

    page = client.get("/en/help/", {"language": "uk"}).content.decode()

    assert "Punkt po ukraińsku" in page
    assert "Punkt po angielsku" not in page


def test_a_filter_value_that_does_not_exist_shows_the_whole_directory(client):
    service("Punkt")
    response = client.get("/pl/help/", {"area": "nowhere", "language": "<script>"})
    assert response.status_code == 200
    assert "Punkt" in response.content.decode()


def test_a_wrong_value_in_one_filter_leaves_the_other_filter_working(client):
    service("Szkoła Podstawowa nr 1", kind=Service.Kind.SCHOOL, area="education")
    service("Przychodnia Zdrowie", kind=Service.Kind.HEALTH, area="health")
    page = client.get("/pl/help/", {"area": "education", "language": "xx"}).content.decode()
    assert "Szkoła Podstawowa nr 1" in page
    assert "Przychodnia Zdrowie" not in page


def test_help_points_come_first_from_the_same_records_as_the_directory(client):
    service("Zwykła usługa")
    service("Centrum Wsparcia Imigrantów", is_help_point=True)

    page = client.get("/pl/help/").content.decode()

    assert page.index('id="help-points"') < page.index("Centrum Wsparcia Imigrantów") < page.index('id="directory"')


def test_an_easy_read_version_is_offered_where_one_is_written(client):
    service("Z tekstem łatwym", easy_read="To jest biuro. Pomagamy ludziom.")
    service("Bez tekstu łatwego")
    page = client.get("/pl/help/").content.decode()
    assert page.count('class="service__easy-read"') == 1
    assert "To jest biuro. Pomagamy ludziom." in page


def test_languages_spoken_are_named_in_the_readers_language(client):
    service(languages="pl uk be")
    page = client.get("/pl/help/").content.decode()
    assert "białoruski" in page
    assert "ukraiński" in page


def test_an_unknown_language_code_is_refused_with_a_clear_message():
    found = Service(name="X", kind="ngo", area="work", helps_with="x", languages="pl xx")
    with pytest.raises(ValidationError) as error:
        found.full_clean(exclude=["locale", "translation_key"])
    assert "xx" in str(error.value)


def test_the_help_page_asks_the_database_the_same_number_of_times_however_many_services(
    client, django_assert_max_num_queries
):
    service("Pierwsza", is_help_point=True)
    client.get("/uk/help/")  # caches warm
    with CaptureQueriesContext(connection) as baseline:
        client.get("/uk/help/")
    for index in range(30):
        service(f"Usługa {index}", is_help_point=index % 2 == 0, languages="pl uk ru en be ka")
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        assert client.get("/uk/help/").status_code == 200


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_every_page_links_the_help_centre_and_the_report_form_in_its_footer(client, language):
    page = client.get(f"/{language}/help/ask/").content.decode()
    footer = page[page.index("<footer") :]
    assert f'href="/{language}/help/"' in footer
    assert f'href="/{language}/report/"' in footer
