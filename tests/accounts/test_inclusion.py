"""Participation whatever your papers: nothing asks for
identity papers; invitation codes; anonymising and deleting an account."""

import datetime
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts import services as account_services
from accounts.groups import PARTNERS
from accounts.models import InvitationCode
from consultations import forms as consultation_forms
from consultations import services as consultation_services
from core.errors import RuleBroken
from tests.accounts.factories import PASSWORD, UserFactory
from tests.concurrency import run_in_threads
from tests.consultations.factories import make_consultation

pytestmark = pytest.mark.django_db

User = get_user_model()

# What a platform open to everyone must never ask: nationality, citizenship,
# residence permit (karta pobytu), visa, passport, PESEL or another identity number.
PAPERS = re.compile(
    r"national|citizen|obywatel|residen(ce|cy)[ _-]?(permit|status|card)|permit|karta[ _-]?pobytu|visa|passport"
    r"|paszport|pesel|identity[ _-]?(number|card|document)|id[ _-]?number|ssn|birth[ _-]?place|country[ _-]?of",
    re.IGNORECASE,
)


def _words_of_form_fields(form):
    for name, field in form.fields.items():
        yield name
        yield str(field.label or "")
        yield str(field.help_text or "")


def _forms_residents_fill(client):
    from accounts.forms import AccountDeleteForm, AnonymiseForm, InvitationSignupForm

    yield client.get("/en/accounts/signup/").context["form"]
    yield InvitationSignupForm()
    yield AnonymiseForm()
    yield AccountDeleteForm()
    yield consultation_forms.PseudonymForm()
    yield consultation_forms.FacilitatedCommentForm()
    yield consultation_forms.CommentForm(sections={"a": "A"}, official=True)
    yield consultation_forms.ProposalForm()


def test_no_form_a_resident_fills_asks_for_papers(client):
    for form in _forms_residents_fill(client):
        for word in _words_of_form_fields(form):
            assert not PAPERS.search(word), f"{type(form).__name__} asks for papers: {word!r}"


def test_no_field_of_an_account_model_records_papers():
    for model in apps.get_app_config("accounts").get_models():
        for field in model._meta.get_fields():
            words = [field.name, str(getattr(field, "verbose_name", "")), str(getattr(field, "help_text", ""))]
            for word in words:
                assert not PAPERS.search(word), f"{model.__name__}.{field.name} records papers: {word!r}"


def test_sign_up_needs_only_email_public_name_and_password(client):
    form = client.get("/en/accounts/signup/").context["form"]
    required = {name for name, field in form.fields.items() if field.required}
    assert required == {"email", "display_name", "password1", "password2"}


def test_the_papers_check_would_catch_a_pesel_field():
    assert PAPERS.search("PESEL number")
    assert PAPERS.search("residence_permit")
    assert PAPERS.search("Nationality")
    assert not PAPERS.search("Public name")


# --- invitation codes -------------------------------------------------------------

NOW = timezone.now()
DAY = datetime.timedelta(days=1)
INVITE_URL = "/en/accounts/invitation/"


@pytest.fixture
def partner(db):
    user = UserFactory(display_name="Fundacja Partner")
    user.groups.add(Group.objects.get(name=PARTNERS))
    return user


@pytest.fixture
def code(partner):
    return account_services.invitation_codes_issue(issued_by=partner, organisation="Fundacja", count=1, days=30)[0]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def register(code, name="Mariam", **overrides):
    fields = {"code": code, "display_name": name, "password": PASSWORD, **overrides}
    return account_services.invitation_register(**fields)


