"""Residents ask at /<lang>/help/ask/ (signed in or with an e-mail address only);
officials answer from a queue by language and age; the asker is e-mailed in
their language; with consent the answer becomes a frequently asked question."""

import pytest
from django.core import mail
from wagtail.models import Locale

from core.errors import RuleBroken
from support import services
from support.forms import AskForm, ReportForm
from support.models import FrequentQuestion, Question
from tests.accounts import factories as people
from tests.accounts.factories import UserFactory, admin_login
from tests.accounts.test_inclusion import PAPERS, _words_of_form_fields
from tests.support.factories import question

pytestmark = pytest.mark.django_db

UKRAINIAN = "Як записати дитину до школи в Гданську, якщо ми щойно приїхали?"


def test_a_resident_without_an_account_asks_with_an_email_address_and_the_language_is_detected(client):
    response = client.post("/pl/help/ask/", {"text": UKRAINIAN, "language": "auto", "email": "olena@example.net"})

    assert response.status_code == 302
    asked = Question.objects.get()
    assert (asked.language, asked.email, asked.user, asked.may_publish) == ("uk", "olena@example.net", None, False)


def test_without_an_account_an_email_address_is_required_and_nothing_is_saved(client):
    response = client.post("/uk/help/ask/", {"text": UKRAINIAN, "language": "auto"})
    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    assert not Question.objects.exists()


def test_a_signed_in_resident_is_not_asked_for_an_email_address(client):
    resident = UserFactory()
    client.force_login(resident)

    assert 'name="email"' not in client.get("/en/help/ask/").content.decode()
    client.post("/en/help/ask/", {"text": "How do I register my address?", "language": "en", "may_publish": "on"})

    asked = Question.objects.get()
    assert (asked.user, asked.email, asked.may_publish, asked.language) == (resident, "", True, "en")


def test_a_signed_in_resident_without_an_email_address_gives_one_for_the_answer(client):
    resident = UserFactory(email="", verified=False)
    client.force_login(resident)

    refused = client.post("/uk/help/ask/", {"text": UKRAINIAN, "language": "uk"})
    client.post("/uk/help/ask/", {"text": UKRAINIAN, "language": "uk", "email": "olena@example.net"})

    assert refused.status_code == 400
    asked = Question.objects.get()
    assert (asked.user, asked.reply_address) == (resident, "olena@example.net")


def test_the_form_has_no_place_for_documents(client):
    page = client.get("/uk/help/ask/").content.decode()
    assert 'type="file"' not in page
    assert "multipart" not in page


@pytest.mark.parametrize("text", ["", "   ", "x" * 4001])
def test_an_empty_or_too_long_question_is_refused_with_a_message(client, text):
    response = client.post("/pl/help/ask/", {"text": text, "language": "pl", "email": "a@example.net"})
    assert response.status_code == 400
    assert response.context["form"].errors["text"]
    assert not Question.objects.exists()


def test_a_flood_of_questions_from_one_address_gets_429(client):
    for _ in range(services.QUESTIONS_PER_HOUR):
        client.post("/pl/help/ask/", {"text": "Pytanie o meldunek", "language": "pl", "email": "a@example.net"})
    response = client.post("/pl/help/ask/", {"text": "Pytanie o meldunek", "language": "pl", "email": "a@example.net"})
    assert response.status_code == 429
    assert Question.objects.count() == services.QUESTIONS_PER_HOUR


