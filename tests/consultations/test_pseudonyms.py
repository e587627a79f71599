"""A pseudonym per consultation: a resident writes under
another name in one consultation, and that name is all anyone sees there."""

import pytest
from django.utils import translation

from consultations import services
from consultations.models import ConsultationPseudonym
from core.errors import RuleBroken
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_consultation

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(db):
    return make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, allow_proposals=True, slug="pseudonimy")


@pytest.fixture
def writer(db):
    return UserFactory(display_name="Olena Kowalenko")


def post(consultation, author, text="Proszę o więcej godzin."):
    return services.comment_post(consultation=consultation, author=author, text=text, language="pl")


def test_comments_show_the_pseudonym_chosen_for_that_consultation(consultation, writer):
    services.pseudonym_set(user=writer, consultation=consultation, name="Mama z Oruni")
    assert post(consultation, writer).author_name == "Mama z Oruni"


def test_pseudonym_applies_to_earlier_comments_too(consultation, writer):
    comment = post(consultation, writer)
    services.pseudonym_set(user=writer, consultation=consultation, name="Mama z Oruni")
    comment.refresh_from_db()
    assert comment.author_name == "Mama z Oruni"


def test_pseudonym_is_kept_to_its_consultation(consultation, writer):
    services.pseudonym_set(user=writer, consultation=consultation, name="Mama z Oruni")
    other = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, slug="inna")
    assert post(other, writer).author_name == "Olena Kowalenko"


def test_choosing_again_replaces_the_pseudonym(consultation, writer):
    services.pseudonym_set(user=writer, consultation=consultation, name="Pierwsza")
    services.pseudonym_set(user=writer, consultation=consultation, name="Druga")
    assert list(ConsultationPseudonym.objects.filter(user=writer).values_list("name", flat=True)) == ["Druga"]


def test_empty_pseudonym_is_refused(consultation, writer):
    with pytest.raises(RuleBroken, match="Please enter the name"):
        services.pseudonym_set(user=writer, consultation=consultation, name="   ")


def test_too_long_pseudonym_is_refused(consultation, writer):
    with pytest.raises(RuleBroken, match="at most 60"):
        services.pseudonym_set(user=writer, consultation=consultation, name="x" * 61)


def test_pseudonym_taken_by_another_person_in_the_consultation_is_refused(consultation, writer):
    services.pseudonym_set(user=UserFactory(), consultation=consultation, name="Sąsiad")
    with pytest.raises(RuleBroken, match="Someone else already uses this name"):
        services.pseudonym_set(user=writer, consultation=consultation, name="sąsiad")


def test_the_public_name_of_someone_writing_here_is_refused_as_pseudonym(consultation, writer):
    post(consultation, UserFactory(display_name="Pedro Alvarez"))
    with pytest.raises(RuleBroken, match="Someone else already uses this name"):
        services.pseudonym_set(user=writer, consultation=consultation, name="pedro  alvarez")


def test_a_public_name_used_only_elsewhere_on_the_site_is_not_revealed(consultation, writer):
    # Refusing it would tell anyone that some person on the site goes by this name.
    elsewhere = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, slug="gdzie-indziej", title="Gdzie indziej")
    post(elsewhere, UserFactory(display_name="Pedro Alvarez"))
    UserFactory(display_name="Olga Kowalczyk")
    assert services.pseudonym_set(user=writer, consultation=consultation, name="Pedro Alvarez").name == "Pedro Alvarez"
    assert (
        services.pseudonym_set(user=writer, consultation=consultation, name="Olga Kowalczyk").name == "Olga Kowalczyk"
    )


def test_refusal_is_translated(consultation, writer):
    with translation.override("pl"), pytest.raises(RuleBroken) as refused:
        services.pseudonym_set(user=writer, consultation=consultation, name="")
    with translation.override("pl"):
        assert refused.value.message == translation.gettext(
            "Please enter the name you want to use in this consultation."
        )


