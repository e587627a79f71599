import pytest

from consultations import services
from tests.consultations.factories import make_consultation

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


def test_official_answers_a_proposal_in_the_admin_and_it_is_recorded(client, resident, official):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, allow_proposals=True)
    proposal = services.proposal_submit(
        consultation=consultation, author=resident, title="Świetlica", text="Po lekcjach.", language="pl"
    )
    client.force_login(official)
    assert client.get(f"/admin/proposals/edit/{proposal.pk}/").status_code == 200
    response = client.post(
        f"/admin/proposals/edit/{proposal.pk}/",
        {"answer_status": "accepted", "answer": "Otworzymy w lutym.", "is_hidden": ""},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.answer_status, proposal.answered_by) == ("accepted", official)
    assert proposal.answered_at is not None


def test_a_resident_cannot_reach_the_proposal_admin(client, resident):
    client.force_login(resident)
    assert client.get("/admin/proposals/").status_code == 302
