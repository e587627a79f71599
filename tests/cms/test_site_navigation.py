"""What every page offers to find one's way: the footer's language-help links in
every language, the header's menu for narrow screens, the favicon and the
skip link -- without JavaScript and without inline styles or scripts."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["pl", "en", "uk", "ru"])
def test_footer_links_the_translators_events_my_registrations_and_the_glossary(client, lang):
    html = client.get(f"/{lang}/search/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    for path in ("translators/", "events/", "events/mine/", "glossary/"):
        assert f'href="/{lang}/{path}"' in footer, path


def test_the_menu_for_narrow_screens_is_a_details_disclosure(client):
    html = client.get("/uk/search/").content.decode()
    menu = html[html.index('<details class="menu-disclosure">') : html.index("</details>")]
    assert "<summary" in menu
    assert 'class="main-nav"' in menu
    assert 'href="/uk/accounts/login/' in menu


def test_the_skip_link_comes_first_and_leads_to_main(client):
    html = client.get("/pl/search/").content.decode()
    body = html[html.index("<body") :]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'href="#main"' in first_link
    assert '<main id="main"' in body


def test_pages_carry_no_inline_style_or_script(client):
    for path in ("/pl/search/", "/uk/events/", "/pl/translators/", "/uk/glossary/"):
        html = client.get(path).content.decode()
        assert " style=" not in html, path
        assert "<style" not in html, path
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path


def test_the_log_in_link_brings_the_reader_back(client):
    html = client.get("/pl/events/").content.decode()
    assert 'href="/pl/accounts/login/?next=/pl/events/"' in html


def test_the_log_in_link_on_the_login_page_does_not_point_to_itself(client):
    html = client.get("/pl/accounts/login/").content.decode()
    assert "?next=/pl/accounts/login/" not in html
