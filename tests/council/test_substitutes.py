"""Seats over a term: a member resigns or is removed (the day and the reason
recorded), the next substitute takes the seat from a day, and quorum and
majorities count the seats held on each meeting's day."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from council import permissions, recruitment_services, rules, selectors, services
from council.models import Meeting, Membership, Poll
from council.recruitment import Substitute, Vacancy
from tests.accounts import factories as people

from .factories import build_meeting, council_page, mark_present, open_poll, refusal, vote

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
VACATED = TODAY - datetime.timedelta(days=10)
TAKEN = TODAY - datetime.timedelta(days=5)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def official():
    return people.official()


@pytest.fixture
def substitutes(council):
    return [
        Substitute.objects.create(
            term=council.term, user=people.UserFactory(display_name=f"Substitute {rank}"), rank=rank, public=True
        )
        for rank in (1, 2)
    ]


def meeting_on(council, day, number):
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))
    return Meeting.objects.create(term=council.term, number=number, starts_at=starts_at, place="Sala 105")


def entitled_on(council, day, number):
    meeting = meeting_on(council, day, number)
    return Meeting.objects.with_members_entitled().get(pk=meeting.pk).members_entitled


def vacate_and_fill(council, official, *, key="m1"):
    return recruitment_services.seat_vacate(
        membership=council.seats[key],
        vacated_on=VACATED,
        reason=Vacancy.Reason.RESIGNED,
        note="Wyjazd z Gdańska.",
        user=official,
        substitute_from=TAKEN,
    )


def test_a_vacated_seat_ends_the_day_before_and_the_first_substitute_takes_it(council, official, substitutes):
    vacancy = vacate_and_fill(council, official)
    seat = council.seats["m1"]
    seat.refresh_from_db()
    assert seat.ends_on == VACATED - datetime.timedelta(days=1)
    assert (vacancy.reason, vacancy.note) == ("resigned", "Wyjazd z Gdańska.")
    assert vacancy.filled_by == substitutes[0]
    new_seat = Membership.objects.get(user=substitutes[0].user)
    assert (new_seat.term, new_seat.starts_on, new_seat.ends_on) == (council.term, TAKEN, None)


def test_quorum_counts_every_seat_on_the_day_before_the_vacancy(council, official, substitutes):
    vacate_and_fill(council, official)
    entitled = entitled_on(council, VACATED - datetime.timedelta(days=1), 90)
    assert entitled == 7
    assert rules.quorum_required(entitled=entitled) == 4


def test_quorum_counts_one_seat_fewer_while_it_is_vacant(council, official, substitutes):
    vacate_and_fill(council, official)
    entitled = entitled_on(council, VACATED, 91)
    assert entitled == 6
    assert rules.quorum_required(entitled=entitled) == 3


def test_quorum_counts_the_substitutes_seat_from_the_day_they_take_it(council, official, substitutes):
    vacate_and_fill(council, official)
    assert entitled_on(council, TAKEN - datetime.timedelta(days=1), 92) == 6
    assert entitled_on(council, TAKEN, 93) == 7


def test_the_member_who_left_cannot_vote_and_the_substitute_can(council, official, substitutes):
    vacate_and_fill(council, official)
    meeting = build_meeting(council)
    assert permissions.seat_at(council.people["m1"], meeting) is None
    assert permissions.seat_at(substitutes[0].user, meeting) is not None
    assert substitutes[0].user.pk in {m.user_id for m in selectors.members_of(council.term, meeting.day)}


def test_a_poll_after_the_substitution_is_decided_on_the_current_seats(council, official, substitutes):
    vacate_and_fill(council, official)
    meeting = build_meeting(council)
    seat = Membership.objects.get(user=substitutes[0].user)
    services.attendance_set(meeting=meeting, membership=seat, present=True, user=council.secretary)
    mark_present(council, meeting, "chair", "secretary", "m2")
    poll = open_poll(council, meeting, majority=Poll.Majority.ABSOLUTE)
    for key in ("chair", "secretary", "m2"):
        vote(council, poll, key, "yes")
    poll = services.poll_close(poll=poll, user=council.chair)
    assert (poll.entitled, poll.present, poll.quorum_required, poll.quorum_reached) == (7, 4, 4, True)


def test_the_member_who_left_is_refused_on_the_attendance_list(council, official, substitutes):
    vacate_and_fill(council, official)
    meeting = build_meeting(council)
    seat = Membership.objects.get(pk=council.seats["m1"].pk)
    assert refusal(
        lambda: services.attendance_set(meeting=meeting, membership=seat, present=True, user=council.secretary)
    ) == ("That person is not a member of the council in this term.")


def test_a_seat_left_vacant_is_filled_later(council, official, substitutes):
    vacancy = recruitment_services.seat_vacate(
        membership=council.seats["m2"], vacated_on=VACATED, reason=Vacancy.Reason.REMOVED, user=official
    )
    assert vacancy.filled_by is None
    recruitment_services.vacancy_fill(vacancy=vacancy, starts_on=TAKEN, user=official)
    vacancy.refresh_from_db()
    assert vacancy.filled_by == substitutes[0]


def test_the_second_vacancy_goes_to_the_second_substitute(council, official, substitutes):
    vacate_and_fill(council, official, key="m1")
    vacancy = vacate_and_fill(council, official, key="m2")
    assert vacancy.filled_by == substitutes[1]


def test_vacating_a_seat_twice_is_refused(council, official, substitutes):
    vacate_and_fill(council, official)
    assert refusal(lambda: vacate_and_fill(council, official)) == "This seat has already been vacated."


def test_vacating_on_the_seats_first_day_is_refused(council, official):
    assert refusal(
        lambda: recruitment_services.seat_vacate(
            membership=council.seats["m1"], vacated_on=council.term.starts_on, reason="resigned", user=official
        )
    ) == ("A seat can only be vacated after its first day.")


def test_a_vacancy_needs_a_known_reason(council, official):
    assert refusal(
        lambda: recruitment_services.seat_vacate(
            membership=council.seats["m1"], vacated_on=VACATED, reason="bored", user=official
        )
    ) == ("Choose the reason the seat was vacated.")


def test_filling_a_seat_twice_is_refused(council, official, substitutes):
    vacancy = vacate_and_fill(council, official)
    assert refusal(lambda: recruitment_services.vacancy_fill(vacancy=vacancy, starts_on=TODAY, user=official)) == (
        "This seat has already been taken over."
    )


def test_a_substitute_cannot_take_a_seat_before_it_was_vacated(council, official, substitutes):
    vacancy = recruitment_services.seat_vacate(
        membership=council.seats["m1"], vacated_on=VACATED, reason="resigned", user=official
    )
    assert refusal(
        lambda: recruitment_services.vacancy_fill(
            vacancy=vacancy, starts_on=VACATED - datetime.timedelta(days=1), user=official
        )
    ).startswith("The substitute takes the seat on or after the day it was vacated")


def test_filling_with_no_substitute_left_is_refused(council, official):
    vacancy = recruitment_services.seat_vacate(
        membership=council.seats["m1"], vacated_on=VACATED, reason="resigned", user=official
    )
    assert refusal(lambda: recruitment_services.vacancy_fill(vacancy=vacancy, starts_on=TAKEN, user=official)) == (
        "No substitute is left on this term's list."
    )


def test_a_member_cannot_vacate_a_seat(council):
    assert refusal(
        lambda: recruitment_services.seat_vacate(
            membership=council.seats["m1"], vacated_on=VACATED, reason="resigned", user=council.chair
        )
    ) == ("Only officials who keep the council's membership can do this.")


# --- pages and the admin -------------------------------------------------------------------


def test_the_members_page_lists_the_published_substitutes_and_the_changes(client, council, official, substitutes):
    vacate_and_fill(council, official)
    Substitute.objects.create(term=council.term, user=people.UserFactory(display_name="Hidden Sub"), rank=3)
    response = client.get(reverse("council:members"))
    text = response.text
    assert "Substitute 2" in text and "Hidden Sub" not in text
    assert "Member 1 left the council on" in text
    assert "Substitute 1, a substitute, took the seat on" in text


def test_an_official_records_a_vacated_seat_in_the_admin(client, council, official, substitutes):
    client.force_login(official)
    assert client.get(reverse("council_vacancies:add")).status_code == 200
    response = client.post(
        reverse("council_vacancies:add"),
        {
            "membership": council.seats["m3"].pk,
            "vacated_on": VACATED.isoformat(),
            "reason": "removed",
            "note": "",
            "substitute_from": TAKEN.isoformat(),
        },
    )
    assert response.status_code == 302
    assert Vacancy.objects.get().filled_by == substitutes[0]


def test_the_admin_shows_why_a_vacancy_was_refused(client, council, official):
    client.force_login(official)
    response = client.post(
        reverse("council_vacancies:add"),
        {
            "membership": council.seats["m3"].pk,
            "vacated_on": council.term.starts_on.isoformat(),
            "reason": "removed",
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "Miejsce można zwolnić dopiero po pierwszym dniu członkostwa." in response.text  # the admin in Polish
    assert not Vacancy.objects.exists()


def test_the_councils_page_lists_the_current_members_and_the_published_substitutes(client, council, official):
    council_page()
    Substitute.objects.create(
        term=council.term, user=people.UserFactory(display_name="Public Sub"), rank=1, public=True
    )
    Substitute.objects.create(term=council.term, user=people.UserFactory(display_name="Hidden Sub"), rank=2)
    recruitment_services.seat_vacate(
        membership=council.seats["m1"], vacated_on=VACATED, reason="resigned", user=official
    )
    html = client.get("/en/council/").content.decode()
    assert "Member 2" in html and "Member 1" not in html
    assert "Public Sub" in html and "Hidden Sub" not in html
