"""Evaluation indicators: their rules, their values per measure against the
target, the area pages that show them, and the admin where officials set them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from consultations.models import ConsultationPage
from core.areas import Area
from council.models import Motion
from opendata.models import Indicator, Measure
from opendata.stats import FEWER_THAN_5, indicator_progress, indicator_values
from tests.accounts.factories import UserFactory, admin_login, official

from . import test_stats as shared
from .factories import indicator, indicators_for_every_area

pytestmark = pytest.mark.django_db

# Hand-built data and fixtures shared with the selectors' tests.
DAY = shared.DAY
NOW = shared.NOW
clean_slate = shared.clean_slate
comment = shared.comment
council_record = shared.council_record
data = shared.data


def test_a_period_is_a_year_or_a_date_range_never_both():
    with pytest.raises(ValidationError) as error:
        Indicator(area="work", name_pl="X", target=1, year=2026, starts_on=datetime.date(2026, 1, 1)).full_clean()
    assert "year" in error.value.message_dict
    with pytest.raises(ValidationError):
        Indicator(area="work", name_pl="X", target=1).full_clean()
    ranged = Indicator(
        area="work", name_pl="X", target=1, starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 5, 31)
    )
    ranged.full_clean()
    assert ranged.period == (datetime.date(2026, 3, 1), datetime.date(2026, 5, 31))
    with transaction.atomic(), pytest.raises(IntegrityError):
        Indicator.objects.create(area="work", name_pl="X", target=1)


def test_a_value_by_hand_needs_its_source_and_excludes_a_measure():
    with pytest.raises(ValidationError) as error:
        Indicator(area="work", name_pl="X", target=5, year=2026, manual_value=3).full_clean()
    assert "manual_source" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        Indicator(
            area="work", name_pl="X", target=5, year=2026, measure=Measure.COMMENTS, manual_value=3, manual_source="R"
        ).full_clean()
    assert "manual_value" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        Indicator(area="work", name_pl="X", target=5, year=2026, measure=Measure.SUPPORTS, language="uk").full_clean()
    assert "language" in error.value.message_dict
    with transaction.atomic(), pytest.raises(IntegrityError):
        indicator(Measure.COMMENTS, manual_value=4, manual_source="R")


def test_the_name_follows_the_readers_language_and_falls_back_to_polish():
    item = Indicator(area="work", name_pl="Konsultacje", name_uk="Консультації", target=1, year=2026)
    with translation.override("uk"):
        assert (item.name, item.name_language) == ("Консультації", "uk")
    with translation.override("ru"):
        assert (item.name, item.name_language) == ("Konsultacje", "pl")


def test_each_measure_is_computed_from_the_data(data, council_record):
    # data: in education, comments uk 3 (February), pl 1, hidden and deleted ru, an official answer;
    # in "shared" (education, health): en 1, a visible proposal (ru, accepted) with 2 supports.
    # council_record: two meetings held today; its motion, adopted today, is moved to culture,
    # an area without other motions.
    Motion.objects.filter(pk=council_record.named.motion_id).update(area="culture")
    today = {"year": None, "starts_on": datetime.date.today(), "ends_on": datetime.date.today()}
    items = {
        "held": indicator(Measure.CONSULTATIONS_HELD),
        "held_health": indicator(Measure.CONSULTATIONS_HELD, area="health"),
        "uk": indicator(Measure.COMMENTS, language="uk"),
        "all_comments": indicator(Measure.COMMENTS),
        "march": indicator(
            Measure.COMMENTS, year=None, starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 3, 31)
        ),
        "proposals": indicator(Measure.PROPOSALS),
        "accepted": indicator(Measure.PROPOSALS_ANSWERED, answer="accepted"),
        "rejected": indicator(Measure.PROPOSALS_ANSWERED, answer="rejected"),
        "supports": indicator(Measure.SUPPORTS),
        "people": indicator(Measure.PARTICIPANTS),
        "outcomes": indicator(Measure.OUTCOMES_PUBLISHED),
        "meetings": indicator(Measure.COUNCIL_MEETINGS, **today),
        "motions": indicator(Measure.MOTIONS_SUBMITTED, area="culture", **today),
        "adopted": indicator(Measure.MOTIONS_ADOPTED, area="culture", **today),
        "by_hand": indicator(manual_value=214, manual_source="Sprawozdanie 2026"),
        "not_yet": indicator(),
    }
    ConsultationPage.objects.filter(translation_key=data.shared.translation_key).update(outcome_published_at=NOW - DAY)
    values = indicator_values(items.values())
    assert {name: values[item.pk] for name, item in items.items()} == {
        "held": 1,  # "edu" opened in February 2026; "shared" in December 2025
        "held_health": 0,  # "shared" opened in 2025; the health consultation taken off the site does not count
        "uk": 3,
        "all_comments": 5,  # not the hidden, deleted or official ones
        "march": 2,
        "proposals": 1,  # not the hidden one
        "accepted": 1,
        "rejected": 0,
        "supports": 2,  # not the support of the hidden proposal
        "people": 5,  # u1, u2, u4 wrote (u3 only hidden and deleted ones); the 2 supporters took part too
        "outcomes": 1,
        "meetings": 2,
        "motions": 1,
        "adopted": 1,
        "by_hand": 214,
        "not_yet": None,
    }


def test_consultations_held_count_those_opened_in_the_period(data):
    this_year, last_year = indicator(Measure.CONSULTATIONS_HELD), indicator(Measure.CONSULTATIONS_HELD, year=2025)
    values = indicator_values([this_year, last_year])
    assert (values[this_year.pk], values[last_year.pk]) == (1, 1)


def test_values_are_shown_against_the_target_and_small_people_counts_are_hidden(data):
    comments = indicator(Measure.COMMENTS, target=4)
    uk = indicator(Measure.COMMENTS, language="uk", target=40)
    held = indicator(Measure.CONSULTATIONS_HELD, target=4, year=2026)
    by_hand = indicator(manual_value=214, manual_source="Raport", target=300)
    rows = {row["indicator"].pk: row for row in indicator_progress([comments, uk, held, by_hand])}
    assert (rows[comments.pk]["value"], rows[comments.pk]["percent"], rows[comments.pk]["reached"]) == (5, 100, True)
    assert (rows[uk.pk]["value"], rows[uk.pk]["percent"], rows[uk.pk]["reached"]) == (FEWER_THAN_5, None, False)
    # Consultations are not people: a count of 1 is shown as it is.
    assert (rows[held.pk]["value"], rows[held.pk]["percent"]) == (1, 25)
    assert (rows[by_hand.pk]["value"], rows[by_hand.pk]["percent"]) == (214, 71)


def test_indicator_values_need_one_query_per_kind_of_thing_counted(data, django_assert_max_num_queries):
    many = [indicator(Measure.COMMENTS, language=code) for code in ("pl", "uk", "en", "ru")]
    many += [
        indicator(Measure.PROPOSALS),
        indicator(Measure.PROPOSALS_ANSWERED),
        indicator(manual_value=1, manual_source="R"),
    ]
    with django_assert_max_num_queries(2):
        indicator_values(many)


def test_the_area_page_shows_each_indicator_in_words_not_colour_alone(client, data):
    indicator(Measure.COMMENTS, target=4, name_en="Comments written", name_uk="Коментарі")
    indicator(Measure.COMMENTS, language="uk", target=40, name_en="Comments in Ukrainian")
    indicator(manual_value=150, manual_source="Report of June 2026", target=300, name_en="Children in lessons")
    html = client.get("/en/statistics/education/").content.decode()
    section = html.split('id="indicators-heading"')[1].split("</section>")[0]
    assert "Comments written" in section and "Target reached" in section
    assert "Comments in Ukrainian" in section and "fewer than 5" in section
    assert "Not shown: the value is too small to show." in section
    assert "50% of the target" in section and "Source: Report of June 2026" in section
    assert 'aria-hidden="true"' in section  # the bar repeats the words for the eye only
    assert "Коментарі" in client.get("/uk/statistics/education/").content.decode()


def test_each_areas_page_shows_its_own_indicators(client):
    indicators_for_every_area()
    for code in Area.values:
        html = client.get(f"/en/statistics/{code}/").content.decode()
        section = html.split('id="indicators-heading"')[1].split("</section>")[0]
        shown = {other for other in Area.values if f"Comments in {other}<" in section}
        assert shown == {code}
        assert f"Courses in {code}<" in section and "Source: Raport 2026" in section


# --- the admin --------------------------------------------------------------------------


def test_officials_may_manage_indicators():
    assert official().has_perms(["opendata.add_indicator", "opendata.change_indicator", "opendata.delete_indicator"])
    assert not UserFactory().has_perm("opendata.add_indicator")


def test_an_official_creates_an_indicator_in_the_admin(client):
    client.force_login(official())
    index = client.get(reverse("evaluation_indicators:index"))
    assert index.status_code == 200
    form = {
        "area": "health",
        "name_pl": "Komentarze po rosyjsku",
        "name_en": "Comments in Russian",
        "name_uk": "",
        "name_ru": "Комментарии на русском",
        "target": "25",
        "year": "2026",
        "starts_on": "",
        "ends_on": "",
        "measure": "comments",
        "language": "ru",
        "answer": "",
        "manual_value": "",
        "manual_source": "",
        "sort_order": "0",
    }
    response = client.post(reverse("evaluation_indicators:add"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    made = Indicator.objects.get(name_pl="Komentarze po rosyjsku")
    assert (made.area, made.measure, made.language, made.target) == ("health", "comments", "ru", 25)


def test_the_admin_refuses_an_indicator_without_a_period(client):
    admin_login(client, official())
    form = {"area": "work", "name_pl": "Bez okresu", "target": "3", "measure": "comments", "sort_order": "0"}
    response = client.post(reverse("evaluation_indicators:add"), form)
    assert response.status_code == 200
    assert "Give a year, or both dates of the period." in response.content.decode()
    assert not Indicator.objects.filter(name_pl="Bez okresu").exists()


def test_a_resident_cannot_reach_the_indicators_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse("evaluation_indicators:index"))
    assert response.status_code in (302, 403)
