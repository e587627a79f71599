"""The frame of every page (menu, footer, breadcrumbs, language links) and the home
page's body are kept in the cache: each change shows on the next request, and
nothing personal is kept."""

import datetime

import pytest
from django.utils import timezone

from cms import home
from tests.accounts.factories import UserFactory
from tests.cms import factories
from tests.consultations.factories import make_consultation

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
    with django_assert_max_num_queries(12):
        html(client, "/pl/")
