"""The body of a consultation page is rendered once and shared (consultations.pagebody):
every reader gets only their own buttons, forms, names, messages and CSRF token, and
every change shows on the next request: here what changes the page around the threads (a
republished page, a write no service announces, an event, the clock); changes to the
comments, ratings, supports and translations are in test_thread_cache.py, through the same page."""

import datetime
import re
from unittest import mock

import pytest
from django.contrib.sessions.backends.cache import SessionStore
from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from consultations import services
from consultations.models import Comment, ConsultationPseudonym
from consultations.pagebody import SiteRequest
from core import pagecache
from events.models import Event
from tests.accounts import factories as people
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_comment, make_proposal

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def consultation(open_consultation):
    open_consultation.allow_proposals = True
    open_consultation.save_revision().publish()
    open_consultation.refresh_from_db()
    return open_consultation


def html_of(client, consultation, query=""):
    response = client.get(consultation.url + query)
    assert response.status_code == 200
    return response.content.decode()


def part(html, element_id, end="</article>"):
    start = html.index(f'id="{element_id}"')
    return html[start : html.index(end, start)]


def kept(client, consultation, query=""):
    """The page, asserting that its body came from the cache (no comment or proposal read)."""
    with CaptureQueriesContext(connection) as queries:
        html = html_of(client, consultation, query)
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "consultations_comment" not in read
    assert "consultations_proposal" not in read
    return html


def signed_in(*persons):
    """A client per person, all signed in before any page is read (signing in writes
    the person's last login, which renews every kept body)."""
    clients = []
    for person in persons:
        client = Client()
        if person is not None:
            client.force_login(person)
        clients.append(client)
    return clients


# --- nothing personal reaches another reader -----------------------------------------


def test_each_reader_sees_only_their_own_pressed_rating_and_support(consultation):
    anna, borys = UserFactory(display_name="Anna"), UserFactory(display_name="Borys")
    comment, proposal = make_comment(consultation), make_proposal(consultation)
    services.comment_rate(comment=comment, user=anna, rating="up")
    services.proposal_support(proposal=proposal, user=anna)
    annas, borys_ = signed_in(anna, borys)
    html_of(annas, consultation)  # the body is rendered once, here

    seen_by_anna = kept(annas, consultation)
    seen_by_borys = kept(borys_, consultation)

    assert 'aria-pressed="true"' in part(seen_by_anna, f"comment-{comment.pk}")
    assert 'name="support" value="no"' in part(seen_by_anna, f"proposal-{proposal.pk}")
    assert "aria-pressed" not in seen_by_borys
    assert 'name="support" value="no"' not in seen_by_borys
    assert f"/proposals/{proposal.pk}/support/" in seen_by_borys  # Borys may support it too


def test_edit_and_delete_links_are_the_authors_own(consultation):
    anna, borys = UserFactory(display_name="Anna"), UserFactory(display_name="Borys")
    annas = make_comment(consultation, author=anna, age=datetime.timedelta(minutes=1))
    borys_own = make_comment(consultation, author=borys, age=datetime.timedelta(minutes=1))
    annas_client, borys_client = signed_in(anna, borys)
    html_of(borys_client, consultation)

    seen_by_anna = kept(annas_client, consultation)
    seen_by_borys = kept(borys_client, consultation)

    for own, other, html in ((annas, borys_own, seen_by_anna), (borys_own, annas, seen_by_borys)):
        assert f"/comments/{own.pk}/edit/" in html
        assert f"/comments/{own.pk}/delete/" in html
        assert f"/comments/{other.pk}/edit/" not in html
        assert f"/comments/{other.pk}/delete/" not in html
    # Nobody rates what they wrote.
    assert f"/comments/{annas.pk}/rate/" not in seen_by_anna
    assert f"/comments/{annas.pk}/rate/" in seen_by_borys


