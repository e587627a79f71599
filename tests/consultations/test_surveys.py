"""Surveys inside consultations: answering, changing, paper answers, permissions and results."""

import datetime
import importlib

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from accounts.groups import FACILITATORS
from accounts.models import Placeholder
from consultations import surveys
from consultations.selectors import consultation_counts, participant_count, participants_by_consultation
from consultations.survey_models import SurveyAnswer, SurveyResponse
from core.errors import RuleBroken
from opendata.stats import FEWER_THAN_5, WITHHELD
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_comment, make_consultation, outcome_page
from tests.consultations.survey_factories import (
    EVENING,
    HOURS,
    LANGUAGES,
    MORNING,
    PL,
    RU,
    SATURDAY,
    SCALE,
    TEXT,
    UK,
    good_answers,
    make_survey_consultation,
    survey_blocks,
)

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(db):
    return make_survey_consultation()


@pytest.fixture
def facilitator(db):
    user = UserFactory(display_name="Centrum Wsparcia Imigrantów")
    user.groups.add(Group.objects.get(name=FACILITATORS))
    return user


def answer(consultation, user=None, **overrides):
    with translation.override("en"):
        return surveys.survey_answer(
            consultation=consultation, user=user or UserFactory(), answers=good_answers(**overrides), language="pl"
        )


def error_of(consultation, question_id, **overrides):
    with pytest.raises(surveys.SurveyInvalid) as invalid:
        answer(consultation, **overrides)
    return invalid.value.errors[question_id]


# --- answering ---------------------------------------------------------------------


def test_a_residents_answers_are_saved_one_row_per_choice(survey):
    response = answer(survey)
    rows = set(response.answers.values_list("question_id", "option_id", "number", "text"))
    assert rows == {
        (HOURS, MORNING, None, ""),
        (LANGUAGES, PL, None, ""),
        (LANGUAGES, UK, None, ""),
        (SCALE, "", 4, ""),
        (TEXT, "", None, "Więcej dyżurów."),
    }
    assert response.respondent is not None and not response.on_paper


def test_answering_twice_changes_the_one_response(survey, resident):
    answer(survey, resident)
    answer(survey, resident, **{HOURS: SATURDAY, LANGUAGES: [RU]})
    assert SurveyResponse.objects.filter(respondent=resident).count() == 1
    chosen = set(SurveyAnswer.objects.filter(response__respondent=resident).values_list("option_id", flat=True))
    assert chosen == {SATURDAY, RU, ""}


def test_an_optional_question_may_be_left_empty(survey):
    response = answer(survey, **{LANGUAGES: [], SCALE: "", TEXT: "  "})
    assert set(response.answers.values_list("question_id", flat=True)) == {HOURS}


def test_an_empty_required_question_is_refused_clearly(survey):
    assert error_of(survey, HOURS, **{HOURS: ""}) == "Please answer this question."


def test_too_long_a_text_answer_is_refused_with_its_length(survey):
    message = error_of(survey, TEXT, **{TEXT: "x" * 51})
    assert message == "An answer may be at most 50 characters long; this one has 51."


def test_an_unknown_option_is_refused(survey):
    assert error_of(survey, HOURS, **{HOURS: "o-nonsense"}) == "That answer is not one of this question's options."


def test_two_answers_to_a_single_choice_are_refused(survey):
    assert error_of(survey, HOURS, **{HOURS: [MORNING, EVENING]}) == "Choose only one answer."


def test_too_many_choices_are_refused(survey):
    assert error_of(survey, LANGUAGES, **{LANGUAGES: [PL, UK, RU]}) == "Choose at most 2 answers."


def test_too_few_choices_are_refused():
    consultation = make_survey_consultation(survey=survey_blocks(min_choices=2))
    assert error_of(consultation, LANGUAGES, **{LANGUAGES: [PL]}) == "Choose at least 2 answers."


@pytest.mark.parametrize("value", ["0", "6", "-1", "abc", "²", "3.5"])
def test_a_scale_value_out_of_range_or_not_a_number_is_refused(survey, value):
    assert error_of(survey, SCALE, **{SCALE: value}) == "Choose one value from 1 to 5."


