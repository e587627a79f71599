"""Anonymising and deleting an account always work, and leave the rules intact:
a person who anonymised still cannot support or rate what they wrote; guests
who spoke at a council meeting can delete their account; translations lose
their translator's name; sessions go with the link to the person."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from accounts import services as account_services
from accounts.models import User
from consultations import services as consultation_services
from consultations.models import Comment, Proposal
from core.errors import RuleBroken
from council.models import SpeakerRequest
from tests.accounts.factories import PASSWORD, UserFactory
from tests.consultations.factories import make_comment, make_consultation, make_proposal
from tests.council.factories import build_council, build_meeting
from tests.translators.factories import make_translator
from translators.models import Translation

pytestmark = pytest.mark.django_db

PRIVACY_URL = "/en/accounts/privacy/"


@pytest.fixture
def consultation():
    return make_consultation(allow_proposals=True, slug="erasure")


def test_after_anonymising_a_person_still_cannot_support_their_own_proposal(consultation):
    person = UserFactory()
    proposal = make_proposal(consultation, author=person)
    account_services.contributions_anonymise(user=person)
    proposal.refresh_from_db()
    assert proposal.author_id != person.pk
    with pytest.raises(RuleBroken, match="your own proposal"):
        consultation_services.proposal_support(proposal=proposal, user=person)
    proposal.refresh_from_db()
    assert proposal.num_vote_up == 0


def test_after_anonymising_a_person_still_cannot_rate_or_report_their_own_comment(consultation):
    person = UserFactory()
    comment = make_comment(consultation, author=person)
    account_services.contributions_anonymise(user=person)
    comment.refresh_from_db()
    with pytest.raises(RuleBroken, match="your own comment"):
        consultation_services.comment_rate(comment=comment, user=person, rating="up")
    with pytest.raises(RuleBroken, match="your own comment"):
        consultation_services.comment_report(comment=comment, reporter=person, reason="spam")
    comment.refresh_from_db()
    assert (comment.num_vote_up, comment.reports.count()) == (0, 0)


def test_others_may_still_support_and_rate_what_was_anonymised(consultation):
    person, other = UserFactory(), UserFactory()
    proposal = make_proposal(consultation, author=person)
    comment = make_comment(consultation, author=person)
    account_services.contributions_anonymise(user=person)
    consultation_services.proposal_support(proposal=Proposal.objects.get(pk=proposal.pk), user=other)
    consultation_services.comment_rate(comment=Comment.objects.get(pk=comment.pk), user=other, rating="up")
    assert Proposal.objects.get(pk=proposal.pk).num_vote_up == 1
    assert Comment.objects.get(pk=comment.pk).num_vote_up == 1


def test_the_mark_on_an_anonymised_item_links_it_to_nobody_once_the_account_is_deleted(consultation):
    person, other = UserFactory(), UserFactory()
    proposal = make_proposal(consultation, author=person)
    account_services.contributions_anonymise(user=person)
    account_services.contributions_anonymise(user=other)  # another person with a key of their own
    proposal = Proposal.objects.get(pk=proposal.pk)
    assert User.objects.get(pk=person.pk).wrote(proposal)
    assert not User.objects.get(pk=other.pk).wrote(proposal)
    account_services.account_delete(user=User.objects.get(pk=person.pk))
    assert not [user for user in User.objects.filter(placeholder="") if user.wrote(proposal)]


def test_a_guest_who_asked_to_speak_at_a_council_meeting_can_delete_their_account():
    council = build_council(members=1)
    meeting = build_meeting(council)
    guest = UserFactory(display_name="Gość Mówca")
    done = SpeakerRequest.objects.create(
        meeting=meeting, user=guest, is_member=False, state=SpeakerRequest.State.DONE, requested_at=timezone.now()
    )
    waiting = SpeakerRequest.objects.create(meeting=meeting, user=guest, is_member=False, requested_at=timezone.now())
    account_services.account_delete(user=guest)
    assert not User.objects.filter(pk=guest.pk).exists()
    done.refresh_from_db()
    waiting.refresh_from_db()
    assert done.name == "a former participant" and done.user.placeholder
    assert waiting.state == SpeakerRequest.State.WITHDRAWN
    assert not SpeakerRequest.objects.filter(guest_name__contains="Gość").exists()


def test_deleting_from_the_account_page_works_for_a_former_speaker(client):
    council = build_council(members=1)
    meeting = build_meeting(council)
    guest = UserFactory()
    SpeakerRequest.objects.create(meeting=meeting, user=guest, is_member=False, requested_at=timezone.now())
    client.force_login(guest)
    response = client.post(PRIVACY_URL, {"action": "delete", "confirm": "on", "password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=guest.pk).exists()


def test_anonymising_takes_the_translators_public_name_off_their_translations(consultation):
    person = UserFactory(display_name="Tłumaczka Olena")
    make_translator(person)
    comment = make_comment(consultation, language="uk", text="Текст.")
    translation = Translation.objects.create(comment=comment, language="pl", translator=person, text="Tekst.")
    moved = account_services.contributions_anonymise(user=person)
    translation.refresh_from_db()
    assert moved["translations"] == 1
    assert translation.translator_id != person.pk
    assert translation.translator.public_name == "a former participant"
    assert "Olena" not in Client().get(consultation.url).content.decode()


def test_deleting_a_translator_keeps_their_translations_without_their_name(consultation):
    person = UserFactory(display_name="Tłumaczka Olena")
    make_translator(person)
    comment = make_comment(consultation, language="uk", text="Текст.")
    translation = Translation.objects.create(comment=comment, language="pl", translator=person, text="Tekst.")
    account_services.account_delete(user=person)
    translation.refresh_from_db()
    assert translation.text == "Tekst." and translation.translator.placeholder


def test_deleting_a_translator_with_removal_removes_their_translations(consultation):
    person = UserFactory()
    make_translator(person)
    comment = make_comment(consultation, language="uk", text="Текст.")
    Translation.objects.create(comment=comment, language="pl", translator=person, text="Tekst.")
    account_services.account_delete(user=person, remove_contributions=True)
    assert not Translation.objects.filter(text="Tekst.").exists()


def _sessions_of(user):
    return [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)]


def test_deleting_an_account_deletes_every_session_of_it():
    person, other = UserFactory(), UserFactory()
    for user in (person, person, other):
        Client().force_login(user)
    assert len(_sessions_of(person)) == 2
    account_services.account_delete(user=person)
    assert _sessions_of(person) == []
    assert len(_sessions_of(other)) == 1


def test_anonymising_logs_the_person_out_of_their_other_sessions_only(consultation):
    person = UserFactory()
    make_comment(consultation, author=person)
    here, elsewhere = Client(), Client()
    here.force_login(person)
    elsewhere.force_login(person)
    response = here.post(PRIVACY_URL, {"action": "anonymise", "confirm": "on"})
    assert response.status_code == 302
    assert [s.session_key for s in _sessions_of(person)] == [here.session.session_key]
    assert here.get(PRIVACY_URL).status_code == 200
    assert elsewhere.get(PRIVACY_URL).status_code == 302  # to the login page


def test_an_administrator_deleting_a_former_speaker_in_the_admin_is_not_refused():
    council = build_council(members=1)
    meeting = build_meeting(council)
    guest = UserFactory(display_name="Gość Mówca")
    request = SpeakerRequest.objects.create(meeting=meeting, user=guest, is_member=False, requested_at=timezone.now())
    guest.delete()  # what the admin's user deletion does
    request.refresh_from_db()
    assert request.name == "a former participant"