def test_each_reader_gets_their_own_csrf_token_and_a_visitor_none(consultation):
    make_comment(consultation)
    make_proposal(consultation)
    annas, borys, visitors = signed_in(UserFactory(), UserFactory(), None)
    html_of(annas, consultation)

    annas_tokens = set(TOKEN.findall(kept(annas, consultation)))
    borys_tokens = set(TOKEN.findall(kept(borys, consultation)))
    response = visitors.get(consultation.url)
    seen_by_visitor = response.content.decode()

    # Every form (rating, support, follow, pseudonym, proposal, comment, signing out) has one token.
    assert len(annas_tokens) == 1
    assert len(borys_tokens) == 1
    assert not annas_tokens & borys_tokens
    assert not TOKEN.search(seen_by_visitor)
    assert "csrftoken" not in response.cookies
    assert next(iter(annas_tokens)) not in seen_by_visitor


def test_the_follow_button_shows_the_readers_own_state(consultation):
    anna = UserFactory()
    services.follow_toggle(user=anna, consultation=consultation, follow=True)
    annas, borys, visitors = signed_in(anna, UserFactory(), None)
    html_of(annas, consultation)

    seen_by_anna = kept(annas, consultation)
    seen_by_borys = kept(borys, consultation)
    seen_by_visitor = kept(visitors, consultation)

    assert 'name="follow" value="no"' in seen_by_anna
    assert 'name="follow" value="no"' not in seen_by_borys
    assert 'name="follow" value="yes"' in seen_by_borys
    assert 'name="follow"' not in seen_by_visitor
    assert "%23follow" in seen_by_visitor  # the way to log in and come back


def test_the_name_in_the_comment_form_is_the_readers_own(consultation):
    anna, borys = UserFactory(display_name="Anna Kowalska"), UserFactory(display_name="Borys Nowak")
    ConsultationPseudonym.objects.create(user=anna, consultation_key=consultation.translation_key, name="Anka z Oruni")
    annas, borys_ = signed_in(anna, borys)
    html_of(annas, consultation)

    seen_by_anna = kept(annas, consultation)
    seen_by_borys = kept(borys_, consultation)

    assert "Anka z Oruni" in part(seen_by_anna, "pseudonym", "</details>")
    assert "Anka z Oruni" not in seen_by_borys
    assert "Anna Kowalska" not in seen_by_borys
    assert "Borys Nowak" in part(seen_by_borys, "pseudonym", "</details>")


def test_messages_after_an_action_reach_only_the_reader_who_acted(consultation):
    proposal = make_proposal(consultation)
    annas, borys = signed_in(UserFactory(), UserFactory())
    with translation.override("pl"):
        support = reverse("consultations:proposal_support", args=[proposal.pk])
        follow = reverse("consultations:follow", args=[consultation.pk])
    annas.post(support, {"support": "yes"})
    seen_by_anna = annas.post(follow, {"follow": "yes"}, follow=True).content.decode()

    assert "messages--inline" in part(seen_by_anna, "follow", "</form>")
    assert "messages--inline" in part(seen_by_anna, f"proposal-{proposal.pk}")
    assert "messages--inline" not in kept(borys, consultation)
    assert "messages--inline" not in kept(annas, consultation)  # shown once


def test_an_official_gets_the_citys_answer_box_and_a_resident_does_not(consultation):
    officials, residents = signed_in(people.official(), UserFactory())
    seen_by_official = html_of(officials, consultation)
    seen_by_resident = kept(residents, consultation)

    assert 'name="official"' in seen_by_official
    assert 'name="official"' not in seen_by_resident


def test_staff_links_follow_the_reader_not_the_kept_body(consultation):
    moderators, facilitators, residents = signed_in(people.moderator(), people.facilitator(), UserFactory())
    seen_by_moderator = html_of(moderators, consultation)
    seen_by_facilitator = kept(facilitators, consultation)
    seen_by_resident = kept(residents, consultation)

    entering = f"/facilitate/{consultation.pk}/"
    assert 'href="/admin/"' in seen_by_moderator
    assert 'href="/admin/"' not in seen_by_resident
    assert entering in seen_by_facilitator
    assert entering not in seen_by_resident
    assert entering not in seen_by_moderator