def test_an_official_answers_and_the_asker_is_emailed_once_in_their_language(django_capture_on_commit_callbacks):
    asked = question(UKRAINIAN, language="uk", email="olena@example.net")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.question_answer(
            question=asked, official=people.official(), answer="Зверніться до школи у вашому районі."
        )

    # One e-mail is sent after the commit (the caches renew their versions then too).
    assert sum("notify" in callback.__qualname__ for callback in callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["olena@example.net"]
    assert "/uk/help/" in message.body  # written with the asker's language active
    assert "Зверніться до школи у вашому районі." in message.body
    asked.refresh_from_db()
    assert asked.status == Question.Status.ANSWERED


def test_a_signed_in_asker_is_emailed_at_their_account_address(django_capture_on_commit_callbacks):
    resident = UserFactory(email="pedro@example.net")
    asked = question("How do I get a PESEL?", language="en", user=resident)
    with django_capture_on_commit_callbacks(execute=True):
        services.question_answer(question=asked, official=people.official(), answer="At the city office.")
    assert mail.outbox[0].to == ["pedro@example.net"]


def test_a_question_is_answered_only_once():
    asked = question()
    services.question_answer(question=asked, official=people.official(), answer="Tak.")
    with pytest.raises(RuleBroken, match="already been answered"):
        services.question_answer(question=asked, official=people.official(), answer="Jeszcze raz.")


@pytest.mark.parametrize("who", [people.moderator, UserFactory, people.partner])
def test_only_officials_answer_questions(who):
    asked = question()
    with pytest.raises(RuleBroken):
        services.question_answer(question=asked, official=who(), answer="Tak.")
    asked.refresh_from_db()
    assert asked.status == Question.Status.OPEN


def test_with_consent_the_answer_is_published_anonymised_in_the_askers_language(client):
    asked = question(UKRAINIAN + " Мене звати Олена.", language="uk", may_publish=True)

    services.question_answer(
        question=asked,
        official=people.official(),
        answer="Олено, зверніться до школи.",
        publish=True,
        faq_question="Як записати дитину до школи?",
        faq_answer="Зверніться до школи у вашому районі.",
        area="education",
    )

    faq = FrequentQuestion.objects.get()
    assert (faq.locale.language_code, faq.area) == ("uk", "education")
    page = client.get("/uk/help/").content.decode()
    assert "Як записати дитину до школи?" in page
    assert "Олена" not in page
    assert "Як записати дитину до школи?" not in client.get("/pl/help/").content.decode()


def test_a_published_question_appears_in_another_language_once_translated(client):
    asked = question(language="pl", may_publish=True)
    services.question_answer(
        question=asked,
        official=people.official(),
        answer="Tak.",
        publish=True,
        faq_question="Jak zapisać dziecko do szkoły?",
        faq_answer="W szkole rejonowej.",
    )
    faq = FrequentQuestion.objects.get()
    translation = faq.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.question, translation.answer = "How do I enrol my child at school?", "At the local school."
    translation.save()

    assert "How do I enrol my child at school?" in client.get("/en/help/").content.decode()


def test_without_consent_the_answer_cannot_be_published():
    asked = question(may_publish=False)
    with pytest.raises(RuleBroken, match="did not agree"):
        services.question_answer(
            question=asked,
            official=people.official(),
            answer="Tak.",
            publish=True,
            faq_question="Pytanie?",
            faq_answer="Odpowiedź.",
        )
    assert not FrequentQuestion.objects.exists()
    asked.refresh_from_db()
    assert asked.status == Question.Status.OPEN


def test_the_queue_lists_open_questions_oldest_first_and_counts_them_by_language(client):
    first = question("Pierwsze pytanie", language="pl")
    question("Друге запитання про школу", language="uk")
    third = question("Trzecie pytanie", language="pl")
    question("Odpowiedziane", status=Question.Status.ANSWERED)
    admin_login(client, people.official())

    response = client.get("/admin/help/questions/", {"language": "pl"})

    assert response.status_code == 200
    assert list(response.context["questions"]) == [first, third]
    waiting = {code: count for code, _name, count, _oldest in response.context["languages"]}
    assert waiting == {"pl": 2, "en": 0, "uk": 1, "ru": 0}


def test_the_answer_page_links_to_the_translators_base(client):
    asked = question(UKRAINIAN, language="uk")
    admin_login(client, people.official())
    page = client.get(f"/admin/help/questions/{asked.pk}/").content.decode()
    assert 'href="/en/translators/"' in page


def test_an_official_answers_from_the_admin(client, django_capture_on_commit_callbacks):
    asked = question(UKRAINIAN, language="uk", email="olena@example.net")
    admin_login(client, people.official())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/help/questions/{asked.pk}/", {"answer": "Зверніться до школи."})
    assert response.status_code == 302
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("who", [people.moderator, UserFactory])
def test_people_who_are_not_officials_do_not_see_the_queue(client, who):
    user = who()
    client.force_login(user)
    assert client.get("/admin/help/questions/").status_code in (302, 403)


def test_neither_the_question_form_nor_the_report_form_asks_for_papers():
    for form in (AskForm(), AskForm(has_address=True), ReportForm()):
        for word in _words_of_form_fields(form):
            assert not PAPERS.search(word), f"{type(form).__name__} asks for papers: {word!r}"


def test_officials_keep_the_directory_and_the_faqs_in_the_admin(client):
    admin_login(client, people.official())
    for url in (
        "/admin/snippets/support/service/",
        "/admin/snippets/support/service/add/",
        "/admin/snippets/support/frequentquestion/",
    ):
        assert client.get(url).status_code == 200, url


def test_an_official_publishes_an_answer_from_the_admin_when_the_asker_agreed(client):
    asked = question(UKRAINIAN, language="uk", may_publish=True)
    admin_login(client, people.official())
    assert 'name="faq_question"' in client.get(f"/admin/help/questions/{asked.pk}/").content.decode()

    response = client.post(
        f"/admin/help/questions/{asked.pk}/",
        {
            "answer": "Зверніться до школи.",
            "publish": "on",
            "faq_question": "Як записати дитину до школи?",
            "faq_answer": "Зверніться до школи свого району.",
            "area": "education",
        },
    )

    assert response.status_code == 302
    faq = FrequentQuestion.objects.get()
    assert (faq.question, faq.area, faq.locale.language_code) == ("Як записати дитину до школи?", "education", "uk")


def test_the_admin_offers_no_publishing_without_the_askers_consent(client):
    asked = question(may_publish=False)
    admin_login(client, people.official())
    assert 'name="faq_question"' not in client.get(f"/admin/help/questions/{asked.pk}/").content.decode()
