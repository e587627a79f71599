"""The demo information centre: the directory and the frequently asked questions
in four languages, and questions waiting in the officials' queue."""

import pytest

from demo import data
from support.models import FrequentQuestion, Question, Report, Service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_every_demo_service_is_in_the_four_languages():
    slugs = [record["slug"] for record in data.load("support")["service"]]
    assert len(slugs) >= 9
    for slug in slugs:
        languages = set(Service.objects.filter(slug=slug).values_list("locale__language_code", flat=True))
        assert languages == {"pl", "en", "uk", "ru"}, slug


def test_demo_contacts_are_marked_as_demo_values():
    for service in Service.objects.all():
        assert not service.phone or service.phone.startswith("+48 58 000 00"), service
        assert not service.email or service.email.endswith("@example.org"), service


def test_every_demo_faq_came_from_an_answered_question_and_is_in_the_four_languages():
    faqs = FrequentQuestion.objects.filter(pk__in=Question.objects.values("faq"))
    assert faqs.count() == len(data.load("support")["faq"])
    for faq in faqs:
        assert {translation.locale.language_code for translation in faq.get_translations(inclusive=True)} == {
            "pl",
            "en",
            "uk",
            "ru",
        }


def test_questions_wait_in_the_officials_queue():
    assert Question.objects.filter(status=Question.Status.OPEN).count() == 2


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_help_page_of_the_demo_shows_help_points_and_faqs(client, language):
    page = client.get(f"/{language}/help/").content.decode()
    assert 'id="help-points"' in page
    assert page.count('class="faq"') == 4


def test_the_case_worker_has_reports_to_work_on():
    reports = Report.objects.all()
    assert reports.count() == 2
    assert {report.status for report in reports} == {"in_progress", "closed"}
    assert all(report.entries.exists() for report in reports)
    closed = reports.get(status="closed")
    assert closed.closed_at is not None
