"""The frame of every page (menu, footer, breadcrumbs, language links) and the home
page's body are kept in the cache: each change shows on the next request, and
nothing personal is kept."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms import home
from council.models import Meeting
from tests.accounts.factories import UserFactory
from tests.cms import factories
from tests.consultations.factories import make_consultation
from tests.council.factories import build_council, build_meeting
from tests.plainlanguage.factories import easy_read_page

pytestmark = pytest.mark.django_db


def html(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_published_in_the_menu_shows_on_the_next_request(client):
    factories.site()
    assert "Dla mediów" not in html(client, "/pl/")
    factories.content_page("media", title="Dla mediów", show_in_menus=True)
    assert "Dla mediów" in html(client, "/pl/")


def test_an_unpublished_page_leaves_the_menu_on_the_next_request(client):
    page = factories.content_page("media", title="Dla mediów", show_in_menus=True)
    assert "Dla mediów" in html(client, "/pl/")
    page.unpublish()
    assert "Dla mediów" not in html(client, "/pl/")


def test_a_renamed_page_shows_its_new_title_in_the_breadcrumbs_on_the_next_request(client):
    parent = factories.content_page("o-nas", title="O nas")
    factories.content_page("historia", parent=parent, title="Historia")
    assert ">O nas</a>" in html(client, "/pl/o-nas/historia/")
    parent.title = "O Radzie"
    parent.save_revision().publish()
    assert ">O Radzie</a>" in html(client, "/pl/o-nas/historia/")


def test_a_new_open_consultation_shows_on_the_home_page_on_the_next_request(client):
    factories.site()
    assert "Lekcje polskiego" not in html(client, "/pl/")
    make_consultation(title="Lekcje polskiego")
    assert "Lekcje polskiego" in html(client, "/pl/")


def test_the_home_pages_body_is_valid_until_a_consultation_opens_or_closes():
    now = timezone.now()
    make_consultation(opens_at=now + datetime.timedelta(hours=3), closes_at=now + datetime.timedelta(days=9))
    make_consultation(opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(hours=5))
    assert home._next_change(now) == now + datetime.timedelta(hours=3)


def test_the_home_page_shows_each_reader_their_own_account_only(client):
    factories.site()
    anna, borys = UserFactory(display_name="Anna Kowalska"), UserFactory(display_name="Borys Nowak")
    client.force_login(anna)
    annas = html(client, "/pl/")
    client.force_login(borys)
    borys_page = html(client, "/pl/")
    assert "Anna Kowalska" in annas
    assert "Anna Kowalska" not in borys_page
    assert "Borys Nowak" in borys_page


def test_a_logged_in_readers_home_page_needs_few_queries(client, django_assert_max_num_queries):
    factories.whole_site()
    client.force_login(UserFactory())
    client.get("/pl/")  # the caches of the page tree, the locales and the frame
    # The page and the reader: the session, the route, the reader's permissions and the
    # council's cards come from the cache.
    with django_assert_max_num_queries(2):
        html(client, "/pl/")


def _signed_in(client):
    client.force_login(UserFactory())
    return client


def test_a_meeting_scheduled_shows_on_the_home_pages_council_cards_on_the_next_request(client):
    factories.site()
    _signed_in(client)
    assert "Sala 105" not in html(client, "/pl/")
    build_meeting(build_council(members=1), start=False)
    assert "Sala 105" in html(client, "/pl/")


def test_a_meeting_changed_without_signals_shows_on_the_home_pages_council_cards_on_the_next_request(client):
    factories.site()
    meeting = build_meeting(build_council(members=1), start=False)
    _signed_in(client)
    assert "Sala 105" in html(client, "/pl/")
    Meeting.objects.filter(pk=meeting.pk).update(place="Sala 200")  # a script: no signal, only the write
    page = html(client, "/pl/")
    assert "Sala 200" in page
    assert "Sala 105" not in page


def test_the_home_pages_council_cards_follow_the_readers_language(client):
    factories.site()
    _signed_in(client)
    polish, ukrainian = html(client, "/pl/"), html(client, "/uk/")
    heading = 'id="next-meeting">'
    assert polish.split(heading)[1].split("<")[0] != ukrainian.split(heading)[1].split("<")[0]


ADMIN_LINK = 'href="/admin/"'


def _admin_group():
    group = Group.objects.create(name="Redakcja")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def test_someone_added_to_a_group_that_may_use_the_administration_sees_its_link_on_the_next_request(client):
    factories.site()
    person = UserFactory()
    client.force_login(person)
    assert ADMIN_LINK not in html(client, "/pl/")
    person.groups.add(_admin_group())
    assert ADMIN_LINK in html(client, "/pl/")


def test_a_permission_taken_from_a_group_leaves_its_members_pages_on_the_next_request(client):
    factories.site()
    person, group = UserFactory(), _admin_group()
    person.groups.add(group)
    client.force_login(person)
    assert ADMIN_LINK in html(client, "/pl/")
    group.permissions.clear()
    assert ADMIN_LINK not in html(client, "/pl/")


def test_each_reader_gets_their_own_permissions_from_the_cache(client):
    factories.site()
    editor, resident = UserFactory(), UserFactory()
    editor.groups.add(_admin_group())
    client.force_login(editor)
    assert ADMIN_LINK in html(client, "/pl/")
    client.force_login(resident)
    assert ADMIN_LINK not in html(client, "/pl/")
    client.force_login(editor)
    assert ADMIN_LINK in html(client, "/pl/")


def test_a_page_unpublished_answers_404_to_a_signed_in_reader_on_the_next_request(client):
    page = factories.content_page("media", title="Dla mediów")
    _signed_in(client)
    assert client.get("/pl/media/").status_code == 200
    page.unpublish()
    assert client.get("/pl/media/").status_code == 404


def test_a_slug_changed_without_signals_moves_the_page_on_the_next_request(client):
    page = factories.content_page("media", title="Dla mediów")
    _signed_in(client)
    assert client.get("/pl/media/").status_code == 200
    Page.objects.filter(pk=page.pk).update(slug="prasa")  # a script: no signal, only the write
    assert client.get("/pl/media/").status_code == 404
    assert "Dla mediów" in html(client, "/pl/prasa/")


def test_a_view_restriction_added_after_the_page_was_read_is_enforced_on_the_next_request(client):
    page = factories.content_page("media", title="Dla mediów")
    _signed_in(client)
    assert client.get("/pl/media/").status_code == 200
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Rada"))
    assert client.get("/pl/media/").status_code != 200


def test_a_view_restriction_on_a_parent_is_enforced_on_its_children(client):
    parent = factories.content_page("o-nas", title="O nas")
    factories.content_page("historia", parent=parent, title="Historia")
    _signed_in(client)
    assert client.get("/pl/o-nas/historia/").status_code == 200
    restriction = PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Rada"))
    assert client.get("/pl/o-nas/historia/").status_code != 200


def test_a_signed_in_reader_is_served_a_page_with_its_routing_from_the_cache(client, django_assert_max_num_queries):
    factories.content_page("media", title="Dla mediów")
    _signed_in(client)
    client.get("/pl/media/")  # Wagtail walks the tree; its route is kept
    client.get("/pl/media/")  # the page is loaded by its id; it is kept
    # The reader alone: no site, locale, tree walk, view restriction or page query (the page
    # was kept, pickled, since nothing was written).
    with django_assert_max_num_queries(1) as served:
        assert "Dla mediów" in html(client, "/pl/media/")
    assert not any("wagtailcore_pageviewrestriction" in query["sql"] for query in served.captured_queries)
    assert not any("wagtailcore_page" in query["sql"] for query in served.captured_queries)


def test_a_page_changed_without_signals_shows_on_the_next_request(client):
    page = factories.content_page("media", title="Dla mediów")
    _signed_in(client)
    assert "Dla mediów" in html(client, "/pl/media/")
    Page.objects.filter(pk=page.pk).update(title="Dla prasy")  # a script: no signal, only the write
    assert "Dla prasy" in html(client, "/pl/media/")


def test_each_request_gets_its_own_copy_of_a_kept_page(client):
    factories.content_page("media", title="Dla mediów")
    _signed_in(client)
    first = client.get("/pl/media/").context["page"]
    first.title = "Zmieniony w pamięci"
    second = client.get("/pl/media/").context["page"]
    assert second is not first
    assert second.title == "Dla mediów"


def test_the_shared_menu_marks_the_page_being_read_on_each_page(client):
    factories.content_page("media", title="Dla mediów", show_in_menus=True)
    factories.content_page("kontakt-prasowy", title="Kontakt prasowy", show_in_menus=True)
    _signed_in(client)
    for _round in range(2):  # the second time from the cache
        media, contact = html(client, "/pl/media/"), html(client, "/pl/kontakt-prasowy/")
        assert 'href="/pl/media/" aria-current="page"' in media
        assert 'href="/pl/media/" aria-current="page"' not in contact
        assert 'href="/pl/kontakt-prasowy/" aria-current="page"' in contact


def test_the_shared_footer_shows_the_readers_own_search(client):
    factories.site()
    _signed_in(client)
    html(client, "/pl/search/?q=meldunek")
    assert 'value="tramwaj"' in html(client, "/pl/search/?q=tramwaj")


def test_an_easy_read_version_published_after_the_page_was_read_is_linked_on_the_next_request(client):
    consultation = make_consultation()
    _signed_in(client)
    assert "latwy-tekst" not in html(client, consultation.url)
    easy_read_page(consultation)
    assert "latwy-tekst" in html(client, consultation.url)


def test_an_easy_read_version_restricted_after_the_page_was_read_is_no_longer_linked(client):
    consultation = make_consultation()
    easy = easy_read_page(consultation)
    _signed_in(client)
    assert "latwy-tekst" in html(client, consultation.url)
    PageViewRestriction.objects.create(page=easy, restriction_type=PageViewRestriction.LOGIN)
    assert "latwy-tekst" not in html(client, consultation.url)


def test_an_easy_read_version_unpublished_without_signals_is_no_longer_linked(client):
    consultation = make_consultation()
    easy = easy_read_page(consultation)
    _signed_in(client)
    assert "latwy-tekst" in html(client, consultation.url)
    Page.objects.filter(pk=easy.pk).update(live=False)  # a script: no signal, only the write
    assert "latwy-tekst" not in html(client, consultation.url)
