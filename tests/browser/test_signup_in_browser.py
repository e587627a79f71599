"""A newcomer's first success, in Ukrainian: sign up with a Cyrillic public
name, follow the link in the e-mail, and land on a page that greets them by
that name.  The served site writes its e-mail to files here, so the test reads
the link as the person would."""

import re

import pytest

from tests.browser.conftest import start_daphne, stop_daphne

pytestmark = pytest.mark.browser

NAME = "Олена Коваль"


@pytest.fixture(scope="module")
def mailing_site(site_environment, tmp_path_factory):
    """The seeded site served by a Daphne of its own that writes e-mail to files."""
    outbox = tmp_path_factory.mktemp("outbox")
    env = {
        **site_environment,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(outbox),
    }
    server, base_url = start_daphne(env, tmp_path_factory.mktemp("mailing-server"))
    yield base_url, outbox
    stop_daphne(server)


def confirmation_link(outbox, base_url):
    texts = [path.read_text(encoding="utf-8") for path in sorted(outbox.iterdir())]
    links = re.findall(re.escape(base_url) + r"(/uk/accounts/confirm-email/[^\s/]+/)", "\n".join(texts))
    assert links, "no confirmation link was sent"
    return links[-1], texts[-1]


def test_sign_up_in_ukrainian_confirm_the_email_and_be_greeted_by_name(browser, mailing_site):
    base_url, outbox = mailing_site
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto("/uk/accounts/signup/")
    tab.locator("#id_email").fill("olena.koval@example.net")
    tab.locator("#id_display_name").fill(NAME)
    tab.locator("#id_password1").fill("Gdansk-nad-morzem-2026")
    tab.locator("#id_password2").fill("Gdansk-nad-morzem-2026")
    tab.locator("main form button[type=submit]").click()
    tab.wait_for_load_state()

    path, mail = confirmation_link(outbox, base_url)
    assert NAME in mail  # the e-mail names the person, not a made-up username
    tab.goto(path)
    tab.locator("main form button[type=submit]").click()
    tab.wait_for_url("**/uk/accounts/")

    response = tab.request.get(tab.url)
    assert response.status == 200
    assert NAME in tab.locator(".messages-region").inner_text()  # the welcome
    tab.locator(".menu-disclosure summary").click()
    assert NAME in tab.locator(".menu-disclosure .account-nav__me").inner_text()  # and so does the header
    context.close()
