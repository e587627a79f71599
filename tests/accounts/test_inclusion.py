"""Participation whatever your papers (issue 7, item 7): nothing asks for
identity papers; invitation codes; anonymising and deleting an account."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from consultations import forms as consultation_forms

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
    yield client.get("/en/accounts/signup/").context["form"]
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
