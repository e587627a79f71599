"""The demo's proposed wordings, its revised draft, and the council's opinion
answered in an outcome."""

import pytest

from consultations.models import ConsultationPage, DraftSection, OutcomeAnswer, WordingProposal
from core.opinions import opinions_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

CENTRE = "punkt-informacyjny-dla-migrantow"


def test_the_information_centre_has_supported_wordings_in_several_languages():
    wordings = WordingProposal.objects.all()
    assert {wording.language for wording in wordings} >= {"pl", "uk", "ru", "en"}
    assert all(wording.segments() for wording in wordings)
    assert any(wording.num_vote_up > 1 for wording in wordings)


def test_the_information_centre_published_draft_two_in_every_language():
    for page in ConsultationPage.objects.filter(slug=CENTRE):
        assert page.draft_number == 2
        first = page.sections.raw_data[0]["id"]
        drafts = dict(DraftSection.objects.filter(page=page, section_id=first).values_list("draft", "text"))
        assert set(drafts) == {1, 2} and drafts[1] != drafts[2]


def test_the_festival_outcome_answers_the_council_opinion():
    festival = ConsultationPage.objects.get(slug="festiwal-sasiedzki-wielu-kultur", locale__language_code="pl")
    [opinion] = opinions_of(festival.translation_key)
    answers = OutcomeAnswer.objects.filter(opinion=opinion.key, page__live=True)
    assert answers.count() == 4
