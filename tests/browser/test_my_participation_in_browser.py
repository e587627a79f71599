"""My participation as a resident and a council member see it: in Polish and
Ukrainian, on a phone and a desktop, checked by axe-core, without sideways
scrolling, and usable without JavaScript (unfollowing comes back to the page)."""

import tempfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .helpers import log_in

AXE = Axe()
SCREENSHOTS = Path(tempfile.gettempdir()) / "rada-my-participation"


def assert_no_violations(page):
    results = AXE.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def assert_fits(page, width):
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways: {scroll_width} px on a {width} px screen"


@pytest.mark.parametrize("width", [360, 1280], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["pl", "uk"])
@pytest.mark.parametrize("account", ["resident1", "chair"])
def test_my_participation_reads_well_in_pl_and_uk_on_a_phone_and_a_desktop(page, account, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, account, lang)
    page.goto(f"/{lang}/accounts/")
    assert page.locator("h1").count() == 1
    assert page.locator("#written").count() == page.locator("#settings").count() == 1
    assert (page.locator("#council").count() == 1) == (account == "chair")
    assert_no_violations(page)
    assert_fits(page, width)
    page.screenshot(path=f"{SCREENSHOTS}-{account}-{lang}-{width}.png", full_page=True)  # to look at


def test_unfollowing_without_javascript_comes_back_to_my_participation(browser, served_site):
    context = browser.new_context(base_url=served_site, java_script_enabled=False)
    page = context.new_page()
    log_in(page, "resident2", "uk")
    page.goto("/uk/accounts/")
    buttons = page.locator("#followed form button")
    before = buttons.count()
    assert before >= 1  # writing in a consultation follows it, and the demo's residents wrote
    buttons.first.click()
    page.wait_for_url("**/uk/accounts/**")
    assert page.locator("#followed form button").count() == before - 1
    assert page.locator("[role=status], .messages, .message").count() >= 1
    context.close()
