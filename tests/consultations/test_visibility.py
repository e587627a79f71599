"""A consultation the reader may not see now -- unpublished in every language,
behind a password, or restricted to logged-in people or to groups the reader
is not in -- accepts nothing from them and shows them nothing: every
resident, translator and facilitator action is refused (404 from the views,
so its existence is not revealed; a translated reason from the services) and
nothing is stored."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation
from vote.models import Vote
from wagtail.models import PageViewRestriction

from consultations import permissions, services
from consultations.models import Comment, ConsultationPseudonym, Follow, Proposal, Report
from core.errors import RuleBroken
from tests.accounts import factories as people
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_comment, make_consultation, make_proposal
from tests.translators.factories import make_translator
from translators import selectors as translator_selectors
from translators import services as translator_services
from translators.models import Translation

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
# The refusals, in English or in the Polish these tests run in.
HIDDEN_MESSAGE = (
    "This consultation is not available.|it takes no contributions|"
    "Ta konsultacja nie jest dostępna.|nie przyjmuje wypowiedzi"
)
WAYS = ["unpublished", "password", "groups", "login"]


def url(name, *args):
    with translation.override("pl"):
        return reverse(f"consultations:{name}", args=args)


def hide(consultation, how):
    """Makes ``consultation`` one a plain resident may not see, in one of four ways."""
    if how == "unpublished":
        consultation.unpublish()
    elif how == "password":
        PageViewRestriction.objects.create(page=consultation, restriction_type="password", password="tajne")
    elif how == "groups":
        restriction = PageViewRestriction.objects.create(page=consultation, restriction_type="groups")
        restriction.groups.add(Group.objects.create(name="Warsztat w Oruni"))
    else:
        PageViewRestriction.objects.create(page=consultation, restriction_type="login")


@pytest.fixture(params=WAYS)
def world(request):
    consultation = make_consultation(allow_proposals=True, slug=f"ukryta-{request.param}")
    author = UserFactory(display_name="Autorka")
    world = type("World", (), {})()
    world.how = request.param
    world.consultation = consultation
    world.comment = make_comment(consultation, author=author, text="Tajny komentarz.")
    world.proposal = make_proposal(consultation, author=author, title="Tajna propozycja")
    world.uk_comment = make_comment(consultation, author=author, text="Таємний коментар.", language="uk")
    world.resident = UserFactory(display_name="Mieszkanka")
    world.translator = make_translator(UserFactory(display_name="Tłumacz"), pairs=(("uk", "pl"),)).user
    world.facilitator = people.facilitator()
    hide(consultation, request.param)
    # A login restriction lets in anyone logged in: there the one kept out is a visitor.
    world.client = Client()
    if request.param != "login":
        world.client.force_login(world.resident)
    return world


def stored():
    return (
        Comment.objects.count(),
        Proposal.objects.count(),
        Vote.objects.count(),
        Report.objects.count(),
        Follow.objects.count(),
        ConsultationPseudonym.objects.count(),
        Translation.objects.count(),
    )


def test_every_resident_action_on_a_hidden_consultation_is_a_404_and_stores_nothing(world):
    page, comment, proposal = world.consultation.pk, world.comment.pk, world.proposal.pk
    before = stored()
    requests = [
        ("post", url("comment_create", page), {"text": "Komentarz.", "language": "pl"}),
        ("post", url("comment_create", page), {"text": "Odpowiedź.", "language": "pl", "parent": comment}),
        ("post", url("proposal_submit", page), {"title": "Nowa", "text": "Treść.", "language": "pl"}),
        ("post", url("proposal_support", proposal), {}),
        ("post", url("comment_rate", comment), {"rating": "up"}),
        ("get", url("comment_report", comment), None),
        ("post", url("comment_report", comment), {"reason": "spam", "details": ""}),
        ("post", url("follow", page), {}),
        ("post", url("pseudonym", page), {"name": "Ktoś Inny"}),
        ("get", url("comment_edit", comment), None),
    ]
    for method, address, data in requests:
        response = getattr(world.client, method)(address, data)
        if world.how == "login" and response.status_code == 302:
            assert "/login/" in response["Location"], address  # a visitor is asked to log in first
            continue
        assert response.status_code == 404, (address, response.status_code)
        assert "Tajny komentarz" not in response.content.decode()
    assert stored() == before


@pytest.mark.parametrize("how", ["unpublished", "password", "groups"])
def test_every_resident_service_refuses_a_hidden_consultation_with_a_reason(how):
    consultation = make_consultation(allow_proposals=True, slug=f"ukryta-{how}")
    comment = make_comment(consultation)
    proposal = make_proposal(consultation)
    resident = UserFactory()
    hide(consultation, how)
    consultation.refresh_from_db()
    before = stored()
    calls = [
        lambda: services.comment_post(consultation=consultation, author=resident, text="Nowy.", language="pl"),
        lambda: services.comment_post(
            consultation=consultation, author=resident, text="Odp.", language="pl", parent=comment
        ),
        lambda: services.proposal_submit(
            consultation=consultation, author=resident, title="T", text="Treść.", language="pl"
        ),
        lambda: services.proposal_support(proposal=proposal, user=resident),
        lambda: services.comment_rate(comment=comment, user=resident, rating="up"),
        lambda: services.comment_report(comment=comment, reporter=resident, reason="spam"),
        lambda: services.follow_toggle(user=resident, consultation=consultation, follow=True),
        lambda: services.pseudonym_set(user=resident, consultation=consultation, name="Inne Imię"),
    ]
    for call in calls:
        with pytest.raises(RuleBroken, match=HIDDEN_MESSAGE):
            call()
    assert stored() == before


def test_translators_see_and_translate_nothing_of_a_hidden_consultation(world):
    translator = world.translator
    item = world.uk_comment
    client = Client()
    client.force_login(translator)
    queue = translator_selectors.translation_queue(translator=translator.translator, now=item.created_at + 2 * DAY)
    if world.how == "login":  # a logged-in translator may read a consultation for logged-in people
        assert [entry["item"] for entry in queue["entries"]] == [item]
        return
    assert queue["entries"] == []
    with translation.override("pl"):
        address = reverse("translators:translate", args=["comment", item.pk, "pl"])
        listing = client.get(reverse("translators:queue")).content.decode()
    assert "Таємний" not in listing
    assert client.get(address).status_code == 404
    assert client.post(address, {"text": "Tajny przekład."}).status_code == 404
    with pytest.raises(RuleBroken, match=HIDDEN_MESSAGE):
        translator_services.translation_submit(item=item, translator=translator, language="pl", text="Przekład.")
    assert not Translation.objects.exists()


def test_facilitators_enter_nothing_on_a_hidden_consultation(world):
    if world.how == "login":
        return  # facilitators are logged in, so a login restriction lets them through
    client = Client()
    client.force_login(world.facilitator)
    address = url("comment_facilitate", world.consultation.pk)
    data = {"text": "Z warsztatu.", "language": "pl", "source": "paper", "consent": "on"}
    assert client.get(address).status_code == 404
    assert client.post(address, data).status_code == 404
    world.consultation.refresh_from_db()
    with pytest.raises(RuleBroken, match=HIDDEN_MESSAGE):
        services.comment_enter_for_resident(
            consultation=world.consultation,
            facilitator=world.facilitator,
            text="Z warsztatu.",
            language="pl",
            source="paper",
            consent=True,
        )
    assert not Comment.objects.filter(text="Z warsztatu.").exists()


def test_members_of_the_group_take_part_in_a_consultation_restricted_to_it():
    consultation = make_consultation(allow_proposals=True, slug="dla-grupy")
    proposal = make_proposal(consultation)
    group = Group.objects.create(name="Rada dzielnicy")
    restriction = PageViewRestriction.objects.create(page=consultation, restriction_type="groups")
    restriction.groups.add(group)
    member, outsider = UserFactory(), UserFactory()
    member.groups.add(group)
    consultation.refresh_from_db()
    assert permissions.may_see(member, consultation)
    assert not permissions.may_see(outsider, consultation)
    services.comment_post(consultation=consultation, author=member, text="Z grupy.", language="pl")
    services.proposal_support(proposal=proposal, user=member)
    assert Proposal.objects.get(pk=proposal.pk).num_vote_up == 1


def test_a_consultation_unpublished_in_one_language_still_takes_part_in_another():
    from cms import services as cms_services
    from tests.consultations.factories import translate_consultation

    consultation = make_consultation(allow_proposals=True, slug="dwujezyczna")
    cms_services.tree_synchronise()
    english = translate_consultation(consultation, "en")
    comment = make_comment(consultation)
    consultation.unpublish()
    resident = UserFactory()
    with translation.override("en"):
        services.comment_rate(comment=comment, user=resident, rating="up")
        assert services.consultation_of(comment).pk == english.pk
    assert Comment.objects.get(pk=comment.pk).num_vote_up == 1


def test_a_reader_with_the_password_reads_the_consultation_but_is_told_it_takes_no_contributions():
    consultation = make_consultation(allow_proposals=True, slug="z-haslem")
    make_comment(consultation, text="Widoczny z hasłem.")
    restriction = PageViewRestriction.objects.create(page=consultation, restriction_type="password", password="x")
    client = Client()
    client.force_login(UserFactory())
    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    page = client.get(consultation.url).content.decode()
    assert "Widoczny z hasłem." in page
    assert "nie przyjmuje wypowiedzi" in page  # "it takes no contributions", in the page's Polish
    assert url("comment_create", consultation.pk) not in page


def test_a_group_restricted_consultation_page_asks_for_the_readers_groups_once():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    consultation = make_consultation(slug="grupa-zapytania")
    group = Group.objects.create(name="Sąsiedzi")
    restriction = PageViewRestriction.objects.create(page=consultation, restriction_type="groups")
    restriction.groups.add(group)
    reader = UserFactory()
    reader.groups.add(group)
    client = Client()
    client.force_login(reader)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(consultation.url).status_code == 200
        return len(captured)

    make_comment(consultation)
    queries()  # the first request fills caches (site, locales) that later ones reuse
    make_comment(consultation, text="Jeszcze jeden")  # the comment threads are rendered again
    few = queries()
    for n in range(10):
        make_comment(consultation, text=f"Komentarz {n}")
    assert queries() == few
