"""The comment threads are rendered once and kept in the cache (consultations.threads):
every change shows on the next request, and nobody's personal bits reach anyone else."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from consultations import services, threads
from consultations.models import COMMENTS_PER_PAGE, Comment
from core import pagecache
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_comment, make_proposal
from tests.translators.factories import make_translator
from translators import services as translators

pytestmark = pytest.mark.django_db


def page(client, consultation, query=""):
    response = client.get(consultation.url + query)
    assert response.status_code == 200
    return response.content.decode()


def article(html, comment):
    """The markup of one comment."""
    start = html.index(f'id="comment-{comment.pk}"')
    return html[start : html.index("</article>", start)]


@pytest.fixture
def reader(client, db):
    person = UserFactory(display_name="Czytelniczka")
    client.force_login(person)
    return person


def test_a_new_comment_shows_on_the_next_request(client, reader, open_consultation, other_resident):
    assert "Nowy komentarz" not in page(client, open_consultation)
    services.comment_post(consultation=open_consultation, author=other_resident, text="Nowy komentarz", language="pl")
    assert "Nowy komentarz" in page(client, open_consultation)


def test_a_reply_shows_on_the_next_request(client, reader, open_consultation, other_resident):
    top = make_comment(open_consultation)
    page(client, open_consultation)
    services.comment_post(
        consultation=open_consultation, author=other_resident, text="Odpowiedź", language="pl", parent=top
    )
    assert "Odpowiedź" in page(client, open_consultation)


def test_an_edit_shows_on_the_next_request(client, reader, open_consultation, other_resident):
    comment = make_comment(open_consultation, author=other_resident, text="Pierwsza wersja", age=datetime.timedelta())
    assert "Pierwsza wersja" in page(client, open_consultation)
    services.comment_edit(comment=comment, user=other_resident, text="Druga wersja")
    html = page(client, open_consultation)
    assert "Druga wersja" in html
    assert "Pierwsza wersja" not in html


def test_a_comment_hidden_by_a_moderator_disappears_on_the_next_request(client, reader, open_consultation, moderator):
    comment = make_comment(open_consultation, text="Obraźliwy tekst")
    assert "Obraźliwy tekst" in page(client, open_consultation)
    services.comment_hide(comment=comment, moderator=moderator, reason="Obraźliwe.")
    assert "Obraźliwy tekst" not in page(client, open_consultation)


def test_a_deleted_comment_disappears_on_the_next_request(client, reader, open_consultation, other_resident):
    comment = make_comment(open_consultation, author=other_resident, text="Do usunięcia")
    assert "Do usunięcia" in page(client, open_consultation)
    services.comment_delete(comment=comment, user=other_resident)
    assert "Do usunięcia" not in page(client, open_consultation)


def test_a_rating_shows_on_the_next_request(client, reader, open_consultation, other_resident):
    comment = make_comment(open_consultation)
    assert "▲ 0 ▼ 0" in article(page(client, open_consultation), comment)
    services.comment_rate(comment=comment, user=other_resident, rating="up")
    assert "▲ 1 ▼ 0" in article(page(client, open_consultation), comment)


def test_a_translation_of_a_comment_shows_on_the_next_request(client, reader, open_consultation):
    comment = make_comment(open_consultation, text="Потрібні курси", language="uk")
    translator = make_translator(pairs=(("uk", "pl"),))
    assert "Potrzebne kursy" not in page(client, open_consultation)
    translators.translation_submit(item=comment, translator=translator.user, language="pl", text="Potrzebne kursy")
    assert "Potrzebne kursy" in article(page(client, open_consultation), comment)


def test_a_new_pseudonym_shows_on_the_next_request(client, reader, open_consultation, other_resident):
    comment = make_comment(open_consultation, author=other_resident)
    assert "Pedro" in article(page(client, open_consultation), comment)
    services.pseudonym_set(user=other_resident, consultation=open_consultation, name="Sąsiad z Oruni")
    assert "Sąsiad z Oruni" in article(page(client, open_consultation), comment)


def test_a_changed_public_name_shows_on_the_next_request(client, reader, open_consultation, other_resident):
    comment = make_comment(open_consultation, author=other_resident)
    page(client, open_consultation)
    other_resident.display_name = "Pedro Almeida"
    other_resident.save()
    assert "Pedro Almeida" in article(page(client, open_consultation), comment)


def test_a_proposal_support_counts_on_the_next_request(client, reader, open_consultation, other_resident):
    open_consultation.allow_proposals = True
    open_consultation.save()
    proposal = make_proposal(open_consultation)
    before = client.get(open_consultation.url).context["counts"]["participants"]
    services.proposal_support(proposal=proposal, user=other_resident)
    assert client.get(open_consultation.url).context["counts"]["participants"] == before + 1


def test_each_language_gets_its_own_rendering(client, open_consultation):
    make_comment(open_consultation)
    assert "?lang=pl" in page(client, open_consultation)
    client.cookies["django_language"] = "en"
    english = client.get(open_consultation.url.replace("/pl/", "/en/", 1), follow=True).content.decode()
    assert "?lang=pl" not in english


def test_a_later_page_of_threads_is_kept_apart(client, reader, open_consultation):
    for number in range(COMMENTS_PER_PAGE + 1):
        make_comment(open_consultation, text=f"Komentarz numer {number}.")
    first, second = page(client, open_consultation), page(client, open_consultation, "?page=2")
    assert f"Komentarz numer {COMMENTS_PER_PAGE}." in second
    assert f"Komentarz numer {COMMENTS_PER_PAGE}." not in first


def test_a_page_past_the_end_shows_the_last_page(client, open_consultation):
    for number in range(COMMENTS_PER_PAGE + 1):
        make_comment(open_consultation, text=f"Komentarz numer {number}.")
    assert f"Komentarz numer {COMMENTS_PER_PAGE}." in page(client, open_consultation, "?page=99")
    assert "Komentarz numer 0." in page(client, open_consultation, "?page=nonsense")


# --- nothing personal leaks ---------------------------------------------------------


def test_two_residents_see_only_their_own_ratings_and_edit_links(client, open_consultation):
    anna, borys = UserFactory(display_name="Anna"), UserFactory(display_name="Borys")
    recent = datetime.timedelta(minutes=1)
    annas = make_comment(open_consultation, author=anna, text="Komentarz Anny", age=recent)
    borys_own = make_comment(open_consultation, author=borys, text="Komentarz Borysa", age=recent)
    services.comment_rate(comment=borys_own, user=anna, rating="up")
    client.force_login(anna)
    seen_by_anna = page(client, open_consultation)
    client.force_login(borys)
    seen_by_borys = page(client, open_consultation)

    edit = "/comments/{}/edit/"
    assert edit.format(annas.pk) in seen_by_anna
    assert edit.format(borys_own.pk) not in seen_by_anna
    assert edit.format(borys_own.pk) in seen_by_borys
    assert edit.format(annas.pk) not in seen_by_borys
    # Anna's "up" is pressed on her page only; nobody may rate their own comment.
    assert 'aria-pressed="true"' in article(seen_by_anna, borys_own)
    assert "aria-pressed" not in seen_by_borys
    assert f"/comments/{borys_own.pk}/rate/" not in seen_by_borys


def test_a_visitor_gets_no_buttons_and_nobody_gets_another_readers_csrf_token(client, open_consultation):
    anna = UserFactory(display_name="Anna")
    comment = make_comment(open_consultation)
    client.force_login(anna)
    annas = page(client, open_consultation)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', article(annas, comment)).group(1)
    client.logout()
    visitors = page(client, open_consultation)
    assert f"/comments/{comment.pk}/rate/" not in visitors
    assert token not in visitors


def test_the_moderators_reason_is_shown_to_the_author_only(client, open_consultation, moderator, other_resident):
    comment = make_comment(open_consultation, author=other_resident)
    services.comment_hide(comment=comment, moderator=moderator, reason="Poza tematem konsultacji.")
    client.force_login(other_resident)
    assert "Poza tematem konsultacji." in article(page(client, open_consultation), comment)
    client.force_login(UserFactory())
    assert "Poza tematem konsultacji." not in page(client, open_consultation)


def test_feedback_after_rating_shows_beside_the_comment_for_the_rater_only(client, open_consultation, other_resident):
    comment = make_comment(open_consultation)
    client.force_login(other_resident)
    with translation.override("pl"):
        rate = reverse("consultations:comment_rate", args=[comment.pk])
    response = client.post(rate, {"rating": "up"}, follow=True)
    region = r"<div class=\"inline-feedback\" role=\"status\">(.*?)</div>"
    feedback = re.search(region, article(response.content.decode(), comment), re.S)
    assert "messages--inline" in feedback.group(1)
    client.force_login(UserFactory())
    assert "messages--inline" not in page(client, open_consultation)


# --- queries ------------------------------------------------------------------------


def _many_comments(consultation, count):
    people = [UserFactory() for _ in range(5)]
    now = timezone.now()
    Comment.objects.bulk_create(
        Comment(
            consultation_key=consultation.translation_key,
            author=people[n % len(people)],
            text=f"Komentarz {n}",
            language="pl",
            created_at=now - datetime.timedelta(minutes=n),
        )
        for n in range(count)
    )
    threads.changed(consultation.translation_key)  # bulk_create sends no signal


def test_a_logged_in_readers_queries_do_not_grow_with_500_comments(
    client, reader, open_consultation, django_assert_max_num_queries
):
    make_comment(open_consultation)
    client.get(open_consultation.url)  # the caches of the page tree and locales
    # A write renews every fragment (core.cache.fragment), as the 500 comments below will.
    make_comment(open_consultation)
    pagecache.valid_until(pagecache.generation())  # the clock's moments, read once per generation
    with django_assert_max_num_queries(16) as one:
        page(client, open_consultation)
    _many_comments(open_consultation, 500)
    pagecache.valid_until(pagecache.generation())
    with django_assert_max_num_queries(len(one.captured_queries)):
        page(client, open_consultation)  # rendered again
    with django_assert_max_num_queries(4) as shared:
        page(client, open_consultation)  # the body, with its threads, from the cache
    assert not any("consultations_comment" in query["sql"] for query in shared.captured_queries)
