import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations import services, threads
from consultations.models import COMMENT_MAX_LENGTH, Comment
from core import pagecache
from tests.accounts.factories import UserFactory
from tests.consultations.factories import comment_url

pytestmark = pytest.mark.django_db


def test_visitor_sees_the_consultation_and_is_asked_to_log_in(client, open_consultation):
    response = client.get(open_consultation.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zaloguj się, aby dodać komentarz." in html
    assert 'name="text"' not in html


def test_resident_posts_a_comment_and_sees_it(client, open_consultation, resident):
    client.force_login(resident)
    response = client.post(comment_url(open_consultation), {"text": "Zajęcia po południu, proszę.", "language": "pl"})
    comment = Comment.objects.get(consultation_key=open_consultation.translation_key)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    html = client.get(open_consultation.url).content.decode()
    assert "Zajęcia po południu, proszę." in html
    assert f'id="comment-{comment.pk}"' in html


def test_refused_comment_comes_back_with_the_text_kept(client, open_consultation, resident):
    client.force_login(resident)
    text = "x" * (COMMENT_MAX_LENGTH + 1)
    response = client.post(comment_url(open_consultation), {"text": text, "language": "uk"})
    assert response.status_code == 400
    assert text in response.content.decode()
    assert response.context["comment_form"].errors["text"]
    assert not Comment.objects.filter(consultation_key=open_consultation.translation_key).exists()


def test_refusal_by_a_rule_is_shown_translated(client, open_consultation, resident):
    client.force_login(resident)
    client.post(comment_url(open_consultation), {"text": "Tak", "language": "pl"})
    response = client.post(comment_url(open_consultation), {"text": "Tak", "language": "pl"})
    assert response.status_code == 400
    assert "Właśnie wysłano ten sam komentarz." in response.content.decode()


def test_anonymous_post_is_refused(client, open_consultation):
    response = client.post(comment_url(open_consultation), {"text": "Anonim", "language": "pl"})
    assert response.status_code == 400
    assert not Comment.objects.filter(consultation_key=open_consultation.translation_key).exists()


def test_comment_text_is_escaped_and_keeps_line_breaks_and_safe_links(client, open_consultation, resident):
    services.comment_post(
        consultation=open_consultation,
        author=resident,
        text='<script>alert("x")</script>\nZobacz https://example.org/plan',
        language="uk",
    )
    html = client.get(open_consultation.url).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<br>" in html
    assert re.search(r'<a href="https://example.org/plan" rel="nofollow">', html)
    assert '<div class="comment__text" lang="uk">' in html


def test_reply_link_prefills_the_parent(client, open_consultation, resident, other_resident):
    top = services.comment_post(consultation=open_consultation, author=resident, text="Pytanie", language="pl")
    client.force_login(other_resident)
    response = client.get(f"{open_consultation.url}?reply={top.pk}")
    assert response.context["comment_form"].initial["parent"] == top.pk
    client.post(comment_url(open_consultation), {"text": "Odpowiedź", "language": "pl", "parent": top.pk})
    assert Comment.objects.get(text="Odpowiedź").parent == top


def test_author_edits_through_the_form(client, open_consultation, resident):
    comment = services.comment_post(consultation=open_consultation, author=resident, text="Pierwsza", language="pl")
    client.force_login(resident)
    assert client.get(f"/pl/participation/comments/{comment.pk}/edit/").status_code == 200
    client.post(f"/pl/participation/comments/{comment.pk}/edit/", {"text": "Druga"})
    comment.refresh_from_db()
    assert comment.text == "Druga"


def test_another_person_cannot_open_the_edit_form(client, open_consultation, resident, other_resident):
    comment = services.comment_post(consultation=open_consultation, author=resident, text="Moja", language="pl")
    client.force_login(other_resident)
    response = client.post(f"/pl/participation/comments/{comment.pk}/edit/", {"text": "Cudza"})
    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.text == "Moja"


def test_delete_needs_post_and_shows_a_placeholder(client, open_consultation, resident):
    comment = services.comment_post(consultation=open_consultation, author=resident, text="Usuń", language="pl")
    client.force_login(resident)
    assert client.get(f"/pl/participation/comments/{comment.pk}/delete/").status_code == 405
    client.post(f"/pl/participation/comments/{comment.pk}/delete/")
    html = client.get(open_consultation.url).content.decode()
    assert "Komentarz został usunięty przez autora lub autorkę." in html
    assert '<div class="comment__text"' not in html


def test_rating_through_the_form(client, open_consultation, resident, other_resident):
    comment = services.comment_post(consultation=open_consultation, author=resident, text="Dobre", language="pl")
    client.force_login(other_resident)
    client.post(f"/pl/participation/comments/{comment.pk}/rate/", {"rating": "up"})
    comment.refresh_from_db()
    assert comment.num_vote_up == 1
    html = client.get(open_consultation.url).content.decode()
    assert 'aria-pressed="true"' in html


def test_csrf_is_required_for_comments(open_consultation, resident):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    response = client.post(comment_url(open_consultation), {"text": "Bez tokenu", "language": "pl"})
    assert response.status_code == 403
    assert not Comment.objects.filter(consultation_key=open_consultation.translation_key).exists()


def add_comments(consultation, count, authors):
    comments = Comment.objects.bulk_create(
        Comment(consultation_key=consultation.translation_key, author=authors[n % 5], text=f"K{n}", language="pl")
        for n in range(count)
    )
    Comment.objects.bulk_create(
        Comment(consultation_key=consultation.translation_key, author=authors[0], text="R", language="pl", parent=c)
        for c in comments[: count // 3]
    )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def rendered_afresh(client, consultation, query=""):
    """The queries of the page with its body and threads rendered again (the clock's
    moments of this generation of the page cache already read, as they are once per process)."""
    threads.changed(consultation.translation_key)
    pagecache.bump()  # as any write does: the body is rendered again too
    pagecache.valid_until(pagecache.generation())
    return queries_for(client, consultation.url + query)


def test_consultation_page_queries_are_the_same_with_10_and_500_comments(
    client, open_consultation, django_assert_max_num_queries
):
    authors = [UserFactory() for _ in range(5)]
    client.force_login(authors[1])
    add_comments(open_consultation, 10, authors)
    client.get(open_consultation.url)
    with_ten = rendered_afresh(client, open_consultation)
    add_comments(open_consultation, 490, authors)
    with_five_hundred = rendered_afresh(client, open_consultation)
    assert with_ten == with_five_hundred
    # The budget of a rendering: 14 on PostgreSQL today.  The page itself (its route, the
    # site, the view restrictions, its outcome and easy-read version come from the cache), the
    # reader, their follow state, pseudonym and verified address (one query), their ratings and
    # supports of what is shown (one), the proposals, the areas, the sections' proposed-wording
    # counts, the council's opinions, the events, the threads and the translations.
    assert with_ten <= 14
    # Once rendered, the body is kept: the page, the reader, their facts and their votes.
    client.get(open_consultation.url + "?page=20")
    with django_assert_max_num_queries(4):
        client.get(open_consultation.url + "?page=20")


def test_no_two_elements_of_a_consultation_page_share_an_id(client, resident):
    from collections import Counter

    from tests.consultations.factories import make_consultation

    from .conftest import DAY, NOW

    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, allow_proposals=True, slug="ids")
    services.comment_post(consultation=consultation, author=UserFactory(), text="Jeden", language="pl")
    client.force_login(resident)
    ids = Counter(re.findall(r'\sid="([^"]+)"', client.get(consultation.url).content.decode()))
    assert [name for name, count in ids.items() if count > 1] == []


def test_a_comment_sent_to_the_page_itself_is_passed_on_with_its_body(client, open_consultation, resident):
    """A form loaded before comments got their own address still loses nothing."""
    client.force_login(resident)
    response = client.post(open_consultation.url, {"text": "Ze starego formularza", "language": "pl"})
    assert response.status_code == 307
    assert response["Location"] == comment_url(open_consultation)
