"""The design as people meet it: the main pages at four widths in Polish and
Ukrainian (no sideways scrolling, axe in each layout, a short header on phones), the menu
button without JavaScript, feedback next to what was done, and the pattern
library's components checked alone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser

AXE = Axe()
CONSULTATION = "/{lang}/consultations/punkt-informacyjny-dla-migrantow/"
PAGES = {
    "home": "/{lang}/",
    "consultation": CONSULTATION,
    "consultations": "/{lang}/consultations/",
    "events": "/{lang}/events/",
    "translators": "/{lang}/translators/",
    "glossary": "/{lang}/glossary/",
}
WIDTHS = [360, 768, 1280, 1920]
# axe at one width of each layout the style sheets have (their breakpoints are 24 to 62 rem):
# 1920 px lays a page out as 1280 px does, only wider, so there it checks the fit alone.
AXE_WIDTHS = {360, 768, 1280}
PATTERNS = [
    "foundations/colours",
    "foundations/type_scale",
    "foundations/icons",
    "foundations/area_illustrations",
    "components/button",
    "components/message",
    "components/inline_feedback",
    "components/status_badge",
    "components/summary_list",
    "components/side_card",
    "components/table_stack",
    "components/area_card",
    "components/languages",
    "components/empty_state",
    "components/search_form",
    "components/menu_disclosure",
]


@pytest.fixture(scope="module")
def screens(browser, served_site):
    """One browser context per width, kept for the whole module."""
    contexts = {
        width: browser.new_context(base_url=served_site, viewport={"width": width, "height": 900}) for width in WIDTHS
    }
    yield {width: context.new_page() for width, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("lang", ["pl", "uk"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_passes_axe_and_fits_the_screen_at_every_width(screens, name, lang):
    """Loaded once, then narrowed and widened as a person turning a tablet or
    resizing a window would: the layout follows the width without a reload."""
    tab = screens[WIDTHS[0]]
    tab.goto(PAGES[name].format(lang=lang))
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        assert tab.evaluate("document.documentElement.scrollWidth") <= width, f"scrolls sideways at {width}px"
        if width in AXE_WIDTHS:
            results = AXE.run(tab)
            assert results.violations_count == 0, f"at {width}px: " + results.generate_report()
        if width == 360:
            header = tab.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
            assert header < 120, f"the header is {header}px tall with the menu closed"
    tab.set_viewport_size({"width": WIDTHS[0], "height": 900})


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_navigation_fits_one_row_at_1280_pixels(screens, lang):
    tab = screens[1280]
    tab.goto(f"/{lang}/")
    tops = tab.evaluate(
        "[...document.querySelectorAll('.site-header__nav .main-nav li')].map(li => li.getBoundingClientRect().top)"
    )
    assert len(tops) >= 5
    assert len(set(tops)) == 1, tops


def test_menu_button_opens_the_navigation_without_javascript(browser, served_site):
    context = browser.new_context(
        base_url=served_site, viewport={"width": 360, "height": 740}, java_script_enabled=False
    )
    phone = context.new_page()
    phone.goto("/uk/")
    menu = phone.locator(".menu-disclosure__panel")
    assert not menu.is_visible()
    phone.get_by_text("Меню", exact=True).click()
    assert menu.get_by_role("link", name="Громадські консультації").is_visible()
    phone.keyboard.press("Escape")
    context.close()


def test_footer_stays_at_the_bottom_of_a_short_page(screens):
    tab = screens[1920]
    tab.goto("/pl/translators/")
    bottom = tab.evaluate("document.querySelector('.site-footer').getBoundingClientRect().bottom")
    assert bottom >= tab.evaluate("window.innerHeight") - 1


def test_thanks_for_a_rating_is_beside_the_comment_and_takes_focus(page):
    log_in(page, "resident2", lang="pl")
    page.goto(CONSULTATION.format(lang="pl"))
    button = page.locator(".comment:not(:has(.comment__actions [aria-pressed]))").get_by_role(
        "button", name="Oceń na plus"
    )
    comment = button.first.locator("xpath=ancestor::article[1]")
    comment_id = comment.get_attribute("id")
    button.first.click()
    page.wait_for_url(f"**#{comment_id}")
    feedback = page.locator(f"#{comment_id} [role=status]")
    assert feedback.locator(".message--success").is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-feedback')")
    # Take the rating back, so that the demo stays as it was for other tests.
    page.locator(f"#{comment_id}").get_by_role("button", name="Wycofaj mój „plus”").click()


def test_the_consultation_side_column_stands_beside_the_text_on_wide_screens(screens):
    tab = screens[1280]
    tab.goto(CONSULTATION.format(lang="uk"))
    side = tab.locator(".consultation-layout__side").bounding_box()
    text = tab.locator(".consultation-layout__body").bounding_box()
    assert side["x"] > text["x"] + text["width"]
    assert side["y"] < 400  # in view on the first screen


@pytest.mark.parametrize("pattern", PATTERNS)
def test_pattern_library_component_passes_axe(screens, pattern):
    tab = screens[360]
    tab.goto(f"/pattern-library/render-pattern/patterns/{pattern}.html")
    results = AXE.run(tab)
    assert results.violations_count == 0, results.generate_report()
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360