def test_every_bad_answer_is_reported_at_once(survey):
    with pytest.raises(surveys.SurveyInvalid) as invalid:
        answer(survey, **{HOURS: "", SCALE: "9", TEXT: "x" * 99})
    assert set(invalid.value.errors) == {HOURS, SCALE, TEXT}
    assert not SurveyResponse.objects.exists()


def test_an_answer_to_another_consultations_question_is_refused(survey):
    other = make_consultation(survey=[{**survey_blocks()[0], "id": "q-elsewhere"}], slug="inna")
    with translation.override("en"), pytest.raises(RuleBroken, match="not part of this consultation's survey"):
        surveys.survey_answer(consultation=survey, user=UserFactory(), answers={"q-elsewhere": MORNING}, language="pl")
    assert other.pk != survey.pk


def test_no_answers_at_all_is_refused(survey):
    consultation = make_survey_consultation(survey=survey_blocks()[1:])
    with translation.override("en"), pytest.raises(RuleBroken, match="at least one question"):
        surveys.survey_answer(consultation=consultation, user=UserFactory(), answers={}, language="pl")


def test_control_characters_in_a_text_answer_are_removed(survey):
    response = answer(survey, **{TEXT: "Dyżury\x00 w\r\nsoboty"})
    assert response.answers.get(question_id=TEXT).text == "Dyżury w\nsoboty"


def test_answers_after_closing_are_refused(resident):
    closed = make_survey_consultation(opens_at=NOW - 20 * DAY, closes_at=NOW - DAY)
    with pytest.raises(RuleBroken, match="closed; survey answers can no longer be given or changed"):
        answer(closed, resident)


def test_answers_cannot_be_changed_after_closing(resident):
    closing = make_survey_consultation(opens_at=NOW - 20 * DAY, closes_at=NOW - DAY)
    with translation.override("en"):
        surveys.survey_answer(
            consultation=closing, user=resident, answers=good_answers(), language="pl", now=NOW - 2 * DAY
        )
    with pytest.raises(RuleBroken, match="closed"):
        answer(closing, resident, **{HOURS: EVENING})
    assert SurveyAnswer.objects.get(question_id=HOURS).option_id == MORNING


def test_answers_before_opening_are_refused():
    upcoming = make_survey_consultation(opens_at=NOW + DAY, closes_at=NOW + 10 * DAY)
    with pytest.raises(RuleBroken, match="opens when the consultation opens"):
        answer(upcoming)


def test_a_consultation_without_a_survey_takes_no_answers(open_consultation):
    with pytest.raises(RuleBroken, match="has no survey"):
        answer(open_consultation)


def test_a_resident_without_a_confirmed_address_cannot_answer(survey):
    with pytest.raises(RuleBroken, match="Confirm your e-mail address"):
        answer(survey, UserFactory(verified=False))


# --- paper answers -------------------------------------------------------------------


def enter(consultation, user, **overrides):
    fields = {"source": "paper", "language": "uk", **overrides}
    with translation.override("en"):
        return surveys.survey_enter_on_paper(
            consultation=consultation, facilitator=user, answers=good_answers(), **fields
        )


def test_a_facilitator_enters_paper_answers_naming_nobody(survey, facilitator):
    response = enter(survey, facilitator)
    assert response.on_paper and response.facilitator == facilitator and response.language == "uk"
    stand_in = response.respondent
    assert stand_in.placeholder == Placeholder.ASSISTED
    assert not stand_in.is_active and not stand_in.has_usable_password() and not stand_in.email
    assert stand_in.display_name == ""
    second = enter(survey, facilitator)
    assert SurveyResponse.objects.filter(submitted_via="paper").count() == 2
    assert second.respondent != stand_in, "each paper response stands for a person of its own"


def test_a_resident_cannot_enter_paper_answers(survey, resident):
    with pytest.raises(RuleBroken, match="Only facilitators"):
        enter(survey, resident)


