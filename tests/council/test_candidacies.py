"""Calls for candidates: residents apply once per call while it is open and
may change their application until it closes; officials decide (a seat, a
place on the substitutes' list, not selected) once it has closed; only
candidates who agreed are published, and only on a published list."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from council import recruitment_selectors, recruitment_services
from council.models import Membership
from council.recruitment import Candidacy, Substitute
from tests.accounts import factories as people

from .factories import apply, close_call, make_call, refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(council):
    return make_call(council.term)


@pytest.fixture
def resident():
    return people.UserFactory(display_name="Olena Kowalenko")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


# --- applying ---------------------------------------------------------------------


def test_a_resident_applies_to_an_open_call(call, resident):
    candidacy = apply(call, resident, motivation="  Хочу допомагати.\r\n", language="uk")
    assert candidacy.status == Candidacy.Status.SUBMITTED
    assert candidacy.motivation == "Хочу допомагати."
    assert candidacy.language == "uk"


def test_applying_twice_to_the_same_call_is_refused(call, resident):
    apply(call, resident)
    assert refusal(lambda: apply(call, resident)).startswith("You have already applied to this call.")
    assert Candidacy.objects.filter(user=resident).count() == 1


def test_applying_before_the_call_opens_is_refused(council, resident):
    call = make_call(council.term, opened_days_ago=-2)
    assert refusal(lambda: apply(call, resident)).startswith("Applications open on")


def test_applying_after_the_call_closed_is_refused(call, resident):
    close_call(call)
    assert refusal(lambda: apply(call, resident)).startswith("Applications closed on")


def test_a_visitor_cannot_apply(call):
    assert refusal(lambda: apply(call, AnonymousUser())) == "Sign in to apply."


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"motivation": "  \n "}, "Write why you would like to serve on the council."),
        ({"motivation": "x" * 3001}, "The motivation may be at most 3000 characters long; this one has 3001."),
        ({"languages": ""}, "Name the languages you speak."),
        ({"languages": "x" * 201}, "Languages may be at most 200 characters long; this one has 201."),
        ({"community": "x" * 201}, "Community may be at most 200 characters long; this one has 201."),
        ({"language": "de"}, "Choose the language you wrote in."),
        ({"consent_to_publish": "yes"}, "Say whether your application may be published."),
    ],
)
def test_bad_applications_are_refused_with_a_clear_reason(call, resident, fields, message):
    assert refusal(lambda: apply(call, resident, **fields)) == message
    assert not Candidacy.objects.exists()


def test_the_applicant_changes_the_application_while_the_call_is_open(call, resident):
    candidacy = apply(call, resident)
    recruitment_services.candidacy_update(
        candidacy=candidacy,
        user=resident,
        motivation="Nowa motywacja.",
        languages="polski",
        community="",
        language="pl",
        consent_to_publish=False,
    )
    candidacy.refresh_from_db()
    assert (candidacy.motivation, candidacy.consent_to_publish) == ("Nowa motywacja.", False)


def test_someone_else_cannot_change_an_application(call, resident):
    candidacy = apply(call, resident)
    other = people.UserFactory()
    assert refusal(
        lambda: recruitment_services.candidacy_update(
            candidacy=candidacy, user=other, motivation="Cudza.", languages="polski", language="pl"
        )
    ) == ("Only the person who applied can change this application.")


def test_an_application_cannot_be_changed_after_the_call_closed(call, resident):
    candidacy = apply(call, resident)
    close_call(call)
    assert refusal(
        lambda: recruitment_services.candidacy_update(
            candidacy=candidacy, user=resident, motivation="Za późno.", languages="polski", language="pl"
        )
    ).startswith("Applications closed on")


@override_settings(RADA_RATELIMIT_CANDIDACIES=2)
def test_changing_an_application_too_often_is_rate_limited(call, resident):
    candidacy = apply(call, resident)
    change = {"candidacy": candidacy, "user": resident, "motivation": "M.", "languages": "pl", "language": "pl"}
    recruitment_services.candidacy_update(**change)
    assert "many times in the last hour" in refusal(lambda: recruitment_services.candidacy_update(**change))


# --- deciding -----------------------------------------------------------------------


def test_appointing_a_candidate_creates_the_membership(council, call, resident):
    candidacy = apply(call, resident, community="Białorusini", languages="białoruski")
    close_call(call)
    recruitment_services.candidacy_decide(
        candidacy=candidacy, status=Candidacy.Status.APPOINTED, user=people.official()
    )
    seat = Membership.objects.get(user=resident)
    assert (seat.term, seat.starts_on, seat.community) == (council.term, timezone.localdate(), "Białorusini")
    candidacy.refresh_from_db()
    assert candidacy.membership == seat and candidacy.status == Candidacy.Status.APPOINTED


def test_a_candidate_put_on_the_substitutes_list_comes_last(council, call, resident):
    first = people.UserFactory()
    Substitute.objects.create(term=council.term, user=first, rank=1)
    candidacy = apply(call, resident, consent_to_publish=False)
    close_call(call)
    recruitment_services.candidacy_decide(
        candidacy=candidacy, status=Candidacy.Status.SUBSTITUTE, user=people.official()
    )
    place = Substitute.objects.get(user=resident)
    assert (place.rank, place.public) == (2, False)


def test_deciding_while_the_call_is_open_is_refused(call, resident):
    candidacy = apply(call, resident)
    assert refusal(
        lambda: recruitment_services.candidacy_decide(
            candidacy=candidacy, status=Candidacy.Status.APPOINTED, user=people.official()
        )
    ) == ("Decide on applications once the call has closed.")


def test_deciding_twice_is_refused(call, resident):
    candidacy = apply(call, resident)
    close_call(call)
    official = people.official()
    recruitment_services.candidacy_decide(candidacy=candidacy, status=Candidacy.Status.NOT_SELECTED, user=official)
    assert refusal(
        lambda: recruitment_services.candidacy_decide(
            candidacy=candidacy, status=Candidacy.Status.APPOINTED, user=official
        )
    ) == ("This application has already been decided.")
    assert not Membership.objects.filter(user=resident).exists()


def test_only_officials_decide(call, resident):
    candidacy = apply(call, resident)
    close_call(call)
    assert refusal(
        lambda: recruitment_services.candidacy_decide(
            candidacy=candidacy, status=Candidacy.Status.APPOINTED, user=resident
        )
    ) == ("Only officials who keep the council's membership can do this.")


def test_a_seat_outside_the_term_is_refused(council, call, resident):
    candidacy = apply(call, resident)
    close_call(call)
    assert refusal(
        lambda: recruitment_services.candidacy_decide(
            candidacy=candidacy,
            status=Candidacy.Status.APPOINTED,
            user=people.official(),
            seat_from=council.term.ends_on + datetime.timedelta(days=1),
        )
    ) == ("The seat must start within the term.")


# --- what is public ---------------------------------------------------------------------


def test_only_consenting_candidates_of_a_published_list_are_public(council, call, resident):
    apply(call, resident, consent_to_publish=True)
    apply(call, people.UserFactory(display_name="Ukryty"), consent_to_publish=False)
    assert list(recruitment_selectors.published_candidacies()) == []
    call.candidates_published = True
    call.save()
    assert [c.name for c in recruitment_selectors.published_candidacies()] == ["Olena Kowalenko"]


# --- pages ------------------------------------------------------------------------------


def test_the_candidates_page_offers_visitors_to_sign_in(client, call):
    response = client.get(reverse("council:candidates"))
    assert response.status_code == 200
    assert "Call for candidates" in response.text
    assert reverse("account_login") in response.text


def test_the_candidates_page_lists_the_published_candidates_in_few_queries(
    client, council, resident, django_assert_max_num_queries
):
    call = make_call(council.term, published=True)
    for n in range(5):
        apply(call, people.UserFactory(display_name=f"Kandydat {n}"), motivation=f"Motywacja {n}.")
    apply(call, resident, consent_to_publish=False)
    # Two queries of its own (calls, their candidates); the rest is the site's frame.
    with django_assert_max_num_queries(14):
        response = client.get(reverse("council:candidates"))
    assert "Kandydat 4" in response.text and "Motywacja 4." in response.text
    assert "Olena Kowalenko" not in response.text


def test_a_resident_applies_with_the_form(client, call, resident):
    client.force_login(resident)
    response = client.post(
        reverse("council:candidacy", args=[call.pk]),
        {"motivation": "Chcę działać.", "languages": "ukraiński", "community": "", "language": "uk"},
    )
    assert response.status_code == 302
    candidacy = Candidacy.objects.get(user=resident)
    assert candidacy.consent_to_publish is False  # an unticked box is no consent


def test_the_form_shows_the_errors_of_an_empty_application(client, call, resident):
    client.force_login(resident)
    response = client.post(reverse("council:candidacy", args=[call.pk]), {"motivation": "", "language": "pl"})
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert not Candidacy.objects.exists()


def test_the_form_puts_a_rule_on_the_form(client, call, resident):
    client.force_login(resident)
    response = client.post(
        reverse("council:candidacy", args=[call.pk]), {"motivation": " \u0007 ", "languages": "pl", "language": "pl"}
    )
    assert response.status_code == 400
    assert "Write why you would like to serve on the council." in response.text


def test_the_form_of_a_second_visit_changes_the_same_application(client, call, resident):
    apply(call, resident)
    client.force_login(resident)
    page = client.get(reverse("council:candidacy", args=[call.pk]))
    assert "Chcę pomagać sąsiadom." in page.text
    client.post(
        reverse("council:candidacy", args=[call.pk]),
        {"motivation": "Zmieniona.", "languages": "polski", "language": "pl", "consent_to_publish": "on"},
    )
    assert list(Candidacy.objects.values_list("motivation", flat=True)) == ["Zmieniona."]


def test_a_visitor_is_sent_to_sign_in_before_the_form(client, call):
    response = client.get(reverse("council:candidacy", args=[call.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_form_of_a_closed_call_sends_back_with_the_reason(client, call, resident):
    close_call(call)
    client.force_login(resident)
    response = client.get(reverse("council:candidacy", args=[call.pk]), follow=True)
    assert [str(m) for m in response.context["messages"]][0].startswith("Applications closed on")


def test_the_form_of_an_unknown_call_is_not_found(client, resident):
    client.force_login(resident)
    assert client.get(reverse("council:candidacy", args=[999999])).status_code == 404


# --- the admin ----------------------------------------------------------------------------


def test_an_official_appoints_a_candidate_in_the_admin(client, council, call, resident):
    candidacy = apply(call, resident)
    close_call(call)
    client.force_login(people.official())
    assert client.get(reverse("council_candidacies:index")).status_code == 200
    response = client.post(
        reverse("council_candidacies:edit", args=[candidacy.pk]), {"decision": "appointed", "seat_from": ""}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=resident, term=council.term).exists()


def test_the_admin_shows_a_refused_decision_on_the_form(client, call, resident):
    candidacy = apply(call, resident)
    client.force_login(people.official())
    response = client.post(
        reverse("council_candidacies:edit", args=[candidacy.pk]), {"decision": "appointed", "seat_from": ""}
    )
    assert response.status_code == 200
    assert "O zgłoszeniach decyduje się po zakończeniu naboru." in response.text  # the admin in Polish


def test_an_official_opens_a_call_in_the_admin(client, council):
    client.force_login(people.official())
    now = timezone.localtime()
    response = client.post(
        reverse("council_calls:add"),
        {
            "term": council.term.pk,
            "opens_at": now.strftime("%Y-%m-%d %H:%M"),
            "closes_at": (now + datetime.timedelta(days=7)).strftime("%Y-%m-%d %H:%M"),
            "title_uk": "Набір кандидатів",
        },
    )
    assert response.status_code == 302
    assert str(council.term.candidate_calls.get()) == "Набір кандидатів"


def test_appointing_someone_who_already_has_a_seat_in_the_term_is_refused(council, call):
    candidacy = apply(call, council.people["m1"])
    close_call(call)
    assert refusal(
        lambda: recruitment_services.candidacy_decide(
            candidacy=candidacy, status=Candidacy.Status.APPOINTED, user=people.official()
        )
    ) == ("This person already has a seat in this term.")
