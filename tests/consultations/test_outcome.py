import json

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext

from consultations import services
from consultations.models import ConsultationPage, OutcomeAnswer, OutcomePage, Proposal, Status
from tests.accounts import factories as people
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation, outcome_page

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_with_data(resident, other_resident):
    consultation = make_consultation(
        opens_at=NOW - 20 * DAY, closes_at=NOW + DAY, allow_proposals=True, areas=["housing"], slug="zamkniete"
    )
    comment = services.comment_post(consultation=consultation, author=resident, text="Więcej mieszkań", language="uk")
    services.comment_post(consultation=consultation, author=other_resident, text="Zgoda", language="pl", parent=comment)
    proposal = services.proposal_submit(
        consultation=consultation, author=other_resident, title="Dopłaty", text="Dopłaty do czynszu.", language="pl"
    )
    services.proposal_support(proposal=proposal, user=resident)
    ConsultationPage.objects.filter(pk=consultation.pk).update(closes_at=NOW - DAY)
    consultation.refresh_from_db()
    return consultation, comment, proposal


def add_outcome(consultation, comment, proposal, publish=True, *, official=None):
    """The outcome, answering ``comment`` and ``proposal``, saved (and published) by an official."""
    return outcome_page(
        consultation,
        title="Wyniki",
        changes="<p>Zmiany.</p>",
        answers=[(comment, "partly_accepted", "Część w 2027."), (proposal, "accepted", "Wprowadzimy.")],
        publish=publish,
        user=official or people.official(),
    )


def test_publishing_the_outcome_changes_the_status_in_every_language(closed_with_data, locales):
    consultation, comment, proposal = closed_with_data
    english = consultation.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    assert consultation.status_at(NOW) == Status.CLOSED
    add_outcome(consultation, comment, proposal)
    for page in ConsultationPage.objects.filter(translation_key=consultation.translation_key):
        assert page.status_at(NOW + DAY) == Status.OUTCOME_PUBLISHED


def test_a_draft_outcome_changes_nothing(closed_with_data):
    consultation, comment, proposal = closed_with_data
    add_outcome(consultation, comment, proposal, publish=False)
    consultation.refresh_from_db()
    assert consultation.outcome_published_at is None


def test_unpublishing_the_outcome_returns_the_consultation_to_closed(closed_with_data):
    consultation, comment, proposal = closed_with_data
    outcome = add_outcome(consultation, comment, proposal)
    outcome.unpublish()
    consultation.refresh_from_db()
    assert consultation.outcome_published_at is None


def test_proposal_answers_in_the_outcome_reach_the_proposal(closed_with_data, official):
    consultation, comment, proposal = closed_with_data
    add_outcome(consultation, comment, proposal, official=official)
    proposal.refresh_from_db()
    assert (proposal.answer_status, proposal.answer) == ("accepted", "Wprowadzimy.")
    assert proposal.answered_by == official


def test_outcome_page_shows_figures_computed_from_the_data(client, closed_with_data):
    consultation, comment, proposal = closed_with_data
    outcome = add_outcome(consultation, comment, proposal)
    response = client.get(outcome.url)
    figures = response.context["figures"]
    assert (figures["participants"], figures["comments"], figures["proposals"], figures["supports"]) == (2, 2, 1, 1)
    assert dict(figures["by_language"]) == {"uk": 1, "pl": 2}
    html = response.content.decode()
    assert "Część w 2027." in html and "Wprowadzimy." in html


def test_outcome_counts_comments_entered_by_facilitators_apart_and_not_the_citys_answers(
    client, closed_with_data, official
):
    from django.contrib.auth.models import Group

    from accounts.groups import FACILITATORS
    from consultations.models import Comment

    consultation, comment, proposal = closed_with_data
    ConsultationPage.objects.filter(pk=consultation.pk).update(closes_at=NOW + DAY)
    consultation.refresh_from_db()
    facilitator = UserFactory()
    facilitator.groups.add(Group.objects.get(name=FACILITATORS))
    services.comment_enter_for_resident(
        consultation=consultation,
        facilitator=facilitator,
        text="Z ankiety.",
        language="pl",
        source="paper",
        consent=True,
    )
    Comment.objects.create(
        consultation_key=consultation.translation_key,
        author=official,
        text="Odpowiedź miasta.",
        language="pl",
        is_official=True,
        parent=comment,
    )
    ConsultationPage.objects.filter(pk=consultation.pk).update(closes_at=NOW - DAY)
    consultation.refresh_from_db()
    response = client.get(add_outcome(consultation, comment, proposal, official=official).url)
    figures = response.context["figures"]
    assert (figures["comments"], figures["facilitated"], figures["participants"]) == (3, 1, 3)
    with translation.override("pl"):
        label = gettext("of them entered by facilitators for residents")
    assert label in response.content.decode()


def test_each_answer_appears_under_its_comment_and_proposal(client, closed_with_data):
    consultation, comment, proposal = closed_with_data
    add_outcome(consultation, comment, proposal)
    html = client.get(consultation.url).content.decode()
    assert "Część w 2027." in html
    assert "Wprowadzimy." in html
    assert "badge--partly_accepted" in html


def test_an_answer_names_exactly_one_comment_or_proposal(closed_with_data):
    consultation, comment, proposal = closed_with_data
    outcome = add_outcome(consultation, comment, proposal, publish=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeAnswer.objects.create(
            page=outcome, comment=comment, proposal=proposal, status="noted", justification="x"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeAnswer.objects.create(page=outcome, status="noted", justification="x")


def test_the_admin_offers_only_this_consultations_threads_and_proposals(
    client, closed_with_data, open_consultation, official
):
    consultation, comment, proposal = closed_with_data
    elsewhere = services.comment_post(consultation=open_consultation, author=UserFactory(), text="Inne", language="pl")
    client.force_login(official)
    response = client.get(f"/admin/pages/add/consultations/outcomepage/{consultation.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    choices = set(form.formsets["answers"].empty_form.fields["comment"].queryset)
    assert comment in choices
    assert elsewhere not in choices
    assert set(form.formsets["answers"].empty_form.fields["proposal"].queryset) == {proposal}


def test_an_outcome_cannot_be_published_while_the_consultation_is_open(client, open_consultation, official):
    client.force_login(official)
    response = client.post(
        f"/admin/pages/add/consultations/outcomepage/{open_consultation.pk}/",
        {
            "title": "Za wcześnie",
            "slug": "za-wczesnie",
            "intro": "",
            "summary": json.dumps(
                {
                    "blocks": [
                        {
                            "key": "a",
                            "text": "x",
                            "type": "unstyled",
                            "depth": 0,
                            "inlineStyleRanges": [],
                            "entityRanges": [],
                        }
                    ],
                    "entityMap": {},
                }
            ),
            "changes": '{"blocks":[],"entityMap":{}}',
            "answers-TOTAL_FORMS": "0",
            "answers-INITIAL_FORMS": "0",
            "answers-MIN_NUM_FORMS": "0",
            "answers-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        },
    )
    assert not OutcomePage.objects.filter(slug="za-wczesnie").exists()
    assert "Wyniki można opublikować dopiero po zamknięciu konsultacji." in response.content.decode()


def test_outcome_query_is_correct_for_hidden_proposals(closed_with_data):
    consultation, comment, proposal = closed_with_data
    Proposal.objects.filter(pk=proposal.pk).update(is_hidden=True)
    from consultations.selectors import outcome_figures

    assert outcome_figures(consultation)["proposals"] == 0
