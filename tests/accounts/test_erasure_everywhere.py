"""Every model that points at a person is handled when they leave.

The test walks every foreign key, one-to-one and many-to-many field to the user
model (``apps.get_models()``, ``_meta.get_fields()``) and compares it with
:data:`HANDLED`, which says how each one is dealt with.  A new field pointing at
the user fails :func:`test_every_field_pointing_at_a_person_is_handled` until
it is added there, with a record of it made below, and until deleting and
anonymising handle it.
"""

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from django.utils import timezone
from vote.models import Vote
from wagtail.users.models import UserProfile

from accounts import services as account_services
from accounts.models import InvitationCode
from consultations.models import Comment, ConsultationPseudonym, ModerationDecision, Proposal
from consultations.survey_models import SurveyResponse
from core.errors import RuleBroken
from council.models import SpeakerRequest
from council.recruitment import Candidacy, Substitute
from events.models import AccessRequest
from tests.accounts.everything import council_records, resident_records, someone_with_records
from tests.accounts.factories import UserFactory, facilitator
from tests.consultations.factories import make_comment, make_consultation
from tests.council.factories import apply, build_council, build_meeting, make_call
from translators.models import Translation, Translator

pytestmark = pytest.mark.django_db

User = get_user_model()

# What a resident's account can carry: each is made for them below, and after
# deletion no row points at them and no copy of their name, username or e-mail is left.
RESIDENT = {
    "account.EmailAddress.user",
    "accounts.InvitationCode.used_by",
    "accounts.InvitationCode.issued_by",  # partner organisations
    "consultations.Comment.author",
    "consultations.Comment.facilitator",  # facilitators need not be staff
    "consultations.Proposal.author",
    "consultations.WordingProposal.author",
    "consultations.Report.reporter",
    "consultations.Follow.user",
    "consultations.ConsultationPseudonym.user",
    "consultations.SurveyResponse.respondent",  # answers to a consultation's survey
    "consultations.SurveyResponse.facilitator",  # paper answers they typed in
    "council.SpeakerRequest.user",  # guests may ask to speak
    "council.RecordTranslation.translated_by",  # volunteers translate the council's records
    "council.Candidacy.user",  # residents apply to calls for candidates
    "council.Substitute.user",  # a place on a list of substitutes, before taking a seat
    "events.Registration.user",
    "support.Question.user",  # questions to the information centre
    "translators.Translator.user",
    "translators.Translation.translator",
    "wagtailusers.UserProfile.user",
}
# Council members' records: a seat is a public record, so a member (or former
# member) cannot delete their account here (a clear refusal, nothing changed);
# they may anonymise what they wrote.
MEMBER = {
    "council.Membership.user",
    "council.Motion.submitter",
    "council.Motion.sponsors",
    "council.Attendance.changed_by",
    "council.MotionEvent.actor",
    "council.Minutes.updated_by",
    "council.Minutes.published_by",
    "council.PaperCount.entered_by",
}
# A moderator's decisions are the moderation log: deleting a moderator's
# account is refused with a clear message (``PROTECT``).
KEPT = {"consultations.ModerationDecision.moderator"}
# Officials' and administrators' work in the Wagtail admin.  Staff accounts are
# closed by an administrator, never through the privacy page (a clear refusal);
# each of these is set to NULL or deleted with the account.
STAFF = {
    "consultations.Proposal.answered_by",
    "consultations.WordingProposal.moderated_by",
    "translators.Translator.decided_by",
    "events.AccessRequest.decided_by",
    "translators.InterpretingRequest.requested_by",
    "council.CityResponseUpdate.created_by",
    "support.Question.answered_by",
    "admin.LogEntry.user",
    "wagtail_localize.StringTranslation.last_translated_by",
    "wagtail_localize.SegmentOverride.last_translated_by",
    "wagtaildocs.Document.uploaded_by_user",
    "wagtailimages.Image.uploaded_by_user",
    "wagtailadmin.EditingSession.user",
    "wagtailadmin.FormState.user",
    "wagtailcore.APIToken.user",
    "wagtailcore.ModelLogEntry.user",
    "wagtailcore.Revision.user",
    "wagtailcore.UploadedFile.uploaded_by_user",
    "wagtailcore.WorkflowState.requested_by",
    "wagtailcore.TaskState.finished_by",
    "wagtailcore.Page.locked_by",
    "wagtailcore.Page.owner",
    "wagtailcore.PageLogEntry.user",
    "wagtailcore.Comment.user",
    "wagtailcore.Comment.resolved_by",
    "wagtailcore.CommentReply.user",
    "wagtailcore.PageSubscription.user",
}
HANDLED = RESIDENT | MEMBER | KEPT | STAFF