def test_partner_issues_random_codes_stored_only_as_hashes(partner):
    codes = account_services.invitation_codes_issue(issued_by=partner, organisation="Fundacja", count=5, days=30)
    assert len(set(codes)) == 5
    assert all(re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", c) for c in codes)
    stored = set(InvitationCode.objects.values_list("code_hash", flat=True))
    assert {account_services.hash_code(c) for c in codes} <= stored
    assert not any(account_services.normalise_code(c) in stored for c in codes)


def test_resident_cannot_issue_invitation_codes():
    with pytest.raises(RuleBroken, match="Only partner organisations"):
        account_services.invitation_codes_issue(issued_by=UserFactory(), organisation="X", count=1, days=1)


def test_issue_page_shows_codes_once_to_partners(client, partner):
    client.force_login(partner)
    response = client.post("/en/accounts/invitations/issue/", {"organisation": "Fundacja", "count": 3, "days": 7})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert len(response.context["codes"]) == 3
    assert client.get("/en/accounts/invitations/issue/").context["codes"] == []


def test_issue_page_is_forbidden_to_residents(client):
    client.force_login(UserFactory())
    assert client.get("/en/accounts/invitations/issue/").status_code == 403


def test_person_without_email_registers_with_a_code_and_is_logged_in(client, code):
    data = {"code": code.lower(), "display_name": "Mariam", "password1": PASSWORD, "password2": PASSWORD}
    response = client.post(INVITE_URL, data)
    assert response.status_code == 302
    user = User.objects.get(display_name="Mariam")
    assert user.joined_with_invitation and user.email == ""
    assert client.session["_auth_user_id"] == str(user.pk)
    assert InvitationCode.objects.get(used_by=user).used_at is not None


def test_invited_account_logs_in_later_with_its_username_and_password(client, code):
    user = register(code)
    response = client.post("/en/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_invited_account_may_comment_like_a_verified_one(code):
    user = register(code)
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, slug="z-kodem")
    comment = consultation_services.comment_post(
        consultation=consultation, author=user, text="Dzięki kodowi mogę pisać.", language="pl"
    )
    assert comment.pk


def test_used_code_is_refused_with_a_clear_message(code):
    register(code)
    with pytest.raises(RuleBroken, match="already been used"):
        register(code, name="Someone else")
    assert User.objects.filter(display_name="Someone else").count() == 0


def test_expired_code_is_refused_with_a_clear_message(code):
    with pytest.raises(RuleBroken, match="expired"):
        register(code, now=timezone.now() + 31 * DAY)


def test_unknown_code_is_refused(db):
    with pytest.raises(RuleBroken, match="not valid"):
        register("AAAA-BBBB-CCCC")


def test_refused_code_page_shows_the_reason(client, code):
    register(code)
    data = {"code": code, "display_name": "Again", "password1": PASSWORD, "password2": PASSWORD}
    response = client.post(INVITE_URL, data)
    assert response.status_code == 400
    assert "already been used" in response.content.decode()


def test_weak_password_keeps_the_code_unused(code):
    with pytest.raises(RuleBroken):
        register(code, password="123")
    assert InvitationCode.objects.get(code_hash=account_services.hash_code(code)).used_at is None


def test_invitation_attempts_are_rate_limited(client, db):
    data = {"code": "AAAA-BBBB-CCCC", "display_name": "X", "password1": PASSWORD, "password2": PASSWORD}
    for _ in range(10):
        client.post(INVITE_URL, data)
    assert "Too many attempts" in client.post(INVITE_URL, data).content.decode()


@pytest.mark.concurrent_writers
@pytest.mark.django_db(transaction=True)
def test_concurrent_use_of_one_code_makes_exactly_one_account():
    code = "CONC-URRE-NTLY"
    InvitationCode.objects.create(
        code_hash=account_services.hash_code(code), organisation="Fundacja", expires_at=timezone.now() + DAY
    )
    errors = run_in_threads(10, lambda i: register(code, name=f"Concurrent {i}"))
    assert len(errors) == 9 and all(isinstance(e, RuleBroken) for e in errors)
    assert User.objects.filter(display_name__startswith="Concurrent", joined_with_invitation=True).count() == 1


# --- anonymising and deleting -----------------------------------------------------

PRIVACY_URL = "/en/accounts/privacy/"
REAL_NAME = "Zuzanna Realname"


@pytest.fixture
def history(db):
    """A resident who commented, was replied to, proposed, supported, rated and
    used a pseudonym; returns the pieces."""
    from types import SimpleNamespace

    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, allow_proposals=True, slug="odejscie")
    person = UserFactory(display_name=REAL_NAME, email="zuzanna@example.net")
    other = UserFactory(display_name="Inna Osoba")
    consultation_services.pseudonym_set(user=person, consultation=consultation, name="Pseudonim Zuzanny")
    comment = consultation_services.comment_post(
        consultation=consultation, author=person, text="Mój komentarz.", language="pl"
    )
    reply = consultation_services.comment_post(
        consultation=consultation, author=other, text="Odpowiedź.", language="pl", parent=comment
    )
    proposal = consultation_services.proposal_submit(
        consultation=consultation, author=person, title="Moja propozycja", text="Treść.", language="pl"
    )
    others_proposal = consultation_services.proposal_submit(
        consultation=consultation, author=other, title="Cudza propozycja", text="Treść.", language="pl"
    )
    consultation_services.proposal_support(proposal=others_proposal, user=person)
    consultation_services.comment_rate(comment=reply, user=person, rating="up")
    return SimpleNamespace(
        consultation=consultation,
        person=person,
        other=other,
        comment=comment,
        reply=reply,
        proposal=proposal,
        others_proposal=others_proposal,
    )


