import pytest

from consultations import services
from core.errors import RuleBroken
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(open_consultation, resident):
    return services.comment_post(consultation=open_consultation, author=resident, text="Dobry pomysł", language="pl")


def rate(comment, user, rating):
    return services.comment_rate(comment=comment, user=user, rating=rating)


def test_rating_up_counts_once(comment, other_resident):
    rate(comment, other_resident, "up")
    rate(comment, other_resident, "up")
    comment.refresh_from_db()
    assert (comment.num_vote_up, comment.num_vote_down, comment.vote_score) == (1, 0, 1)


def test_changing_a_rating_moves_it(comment, other_resident):
    rate(comment, other_resident, "up")
    rate(comment, other_resident, "down")
    comment.refresh_from_db()
    assert (comment.num_vote_up, comment.num_vote_down, comment.vote_score) == (0, 1, -1)


def test_withdrawing_a_rating_removes_it(comment, other_resident):
    rate(comment, other_resident, "down")
    rate(comment, other_resident, "none")
    comment.refresh_from_db()
    assert (comment.num_vote_up, comment.num_vote_down) == (0, 0)
    assert not comment.votes.exists(other_resident.pk)


def test_withdrawing_without_a_rating_changes_nothing(comment, other_resident):
    rate(comment, other_resident, "none")
    comment.refresh_from_db()
    assert (comment.num_vote_up, comment.num_vote_down) == (0, 0)


def test_many_residents_rating_add_up(comment):
    for _ in range(3):
        rate(comment, UserFactory(), "up")
    rate(comment, UserFactory(), "down")
    comment.refresh_from_db()
    assert (comment.num_vote_up, comment.num_vote_down, comment.vote_score) == (3, 1, 2)


def test_nobody_rates_their_own_comment(comment, resident):
    with pytest.raises(RuleBroken, match="own comment"):
        rate(comment, resident, "up")


def test_unknown_rating_is_refused(comment, other_resident):
    with pytest.raises(RuleBroken, match="rate up, down"):
        rate(comment, other_resident, "sideways")


def test_rating_a_deleted_comment_is_refused(comment, resident, other_resident):
    services.comment_delete(comment=comment, user=resident)
    with pytest.raises(RuleBroken):
        rate(comment, other_resident, "up")


def test_rating_after_closing_is_refused(resident, other_resident):
    consultation = make_consultation(opens_at=NOW - 9 * DAY, closes_at=NOW + DAY)
    comment = services.comment_post(consultation=consultation, author=resident, text="x", language="pl")
    with pytest.raises(RuleBroken, match="closed"):
        services.comment_rate(comment=comment, user=other_resident, rating="up", now=NOW + 2 * DAY)
