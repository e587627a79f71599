"""The statistics pages as a person meets them: axe-core, four languages,
charts with their text alternatives, and a 360-pixel-wide phone."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()
PAGES = ["/{lang}/statistics/", "/{lang}/statistics/education/", "/{lang}/statistics/local-communities/"]


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations_on_the_statistics_pages(page, lang, path):
    page.goto(path.format(lang=lang))
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("lang", ["pl", "en", "uk", "ru"])
def test_the_statistics_pages_show_the_demo_data_in_every_language(page, lang):
    page.goto(f"/{lang}/statistics/")
    assert page.get_attribute("html", "lang") == lang
    charts = page.locator("svg[role=img]")
    assert charts.count() >= 5
    for index in range(charts.count()):
        chart = charts.nth(index)
        title_id, desc_id = chart.get_attribute("aria-labelledby").split()
        assert page.locator(f"#{title_id}").text_content().strip()
        assert page.locator(f"#{desc_id}").text_content().strip()
    assert page.locator("figcaption.chart__summary").count() == charts.count()
    assert page.locator("table caption").count() >= charts.count()
    assert page.outside_requests == []


def test_an_area_shows_its_indicators_against_their_targets(page):
    page.goto("/en/statistics/education/")
    table = page.get_by_role("table", name="Each indicator's value against its target")
    assert table.get_by_role("row").count() >= 4
    assert "Children in extra Polish lessons" in table.inner_text()
    assert "% of the target" in table.inner_text() or "Target reached" in table.inner_text()


def test_the_area_page_leads_to_its_statistics(page):
    page.goto("/en/model/education/")
    page.get_by_role("link", name="This area in numbers").click()
    page.wait_for_url("**/en/statistics/education/")
    assert page.get_by_role("heading", level=1).inner_text() == "Participation in numbers: Education"


def test_a_chart_s_data_downloads_as_csv(page):
    page.goto("/en/statistics/")
    with page.expect_download() as download_info:
        page.locator("#by-language").get_by_role("link", name="CSV").click()
    download = download_info.value
    assert re.fullmatch(r"rada-all-by-language-\d{4}-\d\d-\d\d\.csv", download.suggested_filename)
    with open(download.path(), "rb") as data:
        assert data.read(3) == b"\xef\xbb\xbf"


def test_the_statistics_fit_a_360_pixel_phone(browser, served_site, tmp_path):
    context = browser.new_context(base_url=served_site, viewport={"width": 360, "height": 740})
    phone = context.new_page()
    try:
        phone.goto("/uk/statistics/")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        widths = phone.evaluate(
            "[...document.querySelectorAll('svg.chart__svg')].map(s => s.getBoundingClientRect().width)"
        )
        assert widths and all(200 <= width <= 360 for width in widths)
        # Chart labels stay readable: 14 units of a 360-unit drawing are at least 10 pixels on the phone.
        assert min(widths) * 14 / 360 >= 10
        phone.screenshot(path=str(tmp_path / "statistics-360.png"), full_page=True)
        print("screenshot:", tmp_path / "statistics-360.png")
    finally:
        context.close()


def test_chart_text_is_never_larger_than_the_page_text_on_a_wide_screen(browser, served_site):
    context = browser.new_context(base_url=served_site, viewport={"width": 1920, "height": 1080})
    wide = context.new_page()
    try:
        wide.goto("/pl/statistics/")
        body, labels = wide.evaluate(
            """() => [parseFloat(getComputedStyle(document.body).fontSize),
                     [...document.querySelectorAll('svg.chart__svg')].map(
                         s => s.getBoundingClientRect().width / s.viewBox.baseVal.width * 14)]"""
        )
        assert labels and max(labels) <= body + 0.5, (body, labels)
        assert min(labels) >= 0.75 * body  # and not shrunk out of reading either
    finally:
        context.close()