def fields_pointing_at_people():
    """Every concrete field of every model that points at the user model,
    as ``{"app.Model.field": field}`` (a page type's ``owner`` is its base
    page's, so it is named once, on ``wagtailcore.Page``)."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or field.related_model is not User:
                continue
            if not (field.many_to_one or field.one_to_one or field.many_to_many):
                continue
            owner = field.model._meta.concrete_model if not field.many_to_many else field.model
            found[f"{owner._meta.app_label}.{owner.__name__}.{field.name}"] = field
    return found


def test_every_field_pointing_at_a_person_is_handled():
    found = set(fields_pointing_at_people())
    assert found - HANDLED == set(), "a new field points at people: handle it when they leave, and list it here"
    assert HANDLED - found == set()


def test_staff_records_never_block_an_administrator_closing_an_account():
    for name, field in fields_pointing_at_people().items():
        if name in STAFF and not field.many_to_many:
            assert field.remote_field.on_delete in (models.SET_NULL, models.CASCADE, models.DO_NOTHING), name


NAME, EMAIL = "Zofia Niepowtarzalna", "zofia.niepowtarzalna@example.net"


@pytest.fixture
def world():
    consultation = make_consultation(allow_proposals=True, slug="wszystko")
    others = someone_with_records(consultation, tag="INNI", name="Ktoś Inny")
    person = UserFactory(display_name=NAME, email=EMAIL, username="zofia-niepowtarzalna")
    person.groups.add(facilitator().groups.first())  # facilitators need not be staff
    made = resident_records(person, consultation, tag="Z", others=others)
    make_comment(consultation, author=UserFactory(), text="Z warsztatu.", facilitator=person)
    SurveyResponse.objects.create(consultation_key=consultation.translation_key, respondent=person, language="pl")
    SurveyResponse.objects.create(
        consultation_key=consultation.translation_key, facilitator=person, submitted_via="paper", language="pl"
    )
    InvitationCode.objects.create(
        code_hash="f" * 64, organisation="Fundacja", issued_by=person, expires_at=timezone.now()
    )
    council = build_council(members=1)
    SpeakerRequest.objects.create(
        meeting=build_meeting(council), user=person, is_member=False, requested_at=timezone.now()
    )
    apply(make_call(council.term), person, motivation="Motywacja Zofii.")
    Substitute.objects.create(term=council.term, user=person, rank=1, public=True)
    UserProfile.get_for_user(person)
    for _ in range(2):
        Client().force_login(person)
    return consultation, person, made


def rows_pointing_at(pk):
    """``{"app.Model.field": count}`` of rows still pointing at the person ``pk``, of every field."""
    left = {}
    for name, field in fields_pointing_at_people().items():
        model = field.model
        count = model._base_manager.filter(**{field.name: pk}).count()
        if count:
            left[name] = count
    votes = Vote.objects.filter(user_id=pk).count()
    if votes:
        left["vote.Vote.user_id"] = votes
    return left


def copies_of(words):
    """Text fields of every model pointing at people, and sessions, that still hold one of ``words``."""
    found = []
    models_to_scan = {field.model._meta.concrete_model for field in fields_pointing_at_people().values()}
    for model in {*models_to_scan, User, SpeakerRequest, AccessRequest}:
        texts = [f.name for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)]
        for row in model._base_manager.values_list(*texts):
            found += [(model.__name__, word) for word in words for value in row if value and word in str(value)]
    for session in Session.objects.all():
        found += [("Session", word) for word in words if word in str(session.get_decoded())]
    return found


def test_every_field_pointing_at_a_resident_gets_an_instance_here(world):
    _consultation, person, _made = world
    present = set(rows_pointing_at(person.pk))
    assert present >= RESIDENT


@pytest.mark.parametrize("remove", [False, True])
def test_deleting_a_resident_with_one_of_everything_leaves_no_personal_data(world, remove):
    _consultation, person, _made = world
    pk = person.pk
    account_services.account_delete(user=person, remove_contributions=remove)
    assert rows_pointing_at(pk) == {}
    assert copies_of([NAME, EMAIL, person.username, "Ps Z"]) == []
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(pk)]


def test_anonymising_a_resident_with_one_of_everything_unlinks_all_they_wrote(world):
    _consultation, person, made = world
    account_services.contributions_anonymise(user=person)
    left = rows_pointing_at(person.pk)
    for written in (
        "consultations.Comment.author",
        "consultations.Proposal.author",
        "consultations.ConsultationPseudonym.user",
        "translators.Translation.translator",
    ):
        assert written not in left
    for item in (Comment.objects.get(pk=made.comment.pk), Proposal.objects.get(pk=made.proposal.pk)):
        assert item.author_name == "a former participant"
    assert not ConsultationPseudonym.objects.filter(name="Ps Z").exists()
    assert not Translation.objects.filter(translator=person).exists()
    assert User.objects.filter(pk=person.pk, is_active=True).exists()  # the account stays


def test_anonymising_removes_the_applications_to_the_council_and_keeps_the_substitute_place(world):
    _consultation, person, _made = world
    account_services.contributions_anonymise(user=person)
    assert not Candidacy.objects.filter(user=person).exists()
    assert not Candidacy.objects.filter(motivation="Motywacja Zofii.").exists()
    assert Substitute.objects.filter(user=person).exists()


def test_the_download_of_ones_data_has_the_applications_and_substitute_places(world):
    _consultation, person, _made = world
    sections = {section.key: section.rows for section in account_services.personal_data_collect(user=person)}
    assert sections["council_candidacies"][0]["motivation"] == "Motywacja Zofii."
    assert sections["council_substitute_places"] == [
        {"term": str(Substitute.objects.get(user=person).term), "rank": 1, "seat_taken": False}
    ]


def test_a_council_member_is_refused_deletion_clearly_and_may_anonymise(world):
    _consultation, person, _made = world
    council = build_council(members=1)
    council_records(person, council, tag="Z")
    before = rows_pointing_at(person.pk)
    with pytest.raises(RuleBroken, match="seat on the Immigrants' Council"):
        account_services.account_delete(user=person)
    assert rows_pointing_at(person.pk) == before
    account_services.contributions_anonymise(user=person)
    assert "consultations.Comment.author" not in rows_pointing_at(person.pk)


def test_a_moderator_with_decisions_is_refused_deletion_clearly(world):
    _consultation, person, made = world
    ModerationDecision.objects.create(
        comment=made.comment, moderator=person, action=ModerationDecision.Action.HIDE, reason="Spam."
    )
    with pytest.raises(RuleBroken, match="records that must be kept"):
        account_services.account_delete(user=person)
    assert User.objects.filter(pk=person.pk).exists()
    assert Comment.objects.filter(author=person).exists()  # rolled back whole


def test_staff_are_refused_here_and_closed_by_an_administrator(world):
    _consultation, person, _made = world
    User.objects.filter(pk=person.pk).update(is_staff=True)
    with pytest.raises(RuleBroken, match="closed by an administrator"):
        account_services.account_delete(user=User.objects.get(pk=person.pk))


def test_the_translator_registration_and_email_addresses_go_with_the_account(world):
    _consultation, person, _made = world
    account_services.account_delete(user=person)
    assert not Translator.objects.filter(user_id=person.pk).exists()
    assert not EmailAddress.objects.filter(email=EMAIL).exists()
