import pytest
from django.utils import translation

from consultations.forms import CommentForm, ProposalForm
from core.detection import AUTO, suggest_language
from tests.consultations.factories import comment_url

POLISH = "Dzień dobry, chciałabym zapisać córkę na bezpłatne lekcje polskiego po szkole."
UKRAINIAN = "Добрий день! Я хочу записати доньку на безкоштовні уроки польської мови після школи."
RUSSIAN = "Добрый день! Я хочу записать дочь на бесплатные уроки польского языка после школы."
ENGLISH = "Hello, I would like to sign my daughter up for free Polish lessons after school."


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (POLISH, "pl"),
        ("Brakuje miejsc w przedszkolach na Oruni. Czy miasto otworzy nowe grupy?", "pl"),
        (UKRAINIAN, "uk"),
        ("Мені потрібна допомога з документами до ужонду.", "uk"),
        (RUSSIAN, "ru"),
        ("Мне нужна помощь с документами в ужонде.", "ru"),
        (ENGLISH, "en"),
        ("The bus to the office does not run on Sundays. Could that change?", "en"),
    ],
)
def test_detects_the_language_of_real_short_texts(text, language):
    assert suggest_language(text) == language


def test_tells_ukrainian_from_russian_in_nearly_the_same_sentence():
    assert suggest_language("Коли відкриють нову школу на Морені? Діти чекають уже рік.") == "uk"
    assert suggest_language("Когда откроют новую школу на Морене? Дети ждут уже год.") == "ru"


@pytest.mark.parametrize("text", ["", "   ", "ok", "PESEL", "Привіт", "Дякую!"])
def test_suggests_nothing_for_very_short_text(text):
    assert suggest_language(text) is None


def test_suggests_nothing_for_text_without_letters():
    assert suggest_language("1234 5678 90 !!! ??? 2026-11-26") is None


def comment_form(text, language):
    return CommentForm({"text": text, "language": language, "section": ""})


def test_comment_form_offers_detection_first_and_by_default():
    form = CommentForm()
    assert form.fields["language"].initial == AUTO
    assert [value for value, _label in form.fields["language"].choices] == [AUTO, "pl", "en", "uk", "ru"]


def test_comment_form_detects_the_language_when_asked():
    form = comment_form(UKRAINIAN, AUTO)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["language"] == "uk"


def test_the_writers_explicit_choice_overrides_the_detector():
    form = comment_form(UKRAINIAN, "ru")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["language"] == "ru"


def test_undetectable_text_falls_back_to_the_readers_language():
    with translation.override("uk"):
        form = comment_form("OK!!", AUTO)
        assert form.is_valid(), form.errors
    assert form.cleaned_data["language"] == "uk"


def test_an_unknown_language_choice_is_refused():
    assert not comment_form(POLISH, "de").is_valid()


def test_proposal_form_detects_the_language_when_asked():
    form = ProposalForm({"title": "Lekcje", "text": RUSSIAN, "language": AUTO})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["language"] == "ru"


def test_proposal_form_keeps_the_writers_choice():
    form = ProposalForm({"title": "Lekcje", "text": RUSSIAN, "language": "uk"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["language"] == "uk"


@pytest.mark.django_db
def test_comment_posted_with_detection_is_stored_in_the_detected_language(client, consultation):
    from consultations.models import Comment
    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post(comment_url(consultation), {"text": RUSSIAN, "language": AUTO, "section": ""})
    assert response.status_code == 302
    assert Comment.objects.filter(consultation_key=consultation.translation_key).get().language == "ru"


@pytest.mark.django_db
def test_detect_endpoint_suggests_a_language(client):
    response = client.post("/en/translators/detect/", {"text": UKRAINIAN})
    assert response.json()["language"] == "uk"


@pytest.mark.django_db
def test_detect_endpoint_suggests_nothing_for_a_word(client):
    assert client.post("/en/translators/detect/", {"text": "Так"}).json()["language"] is None
