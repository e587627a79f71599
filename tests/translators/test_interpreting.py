"""The rules of interpreting requests, tested on the services directly: who may
ask and assign, which translators match, the states, double booking, and
residents' confirmed requests joining the same queue."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.errors import RuleBroken
from council.models import Meeting
from events import services as event_services
from events.models import AccessRequest
from tests.accounts import factories as people
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation
from tests.council.factories import build_council
from tests.events.factories import make_event
from tests.translators.factories import make_translator
from translators import interpreting
from translators.models import InterpretingRequest, Translator

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
Status = InterpretingRequest.Status


def refusal(action):
    with pytest.raises(RuleBroken) as error:
        action()
    return error.value.message


def ask(official, *, starts_in=3 * DAY, hours=2, **fields):
    starts_at = timezone.now() + starts_in
    values = {
        "source_language": "pl",
        "target_language": "ka",
        "subject": "Wizyta w Wydziale Spraw Obywatelskich",
        "unit": "Wydział Spraw Obywatelskich",
        "place": "ul. Partyzantów 74, Gdańsk",
    } | fields
    return interpreting.interpreting_request_create(
        official=official, starts_at=starts_at, ends_at=starts_at + hours * HOUR, **values
    )


@pytest.fixture
def georgian(db):
    return make_translator(UserFactory(display_name="Nino", language="uk"), pairs=[("uk", "pl")], other_languages="ka")


@pytest.fixture
def request_pl_ka(official):
    return ask(official)


# --- asking ----------------------------------------------------------------------


def test_an_official_requests_an_interpreter_in_a_language_outside_the_site(official):
    made = ask(official, target_language="prs", needs_sworn=True)
    assert (made.status, made.target_language, made.needs_sworn, made.requested_by) == (
        Status.REQUESTED,
        "prs",
        True,
        official,
    )


def test_a_resident_cannot_request_an_interpreter(db):
    assert refusal(lambda: ask(UserFactory())) == "Only officials request interpreters and assign translators."
    assert not InterpretingRequest.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"target_language": "xx"}, "Choose both languages from the list."),
        ({"target_language": "pl"}, "A language pair needs two different languages."),
        ({"subject": "   "}, "Say briefly what it is about."),
        ({"subject": "x" * 301}, "The subject may be at most 300 characters long; this one has 301."),
        ({"unit": ""}, "Say which city unit or organiser asks."),
        ({"place": "", "is_online": False}, "Give the place, or say that it is online."),
        ({"starts_in": -HOUR}, "This time has passed; choose a time in the future."),
        ({"hours": 0}, "The end must come after the start."),
    ],
)
def test_a_bad_request_is_refused_with_a_clear_message(official, fields, message):
    assert refusal(lambda: ask(official, **fields)) == message
    assert not InterpretingRequest.objects.exists()


def test_an_online_request_needs_no_place(official):
    assert ask(official, place="", is_online=True).is_online


# --- matching --------------------------------------------------------------------


def test_rada_proposes_approved_translators_with_both_languages(request_pl_ka, georgian):
    make_translator(pairs=[("uk", "pl")])  # no Georgian
    make_translator(pairs=[("pl", "uk")], other_languages="ka", status=Translator.Status.PENDING)
    assert interpreting.matching_translators(request_pl_ka) == [georgian]


def test_a_sworn_request_proposes_only_sworn_translators(official, georgian):
    sworn = make_translator(pairs=[("pl", "uk")], other_languages="ka", is_sworn=True)
    assert interpreting.matching_translators(ask(official, needs_sworn=True)) == [sworn]


def test_city_interpreters_are_proposed_first(request_pl_ka, georgian):
    city = make_translator(
        UserFactory(display_name="Zurab"), pairs=[("pl", "ru")], other_languages="ka", kind="city_interpreter"
    )
    assert interpreting.matching_translators(request_pl_ka) == [city, georgian]


def test_a_translator_booked_at_an_overlapping_time_is_not_proposed(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    overlapping = ask(official, starts_in=3 * DAY + HOUR)
    later = ask(official, starts_in=3 * DAY + 2 * HOUR)  # starts when the first ends
    assert interpreting.matching_translators(overlapping) == []
    assert interpreting.matching_translators(later) == [georgian]


def test_matching_takes_a_fixed_number_of_queries(request_pl_ka, django_assert_max_num_queries):
    for _number in range(5):
        make_translator(pairs=[("pl", "uk")], other_languages="ka, be")
    with django_assert_max_num_queries(4):
        assert len(interpreting.matching_translators(request_pl_ka)) == 5


# --- assigning and answering -----------------------------------------------------


def test_assigning_offers_the_request_and_e_mails_the_translator_in_their_language(
    official, request_pl_ka, georgian, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assigned = interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    assert (assigned.status, assigned.translator) == (Status.ASSIGNED, georgian)
    (message,) = mail.outbox
    assert message.to == [georgian.user.email]
    assert "Польська ↔ Грузинська" in message.subject  # Ukrainian, the translator's language
    assert "Wizyta w Wydziale Spraw Obywatelskich" in message.body
    assert "/translators/assignments/" in message.body


def test_only_officials_assign(request_pl_ka, georgian):
    message = refusal(
        lambda: interpreting.interpreting_assign(
            interpreting=request_pl_ka, translator=georgian, official=georgian.user
        )
    )
    assert message == "Only officials request interpreters and assign translators."
    request_pl_ka.refresh_from_db()
    assert request_pl_ka.status == Status.REQUESTED


def test_a_translator_without_both_languages_cannot_be_assigned(official, request_pl_ka):
    other = make_translator(pairs=[("uk", "pl")])
    message = refusal(
        lambda: interpreting.interpreting_assign(interpreting=request_pl_ka, translator=other, official=official)
    )
    assert message == "This translator does not work in both languages."


def test_an_unapproved_translator_cannot_be_assigned(official, request_pl_ka):
    pending = make_translator(pairs=[("pl", "uk")], other_languages="ka", status=Translator.Status.PENDING)
    message = refusal(
        lambda: interpreting.interpreting_assign(interpreting=request_pl_ka, translator=pending, official=official)
    )
    assert message == "Only approved translators can be assigned."


def test_a_translator_cannot_be_booked_twice_at_overlapping_times(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    overlapping = ask(official, starts_in=3 * DAY + HOUR, target_language="uk")
    message = refusal(
        lambda: interpreting.interpreting_assign(interpreting=overlapping, translator=georgian, official=official)
    )
    assert message == "This translator is already booked at an overlapping time."


def test_written_translations_do_not_book_the_translators_time(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    written = ask(official, starts_in=3 * DAY, kind="written", place="")
    assigned = interpreting.interpreting_assign(interpreting=written, translator=georgian, official=official)
    assert assigned.status == Status.ASSIGNED


def test_assigning_twice_is_refused(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    message = refusal(
        lambda: interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    )
    assert message == "A translator is already assigned; cancel or wait for their answer first."


def test_assigning_after_the_start_is_refused(official, request_pl_ka, georgian):
    later = request_pl_ka.starts_at + HOUR
    message = refusal(
        lambda: interpreting.interpreting_assign(
            interpreting=request_pl_ka, translator=georgian, official=official, now=later
        )
    )
    assert message == "This request's time has passed."


def test_the_assigned_translator_accepts_and_the_official_is_e_mailed(
    official, request_pl_ka, georgian, django_capture_on_commit_callbacks
):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = interpreting.interpreting_answer(interpreting=request_pl_ka, user=georgian.user, accept=True)
    assert accepted.status == Status.ACCEPTED
    (message,) = mail.outbox
    assert message.to == [official.email]
    assert f"/admin/interpreting/{request_pl_ka.pk}/" in message.body


def test_only_the_assigned_translator_answers(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    someone = make_translator(pairs=[("pl", "uk")], other_languages="ka")
    message = refusal(
        lambda: interpreting.interpreting_answer(interpreting=request_pl_ka, user=someone.user, accept=True)
    )
    assert message == "This assignment is not yours."
    request_pl_ka.refresh_from_db()
    assert request_pl_ka.status == Status.ASSIGNED


def test_answering_twice_is_refused(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    interpreting.interpreting_answer(interpreting=request_pl_ka, user=georgian.user, accept=True)
    message = refusal(
        lambda: interpreting.interpreting_answer(interpreting=request_pl_ka, user=georgian.user, accept=False)
    )
    assert message == "You have already answered."
    request_pl_ka.refresh_from_db()
    assert request_pl_ka.status == Status.ACCEPTED


def test_answering_after_the_start_is_refused(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    message = refusal(
        lambda: interpreting.interpreting_answer(
            interpreting=request_pl_ka, user=georgian.user, accept=True, now=request_pl_ka.starts_at
        )
    )
    assert message == "This request's time has passed."


def test_declined_then_reassigned_to_someone_else(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    declined = interpreting.interpreting_answer(
        interpreting=request_pl_ka, user=georgian.user, accept=False, note="Jestem wtedy w pracy."
    )
    assert (declined.status, declined.translator, declined.answer) == (Status.DECLINED, None, "Jestem wtedy w pracy.")
    assert interpreting.matching_translators(declined) == []
    again = refusal(
        lambda: interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    )
    assert again == "This translator has declined this request."
    other = make_translator(pairs=[("pl", "ru")], other_languages="ka")
    reassigned = interpreting.interpreting_assign(interpreting=request_pl_ka, translator=other, official=official)
    assert (reassigned.status, reassigned.translator, reassigned.answer) == (Status.ASSIGNED, other, "")


def test_a_declined_translator_is_free_again_at_that_time(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    interpreting.interpreting_answer(interpreting=request_pl_ka, user=georgian.user, accept=False)
    overlapping = ask(official, starts_in=3 * DAY + HOUR)
    assert interpreting.matching_translators(overlapping) == [georgian]


def test_done_only_after_acceptance_and_the_start(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    assert (
        refusal(lambda: interpreting.interpreting_done(interpreting=request_pl_ka, official=official))
        == "Only accepted requests can be marked done."
    )
    interpreting.interpreting_answer(interpreting=request_pl_ka, user=georgian.user, accept=True)
    assert (
        refusal(lambda: interpreting.interpreting_done(interpreting=request_pl_ka, official=official))
        == "This has not started yet."
    )
    after = request_pl_ka.ends_at + HOUR
    done = interpreting.interpreting_done(interpreting=request_pl_ka, official=official, now=after)
    assert done.status == Status.DONE


def test_cancelling_e_mails_the_assigned_translator_and_closes_the_request(
    official, request_pl_ka, georgian, django_capture_on_commit_callbacks
):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interpreting.interpreting_cancel(interpreting=request_pl_ka, official=official)
    (message,) = mail.outbox
    assert message.to == [georgian.user.email]
    assert "Грузинська" in message.subject
    assert (
        refusal(lambda: interpreting.interpreting_cancel(interpreting=request_pl_ka, official=official))
        == "This request is closed."
    )


# --- residents' requests for events and council meetings -------------------------


@pytest.fixture
def event(db):
    now = timezone.now()
    consultation = make_consultation(opens_at=now - 5 * DAY, closes_at=now + 20 * DAY, slug="z-tlumaczem")
    return make_event(consultation, capacity=10, language="pl")


def _confirm(access_request, official):
    return event_services.request_decide(
        access_request=access_request, official=official, status=AccessRequest.Status.CONFIRMED
    )


def test_confirming_a_residents_interpreter_request_puts_it_in_the_queue(event, official):
    registration = event_services.registration_create(user=UserFactory(), event=event, interpreter_language="uk")
    access_request = registration.requests.get()
    _confirm(access_request, official)
    made = InterpretingRequest.objects.get()
    assert (made.source_language, made.target_language, made.starts_at, made.subject, made.status) == (
        "pl",
        "uk",
        event.starts_at,
        event.title,
        Status.REQUESTED,
    )
    assert list(made.access_requests.all()) == [access_request]


def test_residents_asking_for_the_same_language_at_one_event_need_one_interpreter(event, official):
    for _number in range(3):
        registration = event_services.registration_create(user=UserFactory(), event=event, interpreter_language="uk")
        _confirm(registration.requests.get(), official)
    assert InterpretingRequest.objects.count() == 1
    assert InterpretingRequest.objects.get().access_requests.count() == 3


def test_a_sign_language_request_asks_for_a_pjm_interpreter(event, official):
    registration = event_services.registration_create(user=UserFactory(), event=event, sign_language=True)
    _confirm(registration.requests.get(), official)
    assert InterpretingRequest.objects.get().target_language == "pjm"


def test_another_language_written_by_name_is_recognised(event, official):
    registration = event_services.registration_create(
        user=UserFactory(), event=event, interpreter_language="other", other_language="gruziński"
    )
    _confirm(registration.requests.get(), official)
    assert InterpretingRequest.objects.get().target_language == "ka"


def test_confirming_again_does_not_make_a_second_request(event, official):
    registration = event_services.registration_create(user=UserFactory(), event=event, interpreter_language="uk")
    access_request = registration.requests.get()
    _confirm(access_request, official)
    event_services.request_decide(
        access_request=access_request, official=official, status=AccessRequest.Status.CONFIRMED, answer="Do zobaczenia"
    )
    assert InterpretingRequest.objects.count() == 1


def test_taking_back_the_only_confirmation_cancels_the_interpreting_request(event, official):
    registration = event_services.registration_create(user=UserFactory(), event=event, interpreter_language="uk")
    access_request = registration.requests.get()
    _confirm(access_request, official)
    event_services.request_decide(
        access_request=access_request, official=official, status=AccessRequest.Status.DECLINED
    )
    assert InterpretingRequest.objects.get().status == Status.CANCELLED


def test_the_queue_takes_residents_requests_for_council_meetings(official):
    council = build_council(members=1)
    meeting = Meeting.objects.create(term=council.term, number=1, starts_at=timezone.now() + 3 * DAY, place="Sala 105")
    registration = event_services.registration_create(user=UserFactory(), meeting=meeting, interpreter_language="ru")
    _confirm(registration.requests.get(), official)
    made = InterpretingRequest.objects.get()
    assert (made.target_language, made.ends_at - made.starts_at, made.place) == (
        "ru",
        interpreting.MEETING_LENGTH,
        "Sala 105",
    )


def test_the_official_who_confirmed_is_recorded_as_asking(event):
    official = people.official(display_name="Marta")
    registration = event_services.registration_create(user=UserFactory(), event=event, interpreter_language="en")
    _confirm(registration.requests.get(), official)
    assert InterpretingRequest.objects.get().requested_by == official


def test_a_resident_cancelling_their_registration_cancels_an_interpreter_only_they_needed(
    event, official, django_capture_on_commit_callbacks
):
    resident = UserFactory()
    registration = event_services.registration_create(user=resident, event=event, interpreter_language="uk")
    _confirm(registration.requests.get(), official)
    made = InterpretingRequest.objects.get()
    translator = make_translator(pairs=[("pl", "uk")])
    interpreting.interpreting_assign(interpreting=made, translator=translator, official=official)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_services.registration_cancel(registration=registration, user=resident)
    made.refresh_from_db()
    assert made.status == Status.CANCELLED
    assert [message.to for message in mail.outbox] == [[translator.user.email]]


def test_one_resident_cancelling_leaves_the_interpreter_others_need(event, official):
    registrations = [
        event_services.registration_create(user=UserFactory(), event=event, interpreter_language="uk")
        for _n in range(2)
    ]
    for registration in registrations:
        _confirm(registration.requests.get(), official)
    event_services.registration_cancel(registration=registrations[0], user=registrations[0].user)
    made = InterpretingRequest.objects.get()
    assert (made.status, made.access_requests.count()) == (Status.REQUESTED, 1)


def test_a_translator_who_leaves_frees_what_they_were_booked_for(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    georgian.user.delete()
    request_pl_ka.refresh_from_db()
    assert (request_pl_ka.status, request_pl_ka.translator) == (Status.REQUESTED, None)


def test_a_done_request_keeps_its_count_when_its_translator_leaves(official, request_pl_ka, georgian):
    interpreting.interpreting_assign(interpreting=request_pl_ka, translator=georgian, official=official)
    interpreting.interpreting_answer(interpreting=request_pl_ka, user=georgian.user, accept=True)
    interpreting.interpreting_done(interpreting=request_pl_ka, official=official, now=request_pl_ka.ends_at)
    georgian.user.delete()
    request_pl_ka.refresh_from_db()
    assert (request_pl_ka.status, request_pl_ka.translator) == (Status.DONE, None)
