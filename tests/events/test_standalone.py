"""Events of their own (trainings, information sessions): no consultation, an
area, languages, registration and requests as any event; the events list
filters by area and language; the events calendar holds them."""

import icalendar
import pytest
from django.forms import modelform_factory
from django.utils import timezone

from events import services
from events.forms import EventAdminForm
from events.models import AccessRequest, Event
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation
from tests.events.factories import DAY, make_event

pytestmark = pytest.mark.django_db


def training(**fields):
    values = {"title": "Szkolenie: prawa lokatora", "kind": Event.Kind.OTHER, "area": "housing"} | fields
    return make_event(None, **values)


def test_an_event_of_its_own_is_listed_and_shown(client):
    event = training()
    assert "Szkolenie: prawa lokatora" in client.get("/pl/events/").content.decode()
    response = client.get(f"/en/events/{event.pk}/")
    assert response.status_code == 200
    assert "Szkolenie: prawa lokatora" in response.content.decode()


def test_a_resident_registers_for_an_event_of_its_own_with_requests():
    event = training()
    registration = services.registration_create(
        user=UserFactory(), event=event, interpreter_language="uk", sign_language=True
    )
    assert set(registration.requests.values_list("kind", flat=True)) == {
        AccessRequest.Kind.INTERPRETER,
        AccessRequest.Kind.SIGN_LANGUAGE,
    }


def test_the_events_list_names_an_events_area(client):
    training(area="housing")
    assert "Housing" in client.get("/en/events/").content.decode()


def test_the_events_list_filters_by_area(client):
    training(title="Szkolenie o mieszkaniach", area="housing")
    training(title="Szkolenie o pracy", area="work")
    html = client.get("/pl/events/", {"area": "work"}).content.decode()
    assert "Szkolenie o pracy" in html
    assert "Szkolenie o mieszkaniach" not in html


def test_the_events_list_filters_by_a_language_spoken_or_written(client):
    training(title="Po polsku i ukraińsku", spoken_languages=["pl", "uk"])
    training(title="Po angielsku", spoken_languages=["en"], language="en")
    html = client.get("/pl/events/", {"language": "uk"}).content.decode()
    assert "Po polsku i ukraińsku" in html
    assert "Po angielsku" not in html


def test_unknown_filter_values_show_every_event(client):
    training()
    response = client.get("/pl/events/", {"area": "<script>", "language": "xx"})
    assert response.status_code == 200
    assert len(response.context["events"]) == 1


def test_the_admin_form_accepts_an_event_without_a_consultation():
    now = timezone.now()
    fields = ["consultation_key", "area", "title", "kind", "starts_at", "ends_at", "place", "capacity"]
    form_class = modelform_factory(Event, form=EventAdminForm, fields=[*fields, "language", "spoken_languages"])
    form = form_class(
        data={
            "consultation_key": "",
            "area": "health",
            "title": "Dzień otwarty przychodni",
            "kind": Event.Kind.INFORMATION_MEETING,
            "starts_at": (now + DAY).strftime("%Y-%m-%d %H:%M"),
            "ends_at": (now + DAY + DAY / 12).strftime("%Y-%m-%d %H:%M"),
            "place": "Przychodnia, ul. Długa 1",
            "capacity": 20,
            "language": "pl",
            "spoken_languages": ["pl"],
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["consultation_key"] is None


def ics_events(client, language="pl"):
    response = client.get(f"/{language}/feeds/events.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(event["SUMMARY"]): event for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}


def test_the_events_list_offers_the_events_calendar(client):
    assert "/pl/feeds/events.ics" in client.get("/pl/events/").content.decode()


def test_the_events_calendar_holds_events_of_their_own_and_of_public_consultations(client):
    training(title="Szkolenie: prawa lokatora", place="Urząd Miejski, ul. Nowe Ogrody 8/12")
    make_event(make_consultation(), title="Warsztat konsultacyjny")
    found = ics_events(client)
    assert set(found) == {"Szkolenie: prawa lokatora", "Warsztat konsultacyjny"}
    assert str(found["Szkolenie: prawa lokatora"]["LOCATION"]) == "Urząd Miejski, ul. Nowe Ogrody 8/12"


def test_the_events_calendar_leaves_out_cancelled_events_and_drafts(client):
    training(title="Odwołane", is_cancelled=True)
    make_event(make_consultation(publish=False), title="Z projektu")
    assert ics_events(client, "en") == {}


def test_an_event_keeps_its_uid_in_every_language(client):
    event = training()
    uids = {str(next(iter(ics_events(client, code).values()))["UID"]) for code in ("pl", "en", "uk", "ru")}
    assert uids == {f"event-{event.pk}@127.0.0.1"}


def test_search_finds_an_event_of_its_own(client):
    training(title="Szkolenie: prawa lokatora")
    response = client.get("/uk/search/", {"q": "szkolenie"})
    kinds = {group.kind: group for group in response.context["results"]["groups"]}
    assert str(kinds["events"].hits[0].title) == "<mark>Szkolenie</mark>: prawa lokatora"
