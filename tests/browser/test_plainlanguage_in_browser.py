"""The glossary, linked terms and easy-read pages in Chromium, checked by axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()
CONSULTATION = "/{lang}/consultations/punkt-informacyjny-dla-migrantow/"


def assert_no_violations(page):
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("lang", ["pl", "en", "uk", "ru"])
def test_axe_finds_no_violations_on_the_glossary(page, lang):
    page.goto(f"/{lang}/glossary/")
    assert page.locator("#term-karta-pobytu").count() == 1
    assert_no_violations(page)


@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_axe_finds_no_violations_on_the_easy_read_page(page, lang):
    page.goto(CONSULTATION.format(lang=lang))
    page.locator(".easy-read-link a").click()
    page.wait_for_selector("article.easy-read-page")
    assert_no_violations(page)


def test_axe_finds_no_violations_on_a_consultation_with_linked_terms(page):
    page.goto(CONSULTATION.format(lang="pl"))
    assert page.locator("a.glossary-term").count() >= 1
    assert_no_violations(page)


def test_easy_read_page_leads_back_to_the_full_version(page):
    page.goto(CONSULTATION.format(lang="en"))
    page.get_by_role("link", name="Easy read version").click()
    page.get_by_role("link", name="Read the full version").first.click()
    page.wait_for_url("**" + CONSULTATION.format(lang="en"))


def test_a_terms_explanation_opens_with_the_keyboard(page):
    page.goto(CONSULTATION.format(lang="en"))
    summary = page.locator("details.glossary-note summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.glossary-note").first.get_attribute("open") is not None
    assert page.locator("details.glossary-note p").first.is_visible()


def test_a_linked_term_leads_to_its_entry_in_the_glossary(page):
    page.goto(CONSULTATION.format(lang="uk"))
    page.locator("a.glossary-term").first.click()
    page.wait_for_url("**/uk/glossary/#term-*")
    anchor = page.url.split("#")[1]
    assert page.locator(f"#{anchor}").is_visible()


def test_glossary_and_easy_read_fit_a_360_pixel_phone(page):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/uk/glossary/", CONSULTATION.format(lang="pl")):
        page.goto(path)
        if path != "/uk/glossary/":
            page.locator(".easy-read-link a").click()
            page.wait_for_selector("article.easy-read-page")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