def test_paper_answers_with_an_unknown_source_are_refused(survey, facilitator):
    with pytest.raises(RuleBroken, match="where the answers come from"):
        enter(survey, facilitator, source="carrier-pigeon")


def test_paper_answers_after_closing_are_refused(facilitator):
    closed = make_survey_consultation(opens_at=NOW - 20 * DAY, closes_at=NOW - DAY)
    with pytest.raises(RuleBroken, match="only while the consultation is open"):
        enter(closed, facilitator)


def test_bad_paper_answers_are_refused_as_online_ones(survey, facilitator):
    with pytest.raises(surveys.SurveyInvalid), translation.override("en"):
        surveys.survey_enter_on_paper(
            consultation=survey, facilitator=facilitator, answers={HOURS: ""}, language="pl", source="paper"
        )


def test_the_paper_form_is_forbidden_to_residents(client, survey, resident):
    client.force_login(resident)
    response = client.get(reverse("consultations:survey_paper", args=[survey.pk]))
    assert response.status_code == 403
    response = client.post(reverse("consultations:survey_paper", args=[survey.pk]), {f"q-{HOURS}": MORNING})
    assert response.status_code == 403
    assert not SurveyResponse.objects.exists()


def test_the_paper_form_saves_a_facilitators_entry(client, survey, facilitator):
    client.force_login(facilitator)
    url = reverse("consultations:survey_paper", args=[survey.pk])
    response = client.post(url, {"source": "phone", "language": "ru", f"q-{HOURS}": EVENING})
    assert response.status_code == 302
    saved = SurveyResponse.objects.get()
    assert (saved.submitted_via, saved.language, saved.respondent.placeholder) == ("phone", "ru", Placeholder.ASSISTED)


# --- the form ------------------------------------------------------------------------


def survey_url(consultation):
    with translation.override(consultation.locale.language_code):
        return reverse("consultations:survey", args=[consultation.pk])


def test_the_survey_form_asks_every_question(client, survey, resident):
    client.force_login(resident)
    response = client.get(survey_url(survey))
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Kiedy centrum ma być otwarte?", "W jakich językach?", "Jak ważne jest centrum?", "Co jeszcze?"):
        assert text in html
    assert f'name="q-{HOURS}" id="q-{HOURS}-1" value="{MORNING}"' in html
    assert 'type="checkbox"' in html and "<fieldset" in html and "<legend>" in html


def test_a_visitor_is_asked_to_log_in_and_sees_no_form(client, survey):
    response = client.get(survey_url(survey))
    assert response.status_code == 200
    assert f'name="q-{HOURS}"' not in response.content.decode()
    assert reverse("account_login") in response.content.decode()


def test_sending_the_form_saves_and_shows_the_answers_again(client, survey, resident):
    client.force_login(resident)
    data = {f"q-{HOURS}": EVENING, f"q-{LANGUAGES}": [PL, UK], f"q-{SCALE}": "5", f"q-{TEXT}": "Tak"}
    response = client.post(survey_url(survey), data)
    assert response.status_code == 302
    page = client.get(survey_url(survey)).content.decode()
    assert f'value="{EVENING}" checked' in page and 'value="Tak"' in page


def test_a_bad_form_is_shown_again_with_the_error_beside_its_question(client, survey, resident):
    client.force_login(resident)
    with translation.override("en"):
        response = client.post(survey_url(survey), {f"q-{SCALE}": "7", f"q-{TEXT}": "Zostaje"})
    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="q-{HOURS}-error"' in html and f'id="q-{SCALE}-error"' in html
    assert 'aria-invalid="true"' in html and 'value="Zostaje"' in html
    assert not SurveyResponse.objects.exists()


def test_a_form_for_another_survey_is_refused_without_saving(client, survey, resident):
    client.force_login(resident)
    response = client.post(survey_url(survey), {"q-q-elsewhere": MORNING})
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_a_consultation_without_a_survey_has_no_survey_page(client, open_consultation):
    assert client.get(survey_url(open_consultation)).status_code == 404


