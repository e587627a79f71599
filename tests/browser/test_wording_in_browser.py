"""Proposed wording and compared drafts on a 360 px phone: axe finds nothing,
nothing overflows, the marks are there; without JavaScript a resident still
reaches and reads them."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()
CENTRE = "/{lang}/consultations/punkt-informacyjny-dla-migrantow/"


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def phone(browser, served_site, request):
    context = browser.new_context(
        base_url=served_site, viewport={"width": 360, "height": 740}, java_script_enabled=request.param
    )
    tab = context.new_page()
    tab.scripts = request.param
    yield tab
    context.close()


def links_of_first_section(phone, lang):
    phone.goto(CENTRE.format(lang=lang))
    links = phone.locator(".section-wording-links").first
    wording = links.locator("a[href*='/wording/']").first.get_attribute("href")
    drafts = links.locator("a[href*='/drafts/']").first.get_attribute("href")
    return phone, re.sub(r"#.*", "", wording), drafts


@pytest.mark.parametrize("lang", ["uk", "pl"])
def test_wording_and_draft_pages_pass_axe_and_fit_a_phone(phone, lang):
    phone, wording, drafts = links_of_first_section(phone, lang)
    for url in (CENTRE.format(lang=lang), wording, drafts):
        phone.goto(url)
        if phone.scripts:  # axe runs as a script in the page
            results = AXE.run(phone)
            assert results.violations_count == 0, results.generate_report()
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360, url
    phone.goto(wording)
    assert phone.locator(".wording ins").count() >= 1 and phone.locator(".wording del").count() >= 1
    assert phone.locator(".wording ins .visually-hidden").first.inner_text().strip()
    phone.goto(drafts)
    assert phone.locator(".wording-diff del").count() >= 1
