import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Comment
from tests.accounts.factories import UserFactory
from tests.translators.factories import make_comment, make_proposal, make_translator
from translators import selectors
from translators.models import Translation, Translator

from .conftest import DAY, HOUR

pytestmark = pytest.mark.django_db


def queue_of(translator, **kwargs):
    return selectors.translation_queue(translator=translator, now=timezone.now(), **kwargs)


def queued(translator, **kwargs):
    return [(entry["item"].pk, entry["target"]) for entry in queue_of(translator, **kwargs)["entries"]]


def test_only_approved_translators_see_the_queue(client):
    for status in (Translator.Status.PENDING, Translator.Status.REJECTED):
        translator = make_translator(status=status)
        client.force_login(translator.user)
        response = client.get("/en/translators/queue/")
        assert response.status_code == 403
        assert "Only approved translators translate." in response.content.decode()


def test_a_resident_who_never_registered_cannot_see_the_queue(client):
    client.force_login(UserFactory())
    assert client.get("/en/translators/queue/").status_code == 403


def test_visitors_are_sent_to_log_in_from_the_queue(client):
    response = client.get("/en/translators/queue/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_approved_translator_sees_a_comment_waiting_in_their_pair(client, consultation, translator):
    make_comment(consultation, text="Потрібні вечірні курси.")
    client.force_login(translator.user)
    response = client.get("/en/translators/queue/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<div class="comment__text" lang="uk">Потрібні вечірні курси.</div>' in html
    assert "Translate into Polish" in html


def test_queue_holds_only_the_translators_pairs(consultation):
    translator = make_translator(pairs=[("uk", "pl")])
    ukrainian = make_comment(consultation, language="uk")
    make_comment(consultation, language="ru", text="Нужны вечерние курсы.")
    make_comment(consultation, language="en", text="We need evening classes.")
    make_comment(consultation, language="pl", text="Potrzebne kursy wieczorowe.")
    assert queued(translator) == [(ukrainian.pk, "pl")]


def test_queue_filtered_by_one_pair(consultation, translator):
    ukrainian = make_comment(consultation, language="uk")
    russian = make_comment(consultation, language="ru", text="Нужны вечерние курсы.")
    assert queued(translator, pair_code="ru-pl") == [(russian.pk, "pl")]
    assert queued(translator, pair_code="uk-pl") == [(ukrainian.pk, "pl")]


def test_an_unknown_pair_filter_shows_all_the_translators_pairs(consultation, translator):
    make_comment(consultation, language="uk")
    make_comment(consultation, language="ru", text="Нужны вечерние курсы.")
    assert len(queued(translator, pair_code="en-pl")) == 2


def test_queue_is_oldest_first_across_comments_and_proposals(consultation, translator):
    newest = make_comment(consultation, age=2 * HOUR)
    oldest = make_proposal(consultation, age=3 * DAY)
    middle = make_comment(consultation, language="ru", text="Нужны вечерние курсы.", age=DAY)
    assert [pk for pk, _target in queued(translator)] == [oldest.pk, middle.pk, newest.pk]


def test_one_text_waits_once_per_target_language(consultation):
    translator = make_translator(pairs=[("uk", "pl"), ("uk", "en")])
    comment = make_comment(consultation)
    assert sorted(queued(translator)) == [(comment.pk, "en"), (comment.pk, "pl")]


def test_translated_texts_leave_the_queue(consultation, translator):
    comment = make_comment(consultation)
    Translation.objects.create(comment=comment, language="pl", translator=translator.user, text="Potrzebne kursy.")
    assert queued(translator) == []


def test_hidden_comments_are_never_in_the_queue(consultation, translator):
    make_comment(consultation, state=Comment.State.HIDDEN)
    make_comment(consultation, state=Comment.State.DELETED, text="")
    make_proposal(consultation, is_hidden=True)
    assert queued(translator) == []


def test_a_comment_its_author_may_still_edit_waits_before_entering_the_queue(consultation, translator):
    make_comment(consultation, age=HOUR / 60)
    assert queued(translator) == []


def test_queue_is_paginated(consultation, translator):
    for index in range(selectors.QUEUE_PER_PAGE + 3):
        make_comment(consultation, text=f"Коментар номер {index}", age=DAY + index * HOUR)
    first = queue_of(translator)
    second = queue_of(translator, page_number=2)
    assert (len(first["entries"]), len(second["entries"])) == (selectors.QUEUE_PER_PAGE, 3)
    assert first["page"].paginator.count == selectors.QUEUE_PER_PAGE + 3


def test_queue_query_count_does_not_grow_with_its_length(consultation, translator, django_assert_max_num_queries):
    def count_queries():
        with django_assert_max_num_queries(7) as captured:  # one is the site's view restrictions
            queue_of(translator, language="en")
        return len(captured)

    make_comment(consultation)
    make_proposal(consultation)
    few = count_queries()
    for index in range(40):
        make_comment(consultation, text=f"Коментар {index}", age=DAY + index * HOUR)
        make_proposal(consultation, title=f"Пропозиція {index}", age=DAY + index * HOUR)
    assert count_queries() == few


def test_queue_page_links_the_translation_form(client, consultation, translator):
    comment = make_comment(consultation)
    client.force_login(translator.user)
    html = client.get("/en/translators/queue/").content.decode()
    assert reverse("translators:translate", args=["comment", comment.pk, "pl"]) in html


def test_queue_page_links_each_text_to_its_place_without_a_query_per_entry(client, consultation, translator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(translator.user)

    def page_queries():
        with CaptureQueriesContext(connection) as captured:
            html = client.get("/en/translators/queue/").content.decode()
        return len(captured), html

    comment = make_comment(consultation)
    page_queries()  # caches of the site warm up
    few, html = page_queries()
    assert f"#comment-{comment.pk}" in html
    for index in range(15):
        make_comment(consultation, text=f"Коментар {index}", age=DAY + index * HOUR)
    assert page_queries()[0] == few
