"""The council's opinion on a city consultation: a motion names the consultation;
once adopted, its resolution shows on the consultation's page, in its API item
and in its outcome, where the city answers it.  Consultations and the council
meet only in ``core.opinions``."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Answer, OutcomeAnswer, OutcomePage
from core import opinions
from core.errors import RuleBroken
from council import services
from tests.consultations.factories import make_consultation, outcome_page

from .factories import held_meeting, yes_no

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def consultation(db):
    now = timezone.now()
    return make_consultation(title="Centrum informacji", opens_at=now - 20 * DAY, closes_at=now - DAY)


def motion_on(council, consultation, title="Opinia o centrum informacji"):
    motion = services.motion_draft(
        term=council.term,
        submitter=council.people["m1"],
        title=title,
        text="Rada popiera projekt.",
        language="pl",
        consultation_key=str(consultation.translation_key),
    )
    return services.motion_submit(motion=motion, user=council.people["m1"])


def decided(council, motion, choice):
    held_meeting(
        council,
        day=TODAY - 3 * DAY,
        polls=[yes_no("Czy Rada przyjmuje?", dict.fromkeys(council.people, choice), motion=motion)],
    )


def test_a_motion_names_the_consultation_by_its_key(council, consultation):
    motion = motion_on(council, consultation)
    assert motion.consultation_key == consultation.translation_key


def test_a_motion_cannot_name_something_that_is_no_consultation(council, consultation):
    with pytest.raises(RuleBroken, match="consultations"):
        services.motion_draft(
            term=council.term,
            submitter=council.people["m1"],
            title="Zła",
            text="Tekst.",
            language="pl",
            consultation_key=str(consultation.get_parent().translation_key),
        )


def test_the_motion_form_offers_the_consultations(client, council, consultation):
    client.force_login(council.people["m1"])
    html = client.get(reverse("council:motion_create")).content.decode()
    assert f'value="{consultation.translation_key}"' in html and "Centrum informacji" in html


def test_an_adopted_resolution_is_the_council_opinion_on_the_consultation_page(client, council, consultation):
    decided(council, motion_on(council, consultation), "yes")
    [opinion] = opinions.opinions_of(consultation.translation_key)
    assert opinion.title == "Opinia o centrum informacji"
    html = client.get(consultation.url).content.decode()
    assert "Opinia Rady Imigrantów i Imigrantek" in html  # the Polish page
    assert opinion.url.replace("/en/", "/pl/") in html and opinion.number in html


def test_a_rejected_motion_naming_the_consultation_gives_no_opinion(client, council, consultation):
    decided(council, motion_on(council, consultation), "no")
    assert opinions.opinions_of(consultation.translation_key) == []
    assert "council-opinions" not in client.get(consultation.url).content.decode()


def test_the_consultation_api_item_lists_the_council_opinions(client, council, consultation):
    decided(council, motion_on(council, consultation), "yes")
    item = client.get(f"/api/v1/consultations/{consultation.translation_key}/").json()
    [opinion] = item["council_opinions"]
    assert opinion["title"] == "Opinia o centrum informacji"
    assert opinion["url"].startswith("http://testserver/") and set(opinion) == {"number", "title", "url"}


def test_the_outcome_form_offers_the_opinion_and_the_outcome_shows_the_answer(client, council, consultation):
    decided(council, motion_on(council, consultation), "yes")
    [opinion] = opinions.opinions_of(consultation.translation_key)
    form_class = OutcomePage.get_edit_handler().get_form_class()
    form = form_class(instance=OutcomePage(), parent_page=consultation, for_user=council.chair)
    assert (opinion.key, f"{opinion.number}: {opinion.title}") in form.formsets["answers"].empty_form.fields[
        "opinion"
    ].choices
    outcome = outcome_page(consultation)
    OutcomeAnswer.objects.create(
        page=outcome, opinion=opinion.key, status=Answer.ACCEPTED, justification="Miasto przyjmuje opinię Rady."
    )
    html = client.get(outcome.url).content.decode()
    assert "Miasto przyjmuje opinię Rady." in html and opinion.title in html