def public_texts(client, consultation):
    base = f"/api/v1/consultations/{consultation.translation_key}"
    return [
        client.get(consultation.url).content.decode(),
        client.get(f"{base}/comments/").content.decode(),
        client.get(f"{base}/proposals/").content.decode(),
        client.get(f"{base}/comments.csv").content.decode(),
        client.get(f"{base}/proposals.csv").content.decode(),
    ]


def no_trace_of(person, texts):
    words = (REAL_NAME, "Pseudonim Zuzanny", person.username, person.email)
    return not [word for word in words for text in texts if word in text]


def test_anonymising_shows_a_former_participant_everywhere_public(client, history):
    account_services.contributions_anonymise(user=history.person)
    texts = public_texts(Client(), history.consultation)
    assert no_trace_of(history.person, texts)
    comments = client.get(f"/api/v1/consultations/{history.consultation.translation_key}/comments/").json()
    authors = {row["text"]: row["author"] for row in comments["results"]}
    with translation.override("pl"):  # the API answers in the site's default language
        assert authors["Mój komentarz."] == gettext("a former participant")


def test_anonymising_removes_the_link_to_the_person_in_the_database(history):
    from consultations.models import Comment, ConsultationPseudonym, Proposal

    account_services.contributions_anonymise(user=history.person)
    assert not Comment.objects.filter(author=history.person).exists()
    assert not Proposal.objects.filter(author=history.person).exists()
    assert not ConsultationPseudonym.objects.filter(user=history.person).exists()
    placeholder = Comment.objects.get(pk=history.comment.pk).author
    assert (placeholder.email, placeholder.display_name, placeholder.is_active) == ("", "", False)
    assert not placeholder.has_usable_password()


def test_anonymising_keeps_the_account_and_the_thread(history):
    account_services.contributions_anonymise(user=history.person)
    history.reply.refresh_from_db()
    assert history.reply.parent_id == history.comment.pk
    assert User.objects.filter(pk=history.person.pk, is_active=True).exists()


def test_anonymising_from_the_account_page_needs_confirmation(client, history):
    from consultations.models import Comment

    client.force_login(history.person)
    response = client.post(PRIVACY_URL, {"action": "anonymise"})
    assert response.status_code == 400
    assert Comment.objects.filter(author=history.person).exists()
    response = client.post(PRIVACY_URL, {"action": "anonymise", "confirm": "on"})
    assert response.status_code == 302
    assert not Comment.objects.filter(author=history.person).exists()


