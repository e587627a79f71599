"""An empty form's markup is rendered once and reused (core.formmarkup): each
reader still gets exactly the form that was made for them."""

import pytest
from django.utils import translation

from consultations.forms import CommentForm, PseudonymForm
from consultations.models import ConsultationPseudonym
from core.formmarkup import markup
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation

pytestmark = pytest.mark.django_db


def test_an_empty_form_is_rendered_as_django_renders_it():
    form = CommentForm(sections={"b1": "Plan"})
    assert markup(form) == form.as_div()
    assert markup(CommentForm(sections={"b1": "Plan"})) == form.as_div()  # the second time from memory


def test_each_readers_own_name_stays_in_their_form():
    annas = markup(PseudonymForm(initial={"name": "Anna K."}))
    borys = markup(PseudonymForm(initial={"name": "Borys N."}))
    assert 'value="Anna K."' in annas
    assert "Anna K." not in borys
    assert 'value="Borys N."' in borys


def test_the_sections_of_each_consultation_are_offered_in_its_form():
    plan = markup(CommentForm(sections={"b1": "Plan lekcji"}))
    budget = markup(CommentForm(sections={"b1": "Budżet"}))
    assert "Plan lekcji" in plan
    assert "Plan lekcji" not in budget
    assert "Budżet" in budget


def test_the_official_field_shows_only_to_those_who_may_answer_for_the_city():
    assert 'name="official"' not in markup(CommentForm(sections={}))
    assert 'name="official"' in markup(CommentForm(sections={}, official=True))


def test_the_form_is_in_the_readers_language():
    with translation.override("pl"):
        polish = markup(PseudonymForm())
    with translation.override("uk"):
        ukrainian = markup(PseudonymForm())
    assert polish != ukrainian
    with translation.override("pl"):
        assert markup(PseudonymForm()) == polish


def test_a_sent_form_shows_what_was_written_and_its_errors():
    markup(CommentForm(sections={}))  # the empty one in memory
    sent = markup(CommentForm(data={"text": "", "language": "pl"}, sections={}))
    assert 'class="errorlist' in sent
    kept = markup(CommentForm(data={"text": "Mój szkic", "language": "xx"}, sections={}))
    assert "Mój szkic" in kept


def test_two_readers_of_a_consultation_each_see_their_own_name_in_its_pseudonym_form(client):
    consultation = make_consultation()
    anna, borys = UserFactory(display_name="Anna"), UserFactory(display_name="Borys")
    ConsultationPseudonym.objects.create(user=anna, consultation_key=consultation.translation_key, name="Sowa")
    client.force_login(anna)
    annas = client.get(consultation.url).content.decode()
    client.force_login(borys)
    borys_page = client.get(consultation.url).content.decode()
    assert 'value="Sowa"' in annas
    assert "Sowa" not in borys_page