def test_logged_out_visitor_cannot_choose_a_pseudonym(client, consultation):
    response = client.post(f"/en/participation/pseudonym/{consultation.pk}/", {"name": "Ktoś"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ConsultationPseudonym.objects.exists()


def test_pseudonym_is_set_from_the_consultation_page(client, consultation, writer):
    client.force_login(writer)
    assert f"/participation/pseudonym/{consultation.pk}/" in client.get(consultation.url).content.decode()
    response = client.post(f"/pl/participation/pseudonym/{consultation.pk}/", {"name": "Mama z Oruni"})
    assert response.status_code == 302 and response["Location"].endswith("#pseudonym")
    assert ConsultationPseudonym.objects.get(user=writer).name == "Mama z Oruni"


def test_taken_pseudonym_on_the_page_shows_the_error_on_the_field(client, consultation, writer):
    services.pseudonym_set(user=UserFactory(), consultation=consultation, name="Sąsiad")
    client.force_login(writer)
    response = client.post(f"/en/participation/pseudonym/{consultation.pk}/", {"name": "Sąsiad"})
    assert response.status_code == 400
    assert response.context["pseudonym_form"].errors["name"]


def test_clearing_the_pseudonym_shows_the_public_name_again(client, consultation, writer):
    services.pseudonym_set(user=writer, consultation=consultation, name="Mama z Oruni")
    client.force_login(writer)
    client.post(f"/en/participation/pseudonym/{consultation.pk}/", {"name": "", "clear": "1"})
    assert post(consultation, writer).author_name == "Olena Kowalenko"


def test_page_shows_the_pseudonym_and_never_the_real_name(client, consultation, writer):
    post(consultation, writer)
    services.proposal_submit(
        consultation=consultation, author=writer, title="Kursy wieczorne", text="Po pracy.", language="pl"
    )
    services.pseudonym_set(user=writer, consultation=consultation, name="Mama z Oruni")
    html = client.get(consultation.url).content.decode()
    assert html.count("Mama z Oruni") >= 2
    assert "Olena Kowalenko" not in html


def test_api_and_csv_show_the_pseudonym_and_never_the_real_name(client, consultation, writer):
    post(consultation, writer)
    services.proposal_submit(
        consultation=consultation, author=writer, title="Kursy wieczorne", text="Po pracy.", language="pl"
    )
    services.pseudonym_set(user=writer, consultation=consultation, name="Mama z Oruni")
    base = f"/api/v1/consultations/{consultation.translation_key}"
    comments = client.get(f"{base}/comments/").json()["results"]
    proposals = client.get(f"{base}/proposals/").json()["results"]
    assert [c["author"] for c in comments] == ["Mama z Oruni"]
    assert [p["author"] for p in proposals] == ["Mama z Oruni"]
    for download in ("comments.csv", "proposals.csv", "comments.json", "proposals.json"):
        body = client.get(f"{base}/{download}").content.decode()
        assert "Mama z Oruni" in body
        assert "Olena" not in body and writer.username not in body


def test_comment_list_queries_do_not_grow_with_pseudonyms(client, consultation, django_assert_max_num_queries):
    for index in range(5):
        author = UserFactory()
        services.pseudonym_set(user=author, consultation=consultation, name=f"Pseudonim {index}")
        post(consultation, author, text=f"Głos {index}")
    client.get(consultation.url)
    with django_assert_max_num_queries(60) as captured:
        client.get(f"/api/v1/consultations/{consultation.translation_key}/comments/")
    assert not any("consultationpseudonym" in q["sql"] and "author_id" not in q["sql"] for q in captured)
    assert sum("consultations_consultationpseudonym" in q["sql"] for q in captured) <= 1


def test_reply_e_mail_names_the_replier_by_their_pseudonym(consultation, writer, django_capture_on_commit_callbacks):
    from django.core import mail

    top = post(consultation, UserFactory(display_name="Autorka"))
    services.pseudonym_set(user=writer, consultation=consultation, name="Mama z Oruni")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_post(consultation=consultation, author=writer, text="Zgoda.", language="pl", parent=top)
    assert len(mail.outbox) == 1
    assert "Mama z Oruni" in mail.outbox[0].subject
    assert "Olena" not in mail.outbox[0].subject + mail.outbox[0].body
