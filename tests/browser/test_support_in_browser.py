"""The information centre and the report form on a 360 px phone, in Ukrainian
and Polish, checked by axe-core; a report sent and its status read back."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()
PHONE = {"width": 360, "height": 780}


def assert_no_violations(page):
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def assert_fits_the_screen(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("lang", ["uk", "pl"])
@pytest.mark.parametrize("path", ["/help/", "/help/ask/", "/report/"])
def test_axe_finds_no_violations_on_a_phone(page, lang, path):
    page.set_viewport_size(PHONE)
    page.goto(f"/{lang}{path}")
    assert_fits_the_screen(page)
    assert_no_violations(page)
    assert page.outside_requests == []


def test_the_directory_filters_by_language_spoken(page):
    page.set_viewport_size(PHONE)
    page.goto("/uk/help/")
    page.select_option("#id_language", "ka")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/uk/help/?*language=ka*")
    assert page.locator("article.service").count() == 1
    assert_no_violations(page)


def test_a_report_is_sent_and_its_status_read_with_the_code(page):
    page.set_viewport_size(PHONE)
    page.goto("/uk/report/")
    page.fill("#id_what_happened", "У трамваї чоловік ображав мене через мою мову.")
    page.fill("#id_where", "Трамвай 8")
    page.check("input[name=still_happening][value=no]")
    page.locator("form.report-form button[type=submit]").click()
    code = page.locator(".reference-code__value").inner_text().strip()
    assert len(code.replace("-", "")) == 12
    assert_no_violations(page)

    page.goto("/uk/report/status/")
    page.fill("#id_code", code.lower())
    page.locator("main form button[type=submit]").click()
    assert page.locator(".report-status").is_visible()
    assert "трамваї" not in page.content()
    assert_no_violations(page)
