"""The resident's home, "My participation": what they wrote with its state and
the city's answers, what they support and follow (with unfollow), their
registrations with the answers to their requests, a council member's record,
their names and settings, their data, and leaving."""

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations import services as consultation_services
from consultations.models import Answer, Comment, Follow
from council import services as council_services
from council.models import Poll
from events import services as event_services
from events.models import AccessRequest
from tests.accounts.factories import UserFactory, official
from tests.consultations.factories import make_comment, make_consultation, make_proposal, outcome_page
from tests.council.factories import build_council, build_meeting, mark_present, open_poll, submitted_motion, vote
from tests.events.factories import make_event

pytestmark = pytest.mark.django_db

URL = "/en/accounts/"


@pytest.fixture
def resident():
    return UserFactory(display_name="Olena K.")


@pytest.fixture
def consultation():
    return make_consultation(title="Lekcje polskiego", allow_proposals=True)


def page(client, user, url=URL):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def section(html, anchor):
    return html.split(f'id="{anchor}"')[1].split("</section>")[0]


def test_the_page_asks_a_visitor_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_greets_the_resident_by_public_name_never_username(client, resident):
    html = page(client, resident)
    assert "Olena K., here is everything you did" in html
    assert resident.username not in html.split("<main")[1].split('id="settings"')[0]


def test_the_old_profile_address_leads_to_the_page(client, resident):
    client.force_login(resident)
    response = client.get("/uk/accounts/profile/")
    assert (response.status_code, response["Location"]) == (302, "/uk/accounts/")


def test_the_header_links_to_the_page(client, resident):
    html = page(client, resident, "/en/search/")
    link = html[html.index(f'href="{URL}"') :].split("</a>")[0]
    assert "My participation" in link


def test_my_comment_shows_its_consultation_state_replies_and_the_citys_reply(client, resident, consultation):
    mine = make_comment(consultation, author=resident, text="Kursy wieczorem, proszę.")
    make_comment(consultation, author=UserFactory(), parent=mine, text="Popieram.")
    make_comment(consultation, author=official(), parent=mine, text="Dziękujemy, sprawdzimy.", is_official=True)
    written = section(page(client, resident), "written")
    assert "Kursy wieczorem, proszę." in written
    assert f'#comment-{mine.pk}"' in written and "Lekcje polskiego" in written
    assert "published" in written
    assert "<dt>Replies</dt><dd>2</dd>" in written
    assert "The city replied" in written and "Dziękujemy, sprawdzimy." in written


def test_a_hidden_comment_shows_why_and_a_deleted_one_is_not_listed(client, resident, consultation):
    make_comment(consultation, author=resident, text="Ukryty.", state=Comment.State.HIDDEN, hidden_reason="Spam")
    make_comment(consultation, author=resident, text="", state=Comment.State.DELETED)
    written = section(page(client, resident), "written")
    assert "hidden by a moderator" in written and "Spam" in written
    assert written.count('class="participation-item"') == 1


def test_my_comment_shows_the_citys_answer_in_the_published_outcome(client, resident):
    closed = make_consultation(opens_at=timezone.now() - timezone.timedelta(days=20), closes_at=timezone.now())
    mine = make_comment(closed, author=resident)
    outcome_page(closed, answers=[(mine, Answer.PARTLY_ACCEPTED, "Kursy będą w dwóch dzielnicach.")])
    written = section(page(client, resident), "written")
    assert "answer in the outcome" in written
    assert "Partly accepted" in written and "Kursy będą w dwóch dzielnicach." in written


def test_my_proposal_shows_its_supports_and_the_answer(client, resident, consultation):
    proposal = make_proposal(consultation, author=resident, title="Kursy w soboty")
    consultation_services.proposal_support(proposal=proposal, user=UserFactory())
    html = section(page(client, resident), "written")
    assert "Kursy w soboty" in html and "waiting for the city" in html
    assert "<dt>Supports</dt><dd>1</dd>" in html
    proposal.answer_status, proposal.answer = Answer.ACCEPTED, "Od marca."
    proposal.save()
    html = section(page(client, resident), "written")
    assert "answered: accepted" in html and "Od marca." in html


def test_what_i_support_lists_others_proposals_i_support_only(client, resident, consultation):
    supported = make_proposal(consultation, title="Tłumacz w urzędzie")
    make_proposal(consultation, title="Inna propozycja")
    consultation_services.proposal_support(proposal=supported, user=resident)
    html = section(page(client, resident), "supported")
    assert "Tłumacz w urzędzie" in html and "Inna propozycja" not in html


def test_what_i_follow_has_an_unfollow_button_that_comes_back_here(client, resident, consultation):
    consultation_services.follow_toggle(user=resident, consultation=consultation, follow=True)
    consultation_services.area_follow_toggle(user=resident, area="education", follow=True)
    html = section(page(client, resident), "followed")
    assert "Lekcje polskiego" in html and "Every consultation on" in html
    response = client.post(
        reverse("consultations:follow", args=[consultation.pk]), {"follow": "no", "next": f"{URL}#followed"}
    )
    assert (response.status_code, response["Location"]) == (302, f"{URL}#followed")
    assert not Follow.objects.filter(user=resident, consultation_key=consultation.translation_key).exists()
    assert "You no longer follow Lekcje polskiego." in client.get(URL).content.decode()


