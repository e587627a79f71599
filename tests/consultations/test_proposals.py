import re

import pytest

from consultations import services
from consultations.models import Proposal
from core.errors import RuleBroken
from tests.accounts.factories import UserFactory
from tests.concurrency import run_in_threads
from tests.consultations.factories import make_consultation

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(db):
    return make_consultation(opens_at=NOW - DAY, closes_at=NOW + 9 * DAY, allow_proposals=True)


def submit(consultation, author, title="Zajęcia w soboty", text="Proponuję zajęcia w soboty rano."):
    return services.proposal_submit(consultation=consultation, author=author, title=title, text=text, language="pl")


def test_resident_submits_a_proposal(consultation, resident):
    proposal = submit(consultation, resident)
    assert proposal.consultation_key == consultation.translation_key
    assert proposal.num_vote_up == 0


def test_no_proposals_where_the_consultation_does_not_take_them(open_consultation, resident):
    with pytest.raises(RuleBroken, match="does not take proposals"):
        submit(open_consultation, resident)


def test_no_proposals_after_closing(resident):
    closed = make_consultation(opens_at=NOW - 9 * DAY, closes_at=NOW - DAY, allow_proposals=True)
    with pytest.raises(RuleBroken, match="closed"):
        submit(closed, resident)


@pytest.mark.parametrize(("title", "message"), [("", "title"), ("   ", "title"), ("x" * 161, "160")])
def test_proposal_title_must_be_present_and_short(consultation, resident, title, message):
    with pytest.raises(RuleBroken, match=message):
        submit(consultation, resident, title=title)


def test_the_same_title_twice_is_refused(consultation, resident):
    submit(consultation, resident)
    with pytest.raises(RuleBroken, match="already submitted"):
        submit(consultation, resident, text="Inny tekst")


def test_support_counts_once_and_can_be_withdrawn(consultation, resident, other_resident):
    proposal = submit(consultation, resident)
    services.proposal_support(proposal=proposal, user=other_resident)
    services.proposal_support(proposal=proposal, user=other_resident)
    proposal.refresh_from_db()
    assert proposal.num_vote_up == 1
    services.proposal_support(proposal=proposal, user=other_resident, support=False)
    proposal.refresh_from_db()
    assert proposal.num_vote_up == 0


def test_nobody_supports_their_own_proposal(consultation, resident):
    proposal = submit(consultation, resident)
    with pytest.raises(RuleBroken, match="own proposal"):
        services.proposal_support(proposal=proposal, user=resident)


def test_support_after_closing_is_refused(consultation, resident, other_resident):
    proposal = submit(consultation, resident)
    with pytest.raises(RuleBroken, match="closed"):
        services.proposal_support(proposal=proposal, user=other_resident, now=NOW + 10 * DAY)


def test_proposals_sort_by_support_or_date(client, consultation, resident, other_resident):
    first = submit(consultation, resident, title="Pierwsza")
    second = submit(consultation, resident, title="Druga")
    services.proposal_support(proposal=first, user=other_resident)
    by_support = client.get(consultation.url).content.decode()
    by_date = client.get(consultation.url + "?proposals=date").content.decode()

    def order(html):
        return [int(pk) for pk in re.findall(r'<article class="proposal" id="proposal-(\d+)"', html)]

    assert order(by_support) == [first.pk, second.pk]
    assert order(by_date) == [second.pk, first.pk]


def test_submitting_through_the_page(client, consultation, resident):
    client.force_login(resident)
    response = client.post(
        f"/pl/participation/proposals/new/{consultation.pk}/",
        {"title": "Świetlica", "text": "Otwarta świetlica po lekcjach.", "language": "pl"},
    )
    proposal = Proposal.objects.get(consultation_key=consultation.translation_key)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#proposal-{proposal.pk}")


def test_refused_proposal_comes_back_filled(client, consultation, resident):
    client.force_login(resident)
    response = client.post(
        f"/pl/participation/proposals/new/{consultation.pk}/",
        {"title": "", "text": "Treść, której nie wolno zgubić.", "language": "uk"},
    )
    assert response.status_code == 400
    assert "Treść, której nie wolno zgubić." in response.content.decode()
    assert not Proposal.objects.filter(consultation_key=consultation.translation_key).exists()


def test_supporting_through_the_page_marks_the_button(client, consultation, resident, other_resident):
    proposal = submit(consultation, resident)
    client.force_login(other_resident)
    client.post(f"/pl/participation/proposals/{proposal.pk}/support/", {"support": "yes"})
    html = client.get(consultation.url).content.decode()
    assert 'name="support" value="no"' in html
    proposal.refresh_from_db()
    assert proposal.num_vote_up == 1


def test_official_answer_appears_under_the_proposal(client, consultation, resident):
    proposal = submit(consultation, resident)
    Proposal.objects.filter(pk=proposal.pk).update(answer_status="partly_accepted", answer="Część w 2027.")
    html = client.get(consultation.url).content.decode()
    assert "Część w 2027." in html
    assert "badge--partly_accepted" in html


def test_database_refuses_an_answer_without_justification(consultation, resident):
    from django.db import IntegrityError, transaction

    proposal = submit(consultation, resident)
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(answer_status="rejected", answer="")


@pytest.mark.concurrent_writers
@pytest.mark.django_db(transaction=True)
def test_concurrent_supports_by_many_residents_are_counted_exactly(bare_tree):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, allow_proposals=True, slug="rownolegle")
    proposal = submit(consultation, UserFactory())
    supporters = [UserFactory() for _ in range(20)]
    errors = run_in_threads(20, lambda i: services.proposal_support(proposal=proposal, user=supporters[i]))
    assert errors == []
    proposal.refresh_from_db()
    assert proposal.num_vote_up == 20
    assert proposal.votes.count() == 20


@pytest.mark.concurrent_writers
@pytest.mark.django_db(transaction=True)
def test_one_resident_supporting_twice_at_once_counts_once(bare_tree):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, allow_proposals=True, slug="dwa-razy")
    proposal = submit(consultation, UserFactory())
    supporter = UserFactory()
    errors = run_in_threads(8, lambda i: services.proposal_support(proposal=proposal, user=supporter))
    assert [e for e in errors if not isinstance(e, RuleBroken)] == []
    proposal.refresh_from_db()
    assert proposal.num_vote_up == 1
    assert proposal.votes.count() == 1
