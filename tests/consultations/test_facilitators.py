"""Assisted input: facilitators enter comments collected on
paper, by phone or in a workshop, with the resident's consent; such comments
are marked publicly and counted apart."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from accounts.groups import FACILITATORS
from consultations import services
from consultations.models import Comment
from core.errors import RuleBroken
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator(db):
    user = UserFactory(display_name="Centrum Wsparcia Imigrantów")
    user.groups.add(Group.objects.get(name=FACILITATORS))
    return user


def enter(consultation, facilitator, **overrides):
    fields = {
        "consultation": consultation,
        "facilitator": facilitator,
        "text": "Potrzebujemy kursów wieczorem.",
        "language": "pl",
        "source": "paper",
        "consent": True,
        **overrides,
    }
    return services.comment_enter_for_resident(**fields)


def form_data(**overrides):
    return {"text": "Курси ввечері, будь ласка.", "language": "uk", "source": "phone", "consent": "on", **overrides}


def test_facilitators_group_may_enter_comments_for_residents(facilitator):
    assert facilitator.has_perm("consultations.enter_for_resident")


def test_facilitated_comment_records_source_consent_and_facilitator(open_consultation, facilitator):
    comment = enter(open_consultation, facilitator, source="workshop")
    comment.refresh_from_db()
    assert comment.submitted_via == "workshop"
    assert comment.facilitator == facilitator
    assert comment.consent_recorded_at is not None
    assert comment.via_facilitator


def test_facilitated_comment_is_not_shown_under_the_facilitators_name(open_consultation, facilitator):
    comment = enter(open_consultation, facilitator)
    assert comment.author != facilitator
    assert comment.author_name == "a resident"
    assert not comment.author.is_active and not comment.author.has_usable_password()


def test_facilitated_comment_shows_the_name_the_resident_chose(open_consultation, facilitator):
    comment = enter(open_consultation, facilitator, resident_name="  Pani   Halyna ")
    assert comment.author_name == "Pani Halyna"


def test_facilitated_comment_without_consent_is_refused(open_consultation, facilitator):
    with pytest.raises(RuleBroken, match="agreed"):
        enter(open_consultation, facilitator, consent=False)
    assert not Comment.objects.filter(consultation_key=open_consultation.translation_key).exists()


def test_facilitated_comment_with_unknown_source_is_refused(open_consultation, facilitator):
    with pytest.raises(RuleBroken, match="where the comment comes from"):
        enter(open_consultation, facilitator, source="carrier pigeon")


def test_facilitated_comment_with_too_long_resident_name_is_refused(open_consultation, facilitator):
    with pytest.raises(RuleBroken, match="at most 60"):
        enter(open_consultation, facilitator, resident_name="x" * 61)


def test_resident_who_is_not_a_facilitator_cannot_enter_for_others(open_consultation, resident):
    with pytest.raises(RuleBroken, match="Only facilitators"):
        enter(open_consultation, resident)


def test_facilitator_cannot_enter_comments_on_a_closed_consultation(facilitator):
    closed = make_consultation(opens_at=NOW - 10 * DAY, closes_at=NOW - DAY, slug="zamknieta")
    with pytest.raises(RuleBroken, match="only while the consultation is open"):
        enter(closed, facilitator)


def test_facilitator_form_publishes_the_comment_and_returns_to_it(client, open_consultation, facilitator):
    client.force_login(facilitator)
    response = client.post(f"/en/participation/facilitate/{open_consultation.pk}/", form_data())
    comment = Comment.objects.get(consultation_key=open_consultation.translation_key)
    assert response.status_code == 302 and response["Location"].endswith(f"#comment-{comment.pk}")
    assert (comment.language, comment.submitted_via) == ("uk", "phone")


def test_facilitator_form_without_consent_shows_a_translated_error(client, open_consultation, facilitator):
    client.force_login(facilitator)
    data = form_data()
    del data["consent"]
    response = client.post(f"/uk/participation/facilitate/{open_consultation.pk}/", data)
    assert response.status_code == 400
    assert response.context["form"].errors["consent"]
    assert not Comment.objects.filter(consultation_key=open_consultation.translation_key).exists()


def test_facilitator_form_is_forbidden_to_residents(client, open_consultation, resident):
    client.force_login(resident)
    assert client.get(f"/en/participation/facilitate/{open_consultation.pk}/").status_code == 403
    assert client.post(f"/en/participation/facilitate/{open_consultation.pk}/", form_data()).status_code == 403


def test_consultation_page_links_the_facilitator_form_for_facilitators_only(
    client, open_consultation, facilitator, resident
):
    link = f"/participation/facilitate/{open_consultation.pk}/"
    client.force_login(resident)
    assert link not in client.get(open_consultation.url).content.decode()
    client.force_login(facilitator)
    assert link in client.get(open_consultation.url).content.decode()


def test_facilitated_comment_is_marked_on_the_page(client, open_consultation, facilitator):
    enter(open_consultation, facilitator, resident_name="Halyna")
    html = client.get(open_consultation.url).content.decode()  # a Polish page
    with translation.override("pl"):
        marker = gettext("submitted through a facilitator")
    assert "Halyna" in html
    assert marker in html
    assert facilitator.display_name not in html


def test_api_marks_comments_entered_by_a_facilitator(client, open_consultation, facilitator, resident):
    enter(open_consultation, facilitator)
    services.comment_post(consultation=open_consultation, author=resident, text="Sama piszę.", language="pl")
    body = client.get(f"/api/v1/consultations/{open_consultation.translation_key}/comments/").json()
    flags = {row["text"]: row["via_facilitator"] for row in body["results"]}
    assert flags == {"Potrzebujemy kursów wieczorem.": True, "Sama piszę.": False}


def test_comments_csv_has_a_via_facilitator_column(client, open_consultation, facilitator):
    enter(open_consultation, facilitator)
    response = client.get(f"/api/v1/consultations/{open_consultation.translation_key}/comments.csv")
    text = response.content.decode("utf-8").lstrip("\ufeff")
    dialect = csv.Sniffer().sniff(text.splitlines()[0])
    rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
    assert rows[0]["via_facilitator"] in ("true", "True", "1", "yes")


def test_participation_table_counts_facilitated_comments_apart(
    client, open_consultation, facilitator, resident, official
):
    enter(open_consultation, facilitator)
    enter(open_consultation, facilitator, text="Drugi głos z warsztatu.", source="workshop")
    services.comment_post(consultation=open_consultation, author=resident, text="Sama piszę.", language="pl")
    UserProfile.objects.update_or_create(user=official, defaults={"preferred_language": "en"})
    client.force_login(official)
    text = client.get("/admin/exports/participation.csv").content.decode("utf-8")[1:]
    row = next(
        r for r in csv.DictReader(io.StringIO(text), delimiter=";") if r["Consultation"] == open_consultation.title
    )
    assert (row["Comments published"], row["Comments entered by facilitators"]) == ("3", "2")
    assert row["Participants"] == "3"  # each resident counts once; the facilitator does not count