def test_the_consultation_page_leads_to_its_survey(client, survey, open_consultation):
    assert survey_url(survey) in client.get(survey.url).content.decode()
    assert 'id="survey"' not in client.get(open_consultation.url).content.decode()


# --- results -------------------------------------------------------------------------


def closed_with_answers(online=6, paper=2):
    consultation = make_survey_consultation(opens_at=NOW - 20 * DAY, closes_at=NOW - DAY)
    facilitator = UserFactory()
    facilitator.groups.add(Group.objects.get(name=FACILITATORS))
    when = NOW - 5 * DAY
    with translation.override("en"):
        for n in range(online):
            surveys.survey_answer(
                consultation=consultation,
                user=UserFactory(),
                answers=good_answers(**({HOURS: EVENING} if n == 0 else {})),
                language="pl",
                now=when,
            )
        for _n in range(paper):
            surveys.survey_enter_on_paper(
                consultation=consultation,
                facilitator=facilitator,
                answers=good_answers(**{TEXT: ""}),
                language="uk",
                source="paper",
                now=when,
            )
    return consultation


def test_results_are_not_public_while_the_consultation_is_open(survey):
    answer(survey)
    assert surveys.survey_results(consultation=survey) is None


def test_results_count_each_answer_under_the_small_count_rule():
    consultation = closed_with_answers(online=6, paper=2)
    results = surveys.survey_results(consultation=consultation)
    hours = {code: value for code, _label, value in results.questions[0].rows}
    # Morning 7, evening 1 (shown "<5"), so one more is withheld: the smallest other, never the largest.
    assert hours == {MORNING: 7, EVENING: FEWER_THAN_5, SATURDAY: WITHHELD, "none": 0}
    # Two on paper: the total would give them away beside the online count, which is withheld.
    assert results.respondents == {"online": WITHHELD, "paper": FEWER_THAN_5, "total": 8}


def test_paper_answers_are_counted_apart():
    consultation = closed_with_answers(online=5, paper=5)
    results = surveys.survey_results(consultation=consultation)
    assert results.respondents == {"online": 5, "paper": 5, "total": 10}
    text = results.questions[3]
    assert text.answered == {"online": 5, "paper": 0, "total": 5}


def test_text_answers_are_counted_never_shown():
    consultation = closed_with_answers(online=5, paper=0)
    results = surveys.survey_results(consultation=consultation)
    assert [(code, value) for code, _label, value in results.questions[3].rows] == [("answered", 5), ("none", 0)]
    assert "Więcej dyżurów" not in str(results)


def test_results_take_three_queries_whatever_the_number_of_answers(django_assert_max_num_queries):
    consultation = closed_with_answers(online=12, paper=3)
    with django_assert_max_num_queries(3):
        surveys.survey_results(consultation=consultation, charts=False)


def test_the_survey_page_shows_results_as_chart_and_table_after_closing(client):
    consultation = closed_with_answers()
    html = client.get(survey_url(consultation)).content.decode()
    assert 'id="survey-results"' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in html
    assert "<table" in html and '<th scope="row">Rano</th><td>7</td>' in html
    assert f'name="q-{HOURS}"' not in html


def test_the_outcome_shows_the_survey_results_when_the_official_cites_them(client):
    consultation = closed_with_answers()
    outcome = outcome_page(consultation)
    assert 'id="survey-results"' in client.get(outcome.url).content.decode()
    outcome.show_survey_results = False
    outcome.save_revision().publish()
    assert 'id="survey-results"' not in client.get(outcome.url).content.decode()


# --- when a person leaves, and what they may download ------------------------------------


