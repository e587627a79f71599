"""A translated resolution as a Ukrainian reader meets it on a 360-pixel phone:
its title and text in Ukrainian, marked so, with who translated them, the
links to the other languages and to the PDF; axe-core finds nothing and
nothing scrolls sideways."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()
TITLE = "Перекладачі в міських поліклініках"


@pytest.fixture
def phone(browser, served_site):
    context = browser.new_context(base_url=served_site, viewport={"width": 360, "height": 740}, locale="uk-UA")
    tab = context.new_page()
    yield tab
    context.close()


def test_a_translated_resolution_reads_in_ukrainian_on_a_phone_and_axe_finds_nothing(phone, tmp_path):
    phone.goto("/uk/council/resolutions/")
    assert phone.locator(f'#main [lang="uk"]:has-text("{TITLE}")').count() >= 1
    phone.locator("#main tr", has_text=TITLE).get_by_role("link").first.click()
    phone.wait_for_url("**/uk/council/resolutions/*/")
    assert phone.locator(f'.document__title[lang="uk"]:has-text("{TITLE}")').count() == 1
    assert "Проєкт ухвали" in phone.locator(".document__footer").inner_text()
    assert phone.locator(".record-language .translation__label").count() == 1
    pdf = phone.locator('.record-language a[type="application/pdf"]').get_attribute("href")
    assert pdf.startswith("/uk/council/resolutions/") and pdf.endswith(".pdf")
    assert phone.locator('.record-language a[hreflang="pl"]').count() == 1
    results = AXE.run(phone)
    assert results.violations_count == 0, results.generate_report()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=tmp_path / "resolution.png", full_page=True)  # to look at, with --basetemp
