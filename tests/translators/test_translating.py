import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from consultations.models import COMMENT_MAX_LENGTH, Comment
from core.errors import RuleBroken
from tests.accounts.factories import UserFactory
from tests.concurrency import run_in_threads
from tests.translators.factories import make_comment, make_proposal, make_translator
from translators import services
from translators.models import Translation, Translator

from .conftest import HOUR

pytestmark = pytest.mark.django_db


def translate(item, translator, language="pl", text="Potrzebne są bezpłatne kursy języka polskiego.", **kwargs):
    return services.translation_submit(item=item, translator=translator.user, language=language, text=text, **kwargs)


def test_approved_translator_translates_a_comment(consultation, translator):
    comment = make_comment(consultation)
    translation = translate(comment, translator)
    assert (translation.comment, translation.language, translation.translator) == (comment, "pl", translator.user)


def test_a_proposal_is_translated_with_its_title(consultation, translator):
    proposal = make_proposal(consultation)
    translation = translate(proposal, translator, title="Kursy w sobotę", text="Proponuję kursy w sobotę.")
    assert (translation.proposal, translation.title) == (proposal, "Kursy w sobotę")


def test_a_proposal_translation_without_a_title_is_refused(consultation, translator):
    with pytest.raises(RuleBroken, match="title too"):
        translate(make_proposal(consultation), translator, title="  ")


def test_translating_twice_into_one_language_is_refused(consultation, translator):
    comment = make_comment(consultation)
    translate(comment, translator)
    other = make_translator(pairs=[("uk", "pl")])
    with pytest.raises(RuleBroken, match="already been translated"):
        translate(comment, other, text="Inne tłumaczenie.")
    assert Translation.objects.filter(comment=comment).count() == 1


def test_the_database_refuses_a_second_translation_into_one_language(consultation, translator):
    comment = make_comment(consultation)
    translate(comment, translator)
    with pytest.raises(IntegrityError), transaction.atomic():
        Translation.objects.create(comment=comment, language="pl", translator=translator.user, text="Drugie.")


def test_the_database_refuses_a_translation_of_nothing(translator):
    with pytest.raises(IntegrityError), transaction.atomic():
        Translation.objects.create(language="pl", translator=translator.user, text="Czego?")


def test_an_empty_translation_is_refused(consultation, translator):
    with pytest.raises(RuleBroken, match="write the translation"):
        translate(make_comment(consultation), translator, text=" \n ")


def test_a_translation_longer_than_a_comment_is_refused(consultation, translator):
    with pytest.raises(RuleBroken, match="at most 4000"):
        translate(make_comment(consultation), translator, text="a" * (COMMENT_MAX_LENGTH + 1))


def test_a_pair_the_translator_does_not_hold_is_refused(consultation, translator):
    english = make_comment(consultation, language="en", text="We need evening classes.")
    with pytest.raises(RuleBroken, match="do not translate from this language"):
        translate(english, translator)


def test_translating_into_the_original_language_is_refused(consultation, translator):
    with pytest.raises(RuleBroken, match="another of the site's languages"):
        translate(make_comment(consultation), translator, language="uk")


@pytest.mark.parametrize("status", [Translator.Status.PENDING, Translator.Status.REJECTED])
def test_translators_not_approved_cannot_translate(consultation, status):
    translator = make_translator(status=status)
    with pytest.raises(RuleBroken, match="Only approved translators"):
        translate(make_comment(consultation), translator)


def test_a_hidden_comment_cannot_be_translated(consultation, translator):
    with pytest.raises(RuleBroken, match="Only published comments"):
        translate(make_comment(consultation, state=Comment.State.HIDDEN), translator)


def test_a_hidden_proposal_cannot_be_translated(consultation, translator):
    with pytest.raises(RuleBroken, match="Hidden proposals"):
        translate(make_proposal(consultation, is_hidden=True), translator, title="Tytuł")


def test_a_comment_still_editable_by_its_author_cannot_be_translated_yet(consultation, translator):
    with pytest.raises(RuleBroken, match="can still be edited"):
        translate(make_comment(consultation, age=HOUR / 60), translator)


def test_translation_form_publishes_and_returns_to_the_queue(client, consultation, translator):
    comment = make_comment(consultation)
    client.force_login(translator.user)
    url = reverse("translators:translate", args=["comment", comment.pk, "pl"])
    page = client.get(url).content.decode()
    assert f'lang="uk"><p>{comment.text}</p>' in page
    response = client.post(url, {"text": "Potrzebne są kursy."})
    assert response.status_code == 302
    assert Translation.objects.get(comment=comment, language="pl").text == "Potrzebne są kursy."


def test_translation_form_shows_why_a_second_translation_is_refused(client, consultation, translator):
    comment = make_comment(consultation)
    translate(comment, translator)
    client.force_login(translator.user)
    response = client.post(
        reverse("translators:translate", args=["comment", comment.pk, "pl"]), {"text": "Jeszcze raz."}
    )
    assert response.status_code == 400
    assert "already been translated" in response.content.decode()


def test_translation_form_of_a_hidden_comment_is_not_found(client, consultation, translator):
    comment = make_comment(consultation, state=Comment.State.HIDDEN)
    client.force_login(translator.user)
    assert client.get(reverse("translators:translate", args=["comment", comment.pk, "pl"])).status_code == 404


def test_translation_form_refuses_residents_who_are_not_translators(client, consultation):
    comment = make_comment(consultation)
    client.force_login(UserFactory())
    response = client.post(reverse("translators:translate", args=["comment", comment.pk, "pl"]), {"text": "Hej."})
    assert response.status_code == 403
    assert not Translation.objects.filter(comment=comment).exists()


@pytest.mark.concurrent_writers
@pytest.mark.django_db(transaction=True)
def test_concurrent_translations_of_one_comment_into_one_language_keep_one(bare_tree):
    from tests.consultations.factories import make_consultation

    # A consultation the translators may see: translations of comments on hidden ones are refused.
    comment = make_comment(make_consultation(), text="Потрібні курси.", language="uk")
    translators = [make_translator(pairs=[("uk", "pl")]) for _index in range(8)]

    def submit(index):
        translate(comment, translators[index], text=f"Potrzebne kursy ({index}).")

    errors = run_in_threads(len(translators), submit)
    assert Translation.objects.filter(comment=comment, language="pl").count() == 1
    assert len(errors) == len(translators) - 1
    assert all(isinstance(error, RuleBroken) and "already been translated" in error.message for error in errors)