def test_deleting_an_account_keeps_its_survey_answers_counted_without_them(survey, resident, facilitator):
    from accounts import services as account_services

    answer(survey, resident, **{TEXT: "Mieszkam na Oruni, Olena"})
    enter(survey, facilitator)
    account_services.account_delete(user=resident)
    account_services.account_delete(user=facilitator)
    assert SurveyResponse.objects.count() == 2
    assert participant_count(keys=[survey.translation_key]) == 2
    online = SurveyResponse.objects.get(submitted_via="")
    assert online.respondent.placeholder == Placeholder.FORMER
    assert not online.respondent.is_active
    assert not SurveyResponse.objects.filter(facilitator__isnull=False).exists()
    text = SurveyAnswer.objects.get(question_id=TEXT, response__submitted_via="")
    assert text.text == ""  # still counted as an answer given
    assert SurveyAnswer.objects.filter(question_id=HOURS).count() == 2


def test_the_personal_data_download_holds_ones_survey_answers(survey, resident):
    from accounts import services as account_services

    answer(survey, resident)
    sections = {section.key: section.rows for section in account_services.personal_data_collect(user=resident)}
    answers = sections["survey_answers"]
    assert {(row["question"], row["option"]) for row in answers} >= {(HOURS, MORNING), (LANGUAGES, PL)}
    assert any(row["text"] == "Więcej dyżurów." for row in answers)
    assert sections["survey_answers_entered"] == []


def test_the_survey_page_costs_a_fixed_number_of_queries(client, resident, django_assert_max_num_queries):
    consultation = closed_with_answers(online=6, paper=2)
    client.force_login(resident)
    client.get(survey_url(consultation))  # warm the site's caches
    with django_assert_max_num_queries(17):
        assert client.get(survey_url(consultation)).status_code == 200


def test_an_official_edits_the_survey_in_the_admin(client, survey):
    from tests.accounts.factories import admin_login, official

    admin_login(client, official())
    html = client.get(f"/admin/pages/{survey.pk}/edit/").content.decode()
    assert "Single choice" in html and "Multiple choice" in html and "Scale" in html and "Short text" in html
    assert "Kiedy centrum ma by" in html  # the block values, as JSON in the editor


# --- who took part ----------------------------------------------------------------------


def test_answering_the_survey_online_or_on_paper_is_taking_part(survey, resident, facilitator):
    key = survey.translation_key
    answer(survey, resident)
    enter(survey, facilitator)
    enter(survey, facilitator)  # two residents' paper forms: two people
    assert participant_count(keys=[key]) == 3
    assert participants_by_consultation()[key] == 3
    assert consultation_counts(survey)["participants"] == 3


def test_a_resident_who_comments_and_answers_is_counted_once(survey, resident):
    make_comment(survey, author=resident)
    answer(survey, resident)
    assert participant_count(keys=[survey.translation_key]) == 1
    assert participants_by_consultation()[survey.translation_key] == 1


def test_a_survey_answer_counts_on_the_day_it_was_first_given(survey, resident):
    answer(survey, resident)
    today = timezone.localdate()
    assert participant_count(keys=[survey.translation_key], period=(today, today)) == 1
    before = today - datetime.timedelta(days=1)
    assert participant_count(keys=[survey.translation_key], period=(before - datetime.timedelta(days=30), before)) == 0


def test_the_migration_gives_each_response_without_respondent_a_stand_in_of_its_own(survey, resident, facilitator):
    from django.apps import apps

    migration = importlib.import_module("consultations.migrations.0012_survey_respondents_stand_in")
    online, paper, other_paper = answer(survey, resident), enter(survey, facilitator), enter(survey, facilitator)
    SurveyResponse.objects.update(respondent=None)  # as paper answers and deleted accounts' were stored before
    migration.stand_in_for_each_response_without_respondent(apps, None)
    online, paper, other_paper = (SurveyResponse.objects.get(pk=r.pk) for r in (online, paper, other_paper))
    assert online.respondent.placeholder == Placeholder.FORMER
    assert paper.respondent.placeholder == other_paper.respondent.placeholder == Placeholder.ASSISTED
    assert len({online.respondent_id, paper.respondent_id, other_paper.respondent_id}) == 3
    assert not any(r.respondent.is_active or r.respondent.has_usable_password() for r in (online, paper))
    assert participant_count(keys=[survey.translation_key]) == 3
