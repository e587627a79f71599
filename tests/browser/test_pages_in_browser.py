"""The pages as a person meets them: in Chromium, checked by axe-core,
used with the keyboard alone and on a 320-pixel-wide phone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()
PAGES = {
    "home": "/{lang}/",
    "model": "/{lang}/model/",
    "area": "/{lang}/model/education/",
    "login": "/{lang}/accounts/login/",
    "signup": "/{lang}/accounts/signup/",
}
MORE_PAGES = [
    "/{lang}/news/",
    "/{lang}/contact/",
    "/{lang}/accessibility/",
    "/{lang}/search/?q=model",
    "/{lang}/search/?q=konsultacje",
    "/{lang}/events/?area=housing",
]


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violations(page, lang, name):
    page.goto(PAGES[name].format(lang=lang))
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_axe_finds_no_violations_on_the_home_page_in_cyrillic_languages(page, lang):
    page.goto(f"/{lang}/")
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", MORE_PAGES)
def test_axe_finds_no_violations_on_other_pages(page, path):
    page.goto(path.format(lang="pl"))
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_html_lang_follows_the_chosen_language(page):
    page.goto("/uk/")
    assert page.get_attribute("html", "lang") == "uk"


def test_language_switcher_keeps_the_reader_on_the_same_page(page):
    page.goto("/pl/model/health/")
    page.get_by_role("navigation", name="Język").get_by_role("link", name="English").click()
    assert page.url.endswith("/en/model/health/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Health"


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.evaluate("getComputedStyle(document.activeElement).top") != "-64px"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_keyboard_alone_reaches_the_main_menu_and_follows_a_link(page):
    page.goto("/en/")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "News":
            break
    else:
        pytest.fail("the News link was not reached with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/news/")


def test_log_in_with_the_keyboard(page):
    page.goto("/en/accounts/login/")
    page.get_by_label("Username or e-mail").fill("resident1")
    page.get_by_label("Password:", exact=True).fill("rada-demo-2026")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/")
    assert page.get_by_role("link", name="My participation (Iryna)").is_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/pl/",
        "/uk/model/",
        "/ru/model/social-welfare/",
        "/en/accounts/signup/",
        "/pl/open-data/",
        "/uk/open-data/api/",
        "/uk/statistics/",
        "/pl/statistics/housing/",
        "/pl/council/resolutions/",
        "/ru/council/meetings/",
    ],
)
def test_pages_fit_a_320_pixel_wide_screen(browser, served_site, path):
    context = browser.new_context(base_url=served_site, viewport={"width": 320, "height": 640})
    phone = context.new_page()
    phone.goto(path)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_pages_make_no_request_outside_the_site(page):
    for path in ("/pl/", "/en/model/", "/uk/model/culture/", "/pl/accounts/signup/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert page.outside_requests == []
