"""Proposed wording: the rules of proposing and supporting, moderation, the
section's page, the compared drafts, the outcome's answers, the API and what a
person's data export holds."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from vote.models import Vote

from consultations import selectors, services
from consultations.models import WORDING_MAX_LENGTH, Answer, DraftSection, OutcomeAnswer, WordingProposal
from core.errors import RuleBroken
from opendata.openapi import document
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation, outcome_page

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db

DRAFT = "Kursy języka polskiego odbywają się w poniedziałki."
BETTER = "Kursy języka polskiego odbywają się w poniedziałki i w soboty."


@pytest.fixture
def consultation(db):
    return make_consultation(
        opens_at=NOW - DAY,
        closes_at=NOW + 9 * DAY,
        sections=[("Kursy", f"<p>{DRAFT}</p>"), ("Wsparcie", "<p>Tak.</p>")],
    )


def section_id(consultation, n=0):
    return list(consultation.sections)[n].id


def propose(consultation, author, text=BETTER, n=0, note=""):
    return services.wording_propose(
        consultation=consultation, author=author, section_id=section_id(consultation, n), text=text, note=note
    )


# --- proposing --------------------------------------------------------------------------


def test_resident_proposes_wording_kept_with_the_draft_text_it_changes(consultation, resident):
    wording = propose(consultation, resident)
    assert (wording.base_text, wording.text, wording.draft, wording.section_title) == (DRAFT, BETTER, 1, "Kursy")
    assert wording.language == "pl"
    assert [s.op for s in wording.segments()] == ["equal", "insert", "equal"]


def test_a_visitor_cannot_propose_wording(consultation):
    with pytest.raises(RuleBroken, match="Log in"):
        propose(consultation, AnonymousUser())


def test_no_wording_after_the_consultation_closed(resident):
    closed = make_consultation(opens_at=NOW - 9 * DAY, closes_at=NOW - DAY)
    with pytest.raises(RuleBroken, match="closed"):
        propose(closed, resident, text="Inny tekst.")


def test_no_wording_for_a_section_that_is_not_in_the_draft(consultation, resident):
    with pytest.raises(RuleBroken, match="not part of"):
        services.wording_propose(consultation=consultation, author=resident, section_id="nope", text=BETTER)


def test_empty_wording_is_refused(consultation, resident):
    with pytest.raises(RuleBroken, match="Please write"):
        propose(consultation, resident, text="  \n ")


def test_too_long_wording_is_refused(consultation, resident):
    with pytest.raises(RuleBroken, match="at most"):
        propose(consultation, resident, text="a" * (WORDING_MAX_LENGTH + 1))


def test_wording_the_same_as_the_draft_is_refused(consultation, resident):
    with pytest.raises(RuleBroken, match="same as the draft"):
        propose(consultation, resident, text=f"  {DRAFT} ")


def test_the_same_wording_twice_is_refused(consultation, resident):
    propose(consultation, resident)
    with pytest.raises(RuleBroken, match="already proposed"):
        propose(consultation, resident)
    assert WordingProposal.objects.count() == 1


# --- supporting ---------------------------------------------------------------------------


def test_others_support_a_wording_once_and_may_withdraw(consultation, resident, other_resident):
    wording = propose(consultation, resident)
    services.wording_support(wording=wording, user=other_resident)
    services.wording_support(wording=wording, user=other_resident)
    assert WordingProposal.objects.get(pk=wording.pk).num_vote_up == 1
    services.wording_support(wording=wording, user=other_resident, support=False)
    assert WordingProposal.objects.get(pk=wording.pk).num_vote_up == 0


def test_the_author_cannot_support_their_own_wording(consultation, resident):
    wording = propose(consultation, resident)
    with pytest.raises(RuleBroken, match="your own"):
        services.wording_support(wording=wording, user=resident)


def test_a_hidden_wording_cannot_be_supported(consultation, resident, other_resident, moderator):
    wording = propose(consultation, resident)
    services.wording_moderate(wording=wording, moderator=moderator, hide=True, reason="Spam")
    with pytest.raises(RuleBroken):
        services.wording_support(wording=wording, user=other_resident)


def test_support_through_the_page_is_counted(client, consultation, resident, other_resident):
    wording = propose(consultation, resident)
    client.force_login(other_resident)
    response = client.post(reverse("consultations:wording_support", args=[wording.pk]), {"support": "yes"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#wording-{wording.pk}")
    assert WordingProposal.objects.get(pk=wording.pk).num_vote_up == 1


# --- moderation -------------------------------------------------------------------------------


def test_a_moderator_hides_a_wording_with_a_reason_and_it_leaves_the_page(client, consultation, resident, moderator):
    wording = propose(consultation, resident, text=f"{DRAFT} Obraźliwy dopisek.")
    services.wording_moderate(wording=wording, moderator=moderator, hide=True, reason="Obraża innych")
    wording.refresh_from_db()
    assert (wording.is_hidden, wording.hidden_reason, wording.moderated_by) == (True, "Obraża innych", moderator)
    page = client.get(reverse("consultations:section_wording", args=[consultation.pk, section_id(consultation)]))
    assert "Obraźliwy" not in page.content.decode()


def test_hiding_needs_a_reason(consultation, resident, moderator):
    wording = propose(consultation, resident)
    with pytest.raises(RuleBroken, match="reason"):
        services.wording_moderate(wording=wording, moderator=moderator, hide=True, reason=" ")


def test_only_moderators_hide_wordings(consultation, resident, other_resident):
    wording = propose(consultation, resident)
    with pytest.raises(RuleBroken, match="Only moderators"):
        services.wording_moderate(wording=wording, moderator=other_resident, hide=True, reason="Nie lubię")


def test_moderators_hide_wording_from_the_admin(client, consultation, resident, moderator):
    wording = propose(consultation, resident)
    client.force_login(moderator)
    url = reverse("wordings:edit", args=[wording.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"is_hidden": "on", "hidden_reason": "Reklama"})
    wording.refresh_from_db()
    assert wording.is_hidden and wording.moderated_by == moderator
    assert client.get(reverse("wordings:add")).status_code in (302, 403)


# --- the section's page -------------------------------------------------------------------


def test_section_page_shows_each_wording_as_insertions_and_deletions(client, consultation, resident):
    propose(consultation, resident)
    response = client.get(reverse("consultations:section_wording", args=[consultation.pk, section_id(consultation)]))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<ins class="wording-diff__insert"><span class="visually-hidden">inserted: </span> i w soboty</ins>' in html
    assert "Propose new wording" in html


def test_proposing_through_the_page_publishes_it(client, consultation, resident):
    client.force_login(resident)
    url = reverse("consultations:section_wording", args=[consultation.pk, section_id(consultation)])
    response = client.post(url, {"text": BETTER, "note": "Ludzie pracują w tygodniu."})
    wording = WordingProposal.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#wording-{wording.pk}")
    assert wording.note == "Ludzie pracują w tygodniu."


def test_a_refused_wording_shows_the_form_again_with_the_reason(client, consultation, resident):
    client.force_login(resident)
    url = reverse("consultations:section_wording", args=[consultation.pk, section_id(consultation)])
    response = client.post(url, {"text": DRAFT})
    assert response.status_code == 400
    assert "same as the draft" in response.content.decode()


def test_section_page_of_an_unknown_section_is_not_found(client, consultation):
    assert client.get(reverse("consultations:section_wording", args=[consultation.pk, "nope"])).status_code == 404


def test_consultation_page_links_each_section_to_its_wordings_with_their_count(client, consultation, resident):
    propose(consultation, resident)
    html = client.get(consultation.url).content.decode()
    assert "1 proponowane brzmienie" in html  # the Polish page
    assert reverse("consultations:section_wording", args=[consultation.pk, section_id(consultation, 1)]) in html


def test_section_page_reads_do_not_grow_with_wordings(client, consultation, django_assert_max_num_queries):
    for n in range(15):
        propose(consultation, UserFactory(), text=f"{DRAFT} Dopisek {n}.")
    url = reverse("consultations:section_wording", args=[consultation.pk, section_id(consultation)])
    client.get(url)
    with django_assert_max_num_queries(25):
        assert client.get(url).status_code == 200


# --- drafts -------------------------------------------------------------------------------------


def revise(consultation, body):
    """The official publishes draft 2 with a new text of the first section."""
    page = consultation.get_latest_revision_as_object()
    blocks = list(page.sections.raw_data)
    blocks[0]["value"]["body"] = body
    page.sections = blocks
    page.draft_number = 2
    page.save_revision().publish()
    return type(consultation).objects.get(pk=consultation.pk)


def test_publishing_records_the_sections_of_the_draft(consultation):
    rows = DraftSection.objects.filter(page=consultation, draft=1).order_by("position")
    assert [(row.title, row.text) for row in rows] == [("Kursy", DRAFT), ("Wsparcie", "Tak.")]


def test_a_revised_draft_keeps_the_first_and_compares_them(client, consultation):
    revised = revise(consultation, "<p>Kursy języka polskiego odbywają się w soboty.</p>")
    assert DraftSection.objects.get(page=revised, draft=1, section_id=section_id(revised)).text == DRAFT
    response = client.get(reverse("consultations:section_drafts", args=[revised.pk, section_id(revised)]))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="visually-hidden">deleted: </span>poniedziałki</del>' in html
    assert '<span class="visually-hidden">inserted: </span>soboty</ins>' in html


def test_wording_proposed_on_draft_one_keeps_its_difference_after_draft_two(consultation, resident):
    wording = propose(consultation, resident)
    revised = revise(consultation, "<p>Zupełnie nowy tekst.</p>")
    assert wording.base_text == DRAFT
    newer = propose(revised, UserFactory(), text="Zupełnie nowy tekst, poprawiony.")
    assert (newer.draft, newer.base_text) == (2, "Zupełnie nowy tekst.")


def test_comparing_a_single_draft_says_there_is_nothing_earlier(client, consultation):
    response = client.get(reverse("consultations:section_drafts", args=[consultation.pk, section_id(consultation)]))
    assert response.status_code == 200
    assert "no earlier text" in response.content.decode()


def test_comparing_an_unknown_section_is_not_found(client, consultation):
    assert client.get(reverse("consultations:section_drafts", args=[consultation.pk, "x"])).status_code == 404


def test_comparing_with_hostile_draft_numbers_falls_back_to_the_latest_two(consultation):
    revised = revise(consultation, "<p>Nowy.</p>")
    context = selectors.section_drafts(
        consultation=revised, section_id=section_id(revised), params={"from": "²", "to": "999"}
    )
    assert (context["old"], context["new"]) == (1, 2)


# --- the outcome ---------------------------------------------------------------------------------


def test_the_outcome_answers_a_wording_and_the_section_page_shows_the_answer(client, resident):
    consultation = make_consultation(
        opens_at=NOW - 9 * DAY, closes_at=NOW + DAY, sections=[("Kursy", f"<p>{DRAFT}</p>")]
    )
    wording = propose(consultation, resident)
    consultation.closes_at = NOW - DAY
    consultation.save_revision().publish()
    outcome = outcome_page(consultation)
    OutcomeAnswer.objects.create(page=outcome, wording=wording, status=Answer.ACCEPTED, justification="Dodamy soboty.")
    html = client.get(outcome.url).content.decode()
    assert "Dodamy soboty." in html and "wording-diff__insert" in html
    page = client.get(reverse("consultations:section_wording", args=[consultation.pk, wording.section_id]))
    assert "Dodamy soboty." in page.content.decode()


def test_an_answer_names_exactly_one_contribution(consultation, resident):
    wording = propose(consultation, resident)
    with pytest.raises(ValidationError):
        OutcomeAnswer(wording=wording, opinion="council.resolution:1", status="noted", justification="x").clean()
    OutcomeAnswer(wording=wording, status="noted", justification="x").clean()


# --- the API -----------------------------------------------------------------------------------


def test_api_lists_visible_wordings_with_their_difference_as_segments(client, consultation, resident, moderator):
    propose(consultation, resident)
    hidden = propose(consultation, UserFactory(), text=f"{DRAFT} Reklama.")
    services.wording_moderate(wording=hidden, moderator=moderator, hide=True, reason="Spam")
    body = client.get(f"/api/v1/consultations/{consultation.translation_key}/wordings/").json()
    [item] = body["results"]
    assert item["diff"] == [
        {"op": "equal", "text": "Kursy języka polskiego odbywają się w poniedziałki"},
        {"op": "insert", "text": " i w soboty"},
        {"op": "equal", "text": "."},
    ]
    assert (item["text_of_the_draft"], item["draft"], item["supports"], item["answer"]) == (DRAFT, 1, 0, None)


def test_api_wordings_download_as_csv_without_the_segments(client, consultation, resident):
    propose(consultation, resident)
    response = client.get(f"/api/v1/consultations/{consultation.translation_key}/wordings.csv")
    assert response.status_code == 200
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert "text_of_the_draft" in header and "diff" not in header


def test_api_wordings_reads_do_not_grow(client, consultation, django_assert_max_num_queries):
    for n in range(10):
        propose(consultation, UserFactory(), text=f"{DRAFT} Dopisek {n}.")
    url = f"/api/v1/consultations/{consultation.translation_key}/wordings/"
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


def test_openapi_describes_the_wordings_and_their_segments():
    spec = document("http://testserver")
    assert "/consultations/{id}/wordings/" in spec["paths"]
    segment = spec["components"]["schemas"]["ProposedWording"]["properties"]["diff"]["items"]
    assert segment["properties"]["op"]["enum"] == ["equal", "insert", "delete"]


# --- personal data -------------------------------------------------------------------------------


def test_data_export_holds_wordings_proposed_and_supported(consultation, resident, other_resident):
    mine = propose(consultation, resident)
    theirs = propose(consultation, other_resident, text=f"{DRAFT} Inaczej.")
    services.wording_support(wording=theirs, user=resident)
    with translation.override("en"):
        sections = {section.key: section for section in selectors.personal_data(user=resident)}
    assert [row["id"] for row in sections["wordings"].rows] == [mine.pk]
    assert [row["wording"] for row in sections["wording_supports"].rows] == [theirs.pk]


def test_removing_contributions_deletes_wordings_and_their_supports(consultation, resident, other_resident):
    theirs = propose(consultation, other_resident)
    services.wording_support(wording=theirs, user=resident)
    propose(consultation, resident, text=f"{DRAFT} Moje.")
    services.contributions_hand_over(user=resident, to=UserFactory(), remove=True)
    assert not WordingProposal.objects.filter(author=resident).exists()
    assert WordingProposal.objects.get(pk=theirs.pk).num_vote_up == 0
    wording_type = ContentType.objects.get_for_model(WordingProposal)
    assert not Vote.objects.filter(user_id=resident.pk, content_type=wording_type).exists()


# --- who took part ----------------------------------------------------------------------


def test_proposing_a_wording_or_supporting_one_is_taking_part(consultation, resident, other_resident):
    wording = propose(consultation, resident)
    services.wording_support(wording=wording, user=other_resident)
    key = consultation.translation_key
    assert selectors.participant_count(keys=[key]) == 2
    assert selectors.participants_by_consultation()[key] == 2
    assert selectors.consultation_counts(consultation)["participants"] == 2


def test_a_hidden_wording_counts_nobody(consultation, resident, moderator):
    wording = propose(consultation, resident, text=f"{DRAFT} Obraźliwy dopisek.")
    services.wording_moderate(wording=wording, moderator=moderator, hide=True, reason="Obraża innych")
    assert selectors.participant_count(keys=[consultation.translation_key]) == 0
    assert consultation.translation_key not in selectors.participants_by_consultation()
