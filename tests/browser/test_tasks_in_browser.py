"""The Model's tasks and the yearly evaluation report as a person meets them on
a 360-pixel phone in Ukrainian: axe-core finds nothing, nothing scrolls
sideways, and the filters work as a plain form."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()
YEAR = datetime.date.today().year
PAGES = ["/uk/model/tasks/", "/uk/model/tasks/baza-tlumaczy/", f"/uk/model/evaluation/{YEAR}/"]


@pytest.fixture
def phone(browser, served_site):
    context = browser.new_context(base_url=served_site, viewport={"width": 360, "height": 740}, locale="uk-UA")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_nothing_and_nothing_scrolls_sideways_on_a_phone(phone, path, tmp_path):
    phone.goto(path)
    assert phone.get_attribute("html", "lang") == "uk"
    results = AXE.run(phone)
    assert results.violations_count == 0, results.generate_report()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=tmp_path / "phone.png", full_page=True)  # to look at, with --basetemp


def test_the_filters_narrow_the_list_without_javascript(browser, served_site):
    context = browser.new_context(
        base_url=served_site, java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    tab = context.new_page()
    try:
        tab.goto("/uk/model/tasks/")
        everything = tab.locator(".task-card").count()
        tab.get_by_label("Тематичний напрям").select_option("education")
        tab.get_by_role("button", name="Показати").click()
        tab.wait_for_url("**/uk/model/tasks/?area=education*")
        cards = tab.locator(".task-card")
        assert 0 < cards.count() < everything
        assert "Вивчення польської мови" in tab.locator(".task-list").inner_text()
    finally:
        context.close()


def test_a_task_leads_to_its_page_with_its_notes(page, tmp_path):
    page.goto("/en/model/tasks/")
    page.screenshot(path=tmp_path / "list.png", full_page=True)
    page.locator("#main").get_by_role("link", name="Translators' base").click()
    page.wait_for_url("**/en/model/tasks/baza-tlumaczy/")
    assert page.get_by_role("heading", level=1).inner_text() == "Translators' base"
    assert page.locator(".task-notes li").count() == 2
    page.goto(f"/en/model/evaluation/{YEAR}/")
    page.screenshot(path=tmp_path / "evaluation.png", full_page=True)
    assert page.get_by_role("heading", name="Education", level=2).is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".evaluation-years").is_visible()
    assert page.get_by_role("heading", name="Education", level=2).is_visible()
    page.screenshot(path=tmp_path / "evaluation-print.png", full_page=True)