def test_deleting_keeps_content_as_a_former_participant(client, history):
    from consultations.models import Comment, Proposal

    account_services.account_delete(user=history.person)
    assert not User.objects.filter(pk=history.person.pk).exists()
    assert Comment.objects.get(pk=history.comment.pk).text == "Mój komentarz."
    assert Proposal.objects.get(pk=history.proposal.pk).author_name == "a former participant"
    history.others_proposal.refresh_from_db()
    assert history.others_proposal.num_vote_up == 1  # the support stays counted
    assert no_trace_of(history.person, public_texts(client, history.consultation))


def test_deleting_leaves_no_personal_data_in_the_database(history):
    from allauth.account.models import EmailAddress
    from vote.models import Vote

    from consultations.models import ConsultationPseudonym, Follow

    person = history.person
    account_services.account_delete(user=person)
    assert not User.objects.filter(username=person.username).exists()
    assert not User.objects.filter(email=person.email).exists()
    assert not User.objects.filter(display_name=REAL_NAME).exists()
    assert not EmailAddress.objects.filter(email=person.email).exists()
    assert not ConsultationPseudonym.objects.filter(name="Pseudonim Zuzanny").exists()
    assert not Follow.objects.filter(user_id=person.pk).exists()
    assert not Vote.objects.filter(user_id=person.pk).exists()


def test_deleting_with_removal_keeps_thread_shape_and_withdraws_supports(history):
    from vote.models import Vote

    from consultations.models import Comment, Proposal

    account_services.account_delete(user=history.person, remove_contributions=True)
    comment = Comment.objects.get(pk=history.comment.pk)
    assert (comment.state, comment.text) == (Comment.State.DELETED, "")
    assert Comment.objects.get(pk=history.reply.pk).parent_id == comment.pk
    assert not Proposal.objects.filter(pk=history.proposal.pk).exists()
    history.others_proposal.refresh_from_db()
    history.reply.refresh_from_db()
    assert history.others_proposal.num_vote_up == 0
    assert history.reply.num_vote_up == 0
    assert not Vote.objects.filter(user_id=history.person.pk).exists()
    assert not Comment.objects.filter(text="Mój komentarz.").exists()


def test_deleting_from_the_account_page_needs_the_password_and_confirmation(client, history):
    client.force_login(history.person)
    response = client.post(PRIVACY_URL, {"action": "delete", "confirm": "on", "password": "wrong"})
    assert response.status_code == 400
    assert User.objects.filter(pk=history.person.pk).exists()
    response = client.post(PRIVACY_URL, {"action": "delete", "confirm": "on", "password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=history.person.pk).exists()
    assert "_auth_user_id" not in client.session


def test_council_member_is_refused_account_deletion_and_membership_is_kept(client):
    from council.models import Membership, Term

    today = timezone.localdate()
    term = Term.objects.create(number=990, starts_on=today - 30 * DAY, ends_on=today + 700 * DAY)
    member = UserFactory(display_name="Radna")
    seat = Membership.objects.create(term=term, user=member, starts_on=term.starts_on)
    with pytest.raises(RuleBroken, match="seat on the Immigrants' Council"):
        account_services.account_delete(user=member)
    assert Membership.objects.get(pk=seat.pk).user == member
    client.force_login(member)
    assert "seat on the Immigrants&#x27; Council" in client.get(PRIVACY_URL).content.decode()


def test_council_member_may_still_anonymise_contributions(history):
    from council.models import Membership, Term

    today = timezone.localdate()
    term = Term.objects.create(number=991, starts_on=today - 30 * DAY, ends_on=today + 700 * DAY)
    Membership.objects.create(term=term, user=history.person, starts_on=term.starts_on)
    assert account_services.contributions_anonymise(user=history.person) == {"comments": 1, "proposals": 1}


def test_every_page_links_a_signed_in_resident_to_their_contributions_and_account(client):
    from cms import services as cms_services
    from tests.consultations.factories import consultation_index

    consultation_index()
    cms_services.tree_synchronise()
    client.force_login(UserFactory())
    response = client.get("/en/consultations/", follow=True)
    assert response.status_code == 200
    assert 'href="/en/accounts/"' in response.content.decode()  # "My participation", which links the rest
