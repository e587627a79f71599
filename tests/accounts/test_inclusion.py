"""Participation whatever your papers (issue 7, item 7): nothing asks for
identity papers; invitation codes; anonymising and deleting an account."""

import datetime
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from accounts import services as account_services
from accounts.groups import PARTNERS
from accounts.models import InvitationCode
from cms.errors import RuleBroken
from consultations import forms as consultation_forms
from consultations import services as consultation_services
from tests.concurrency import run_in_threads
from tests.factories import PASSWORD, UserFactory, make_consultation

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
    from accounts.forms import InvitationSignupForm

    yield client.get("/en/accounts/signup/").context["form"]
    yield InvitationSignupForm()
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
INVITE_URL = "/en/participation/invitation/"


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
    response = client.post("/en/participation/invitations/issue/", {"organisation": "Fundacja", "count": 3, "days": 7})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert len(response.context["codes"]) == 3
    assert client.get("/en/participation/invitations/issue/").context["codes"] == []


def test_issue_page_is_forbidden_to_residents(client):
    client.force_login(UserFactory())
    assert client.get("/en/participation/invitations/issue/").status_code == 403


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


@pytest.mark.django_db(transaction=True)
def test_concurrent_use_of_one_code_makes_exactly_one_account():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: concurrent writers (set DATABASE_URL)")
    code = "CONC-URRE-NTLY"
    InvitationCode.objects.create(
        code_hash=account_services.hash_code(code), organisation="Fundacja", expires_at=timezone.now() + DAY
    )
    errors = run_in_threads(10, lambda i: register(code, name=f"Concurrent {i}"))
    assert len(errors) == 9 and all(isinstance(e, RuleBroken) for e in errors)
    assert User.objects.filter(display_name__startswith="Concurrent", joined_with_invitation=True).count() == 1