def test_a_readers_reply_form_is_their_own(consultation):
    top = make_comment(consultation, author=UserFactory(display_name="Pedro"))
    annas, borys = signed_in(UserFactory(), UserFactory())
    html_of(borys, consultation)
    replying = html_of(annas, consultation, f"?reply={top.pk}")
    assert f'name="parent" value="{top.pk}"' in replying
    assert "Pedro" in part(replying, "comment-form-heading", "</h3>")
    assert f'name="parent" value="{top.pk}"' not in kept(borys, consultation)
    assert "Pedro" not in part(kept(borys, consultation), "comment-form-heading", "</h3>")


# --- every change shows on the next request ---------------------------------------------


@pytest.fixture
def reader(client, db):
    person = UserFactory(display_name="Czytelniczka")
    client.force_login(person)
    return person


def test_a_republished_page_shows_on_the_next_request(client, reader, consultation):
    assert "Nowy tytuł konsultacji" not in html_of(client, consultation)
    consultation.title = "Nowy tytuł konsultacji"
    consultation.save_revision().publish()
    assert "Nowy tytuł konsultacji" in html_of(client, consultation)


def test_a_write_that_sends_no_signal_shows_on_the_next_request(client, reader, consultation):
    comment = make_comment(consultation, text="Stary tekst")
    assert "Stary tekst" in html_of(client, consultation)
    Comment.objects.filter(pk=comment.pk).update(text="Tekst zmieniony w bazie")
    assert "Tekst zmieniony w bazie" in html_of(client, consultation)


def test_a_new_event_shows_on_the_next_request(client, reader, consultation):
    html_of(client, consultation)
    Event.objects.create(
        consultation_key=consultation.translation_key,
        title="Spotkanie w bibliotece",
        kind=Event.Kind.WORKSHOP,
        capacity=20,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        ends_at=timezone.now() + datetime.timedelta(days=2, hours=2),
        place="Biblioteka",
    )
    assert "Spotkanie w bibliotece" in html_of(client, consultation)


def test_a_consultation_that_closes_shows_closed_without_any_write(client, reader, consultation):
    form = f"/comments/new/{consultation.pk}/"
    assert form in html_of(client, consultation)
    later = consultation.closes_at + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        html = html_of(client, consultation)
    assert form not in html
    assert "data-live-socket" not in html  # the live banner is for open consultations only


def test_without_the_generation_the_body_is_rendered_for_the_request_alone(client, reader, consultation):
    comment = make_comment(consultation, text="Pierwszy")
    html_of(client, consultation)
    with mock.patch.object(pagecache, "generation", return_value=None):
        Comment.objects.filter(pk=comment.pk).update(text="Drugi")
        assert "Drugi" in html_of(client, consultation)


# --- queries -------------------------------------------------------------------------------


def test_a_kept_body_costs_a_signed_in_reader_four_queries(client, reader, consultation, django_assert_max_num_queries):
    people_ = [UserFactory() for _ in range(5)]
    now = timezone.now()
    Comment.objects.bulk_create(
        Comment(
            consultation_key=consultation.translation_key,
            author=people_[n % 5],
            text=f"Komentarz {n}",
            language="pl",
            created_at=now - datetime.timedelta(minutes=n),
        )
        for n in range(500)
    )
    for n in range(3):
        make_proposal(consultation, title=f"Propozycja {n}")
    html_of(client, consultation)
    # The page (routing), the reader, their follow state, name and verified address, their
    # ratings and supports of what is shown.
    with django_assert_max_num_queries(4):
        kept(client, consultation)


def test_the_shared_body_sees_the_requests_address_but_nothing_of_its_reader(rf):
    request = rf.get("/pl/consultations/x/", HTTP_HOST="rada.example.org", HTTP_COOKIE="sessionid=secret")
    request.user, request.session = UserFactory(display_name="Anna Kowalska"), SessionStore()
    seen = Template(
        "{{ request.path }}|{{ request.get_host }}|{{ request.user }}|{{ request.session }}|{{ request.COOKIES }}"
        "|{{ request.META.HTTP_COOKIE }}"
    ).render(Context({"request": SiteRequest(request)}))
    assert seen == "/pl/consultations/x/|rada.example.org||||"
