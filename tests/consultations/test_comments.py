import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from consultations import services
from consultations.models import COMMENT_MAX_LENGTH, Comment
from core.errors import RuleBroken
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


def post(consultation, author, text="Dzień dobry, mam pytanie.", **kwargs):
    return services.comment_post(consultation=consultation, author=author, text=text, language="pl", **kwargs)


def test_resident_comments_on_an_open_consultation(open_consultation, resident):
    comment = post(open_consultation, resident)
    assert comment.consultation_key == open_consultation.translation_key
    assert comment.is_published


def test_comment_on_one_section(open_consultation, resident):
    section_id = next(iter(open_consultation.section_titles()))
    assert post(open_consultation, resident, section_id=section_id).section_id == section_id


def test_comment_on_an_unknown_section_is_refused(open_consultation, resident):
    with pytest.raises(RuleBroken, match="section"):
        post(open_consultation, resident, section_id="not-a-section")


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [(NOW + DAY, NOW + 9 * DAY, "when the consultation opens"), (NOW - 9 * DAY, NOW - DAY, "closed")],
)
def test_no_comments_before_opening_or_after_closing(resident, opens, closes, message):
    consultation = make_consultation(opens_at=opens, closes_at=closes)
    with pytest.raises(RuleBroken, match=message):
        post(consultation, resident)
    assert not Comment.objects.filter(consultation_key=consultation.translation_key).exists()


def test_comment_exactly_at_closing_time_is_refused(resident):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW)
    with pytest.raises(RuleBroken):
        services.comment_post(consultation=consultation, author=resident, text="x", language="pl", now=NOW)


def test_unverified_account_cannot_comment(open_consultation):
    with pytest.raises(RuleBroken, match="Confirm your e-mail"):
        post(open_consultation, UserFactory(verified=False))


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_comment_is_refused(open_consultation, resident, text):
    with pytest.raises(RuleBroken, match="write something"):
        post(open_consultation, resident, text=text)


def test_oversized_comment_is_refused_with_its_length(open_consultation, resident):
    with pytest.raises(RuleBroken, match=str(COMMENT_MAX_LENGTH + 1)):
        post(open_consultation, resident, text="a" * (COMMENT_MAX_LENGTH + 1))


def test_the_same_comment_twice_in_a_row_is_refused(open_consultation, resident):
    post(open_consultation, resident, text="Popieram.")
    with pytest.raises(RuleBroken, match="same comment"):
        post(open_consultation, resident, text="Popieram.")
    assert Comment.objects.filter(consultation_key=open_consultation.translation_key).count() == 1


def test_commenting_too_fast_is_rate_limited(open_consultation, resident):
    for number in range(services.COMMENTS_PER_MINUTE):
        post(open_consultation, resident, text=f"Uwaga {number}")
    with pytest.raises(RuleBroken, match="very quickly"):
        post(open_consultation, resident, text="Jeszcze jedna")


def test_reply_to_a_reply_attaches_to_the_thread(open_consultation, resident, other_resident):
    top = post(open_consultation, resident)
    reply = post(open_consultation, other_resident, text="Odpowiedź", parent=top)
    deeper = post(open_consultation, resident, text="I jeszcze", parent=reply)
    assert reply.parent == top
    assert deeper.parent == top


def test_reply_inherits_the_section_of_its_thread(open_consultation, resident, other_resident):
    section_id = next(iter(open_consultation.section_titles()))
    top = post(open_consultation, resident, section_id=section_id)
    assert post(open_consultation, other_resident, text="Tak", parent=top).section_id == section_id


def test_reply_to_a_comment_of_another_consultation_is_refused(open_consultation, resident):
    other = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, title="Inna")
    foreign = post(other, resident)
    with pytest.raises(RuleBroken, match="this consultation"):
        post(open_consultation, resident, text="x", parent=foreign)


def test_author_edits_within_the_window(open_consultation, resident):
    comment = post(open_consultation, resident)
    services.comment_edit(
        comment=comment, user=resident, text="Poprawione", now=comment.created_at + datetime.timedelta(minutes=5)
    )
    comment.refresh_from_db()
    assert comment.text == "Poprawione"
    assert comment.edited_at is not None


def test_edit_after_the_window_is_refused(open_consultation, resident):
    comment = post(open_consultation, resident)
    with pytest.raises(RuleBroken, match="no longer be edited"):
        services.comment_edit(
            comment=comment, user=resident, text="Za późno", now=comment.created_at + datetime.timedelta(hours=1)
        )


def test_someone_else_cannot_edit(open_consultation, resident, other_resident):
    comment = post(open_consultation, resident)
    with pytest.raises(RuleBroken):
        services.comment_edit(comment=comment, user=other_resident, text="Cudze")


def test_author_deletes_and_the_thread_keeps_a_placeholder(open_consultation, resident, other_resident):
    top = post(open_consultation, resident)
    post(open_consultation, other_resident, text="Odpowiedź", parent=top)
    services.comment_delete(comment=top, user=resident)
    top.refresh_from_db()
    assert top.state == Comment.State.DELETED
    assert top.text == ""
    assert top.replies.count() == 1


def test_someone_else_cannot_delete(open_consultation, resident, other_resident):
    comment = post(open_consultation, resident)
    with pytest.raises(RuleBroken):
        services.comment_delete(comment=comment, user=other_resident)
    comment.refresh_from_db()
    assert comment.is_published


def test_the_database_refuses_a_published_comment_without_text(open_consultation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.create(
            consultation_key=open_consultation.translation_key, author=UserFactory(), text="", language="pl"
        )


def test_comments_are_shared_by_all_translations_of_a_consultation(open_consultation, resident, locales):
    english = open_consultation.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    post(open_consultation, resident)
    assert Comment.objects.filter(consultation_key=english.translation_key).count() == 1


def test_now_defaults_to_the_current_time(open_consultation, resident):
    comment = post(open_consultation, resident)
    assert abs(comment.created_at - timezone.now()) < datetime.timedelta(seconds=5)