def test_unfollow_never_redirects_to_another_site(client, resident, consultation):
    client.force_login(resident)
    response = client.post(
        reverse("consultations:follow", args=[consultation.pk]), {"follow": "no", "next": "https://evil.example/"}
    )
    assert "evil.example" not in response["Location"]


def test_my_registrations_show_each_request_and_the_organisers_answer(client, resident, consultation):
    event = make_event(consultation, title="Warsztaty")
    registration = event_services.registration_create(user=resident, event=event, interpreter_language="uk")
    event_services.request_decide(
        access_request=registration.requests.get(),
        official=official(),
        status=AccessRequest.Status.CONFIRMED,
        answer="Tłumaczka będzie na miejscu.",
    )
    html = section(page(client, resident), "registrations")
    assert "Warsztaty" in html and "An interpreter into" in html
    assert "Confirmed" in html and "Tłumaczka będzie na miejscu." in html
    assert reverse("events:cancel", args=[registration.pk]) in html


def test_my_names_list_the_public_name_and_each_pseudonym(client, resident, consultation):
    consultation_services.pseudonym_set(user=resident, consultation=consultation, name="Sowa")
    html = section(page(client, resident), "names")
    assert "Olena K." in html and "Sowa" in html and "Lekcje polskiego" in html


def test_settings_link_to_email_and_password_change_and_the_way_out(client, resident):
    html = page(client, resident)
    settings_part = section(html, "settings")
    assert reverse("account_email") in settings_part and reverse("account_change_password") in settings_part
    assert resident.email in settings_part
    assert reverse("accounts:account_privacy") in section(html, "data")


def test_a_resident_sees_no_council_section(client, resident):
    assert 'id="council"' not in page(client, resident)


def test_a_council_member_sees_motions_meetings_and_named_votes_but_no_secret_one(client):
    council = build_council()
    motion = submitted_motion(council, "m1", title="Tłumacze w przychodniach")
    meeting = build_meeting(council)
    mark_present(council, meeting)
    named = open_poll(council, meeting)
    vote(council, named, "m1", "yes")
    council_services.poll_close(poll=named, user=council.chair)
    secret = open_poll(council, meeting, kind=Poll.Kind.SECRET)
    vote(council, secret, "m1", "no")
    council_services.poll_close(poll=secret, user=council.chair)
    html = section(page(client, council.people["m1"]), "council")
    assert "Tłumacze w przychodniach" in html and motion.get_absolute_url() in html
    assert "My meetings" in html and str(meeting) in html and "Present" in html
    votes = html.split("How I voted in named votes")[1].split("</table>")[0]
    assert votes.count("<tr>") == 2  # the header and the named poll; the secret one is not there
    assert "<td>Yes</td>" in votes


def test_the_page_needs_the_same_queries_for_a_few_items_and_for_many(
    client, resident, consultation, django_assert_max_num_queries
):
    other = make_consultation(title="Mieszkania", allow_proposals=True)

    def add_items(count):
        for n in range(count):
            for page_ in (consultation, other):
                mine = make_comment(page_, author=resident, text=f"Komentarz {n}")
                make_comment(page_, author=official(), parent=mine, text="Odpowiedź", is_official=True)
                make_proposal(page_, author=resident, title=f"Propozycja {n}")
                make_proposal(page_).votes.up(resident.pk)  # past the services' rate limit
            event_services.registration_create(user=resident, event=make_event(consultation), sign_language=True)

    add_items(1)
    client.force_login(resident)
    client.get(URL)  # the site's root paths and content types are cached from here on
    with django_assert_max_num_queries(24) as few:
        client.get(URL)
    budget = len(few.captured_queries)  # now: the connection keeps only the latest queries
    add_items(15)
    # The officials made above joined a group: everyone's permissions are read again once.
    client.get(URL)
    with django_assert_max_num_queries(budget) as many:
        response = client.get(URL)
    assert response.content.decode().count('class="participation-item"') > 60
    assert len(many.captured_queries) == budget


def test_a_members_record_needs_the_same_queries_for_one_vote_and_for_many(client, django_assert_max_num_queries):
    council = build_council()
    meeting = build_meeting(council)
    mark_present(council, meeting)
    member = council.people["m1"]

    def hold_votes(count):
        for _ in range(count):
            poll = open_poll(council, meeting)
            vote(council, poll, "m1", "yes")
            council_services.poll_close(poll=poll, user=council.chair)
            submitted_motion(council, "m1", title="Wniosek")

    hold_votes(1)
    client.force_login(member)
    client.get(URL)
    with django_assert_max_num_queries(30) as few:
        client.get(URL)
    hold_votes(4)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(URL).content.decode()
    assert html.split("How I voted in named votes")[1].split("</table>")[0].count("<td>Yes</td>") == 5
