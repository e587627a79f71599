"""A resident takes part in a consultation in a real browser."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()
OPEN_WITH_PROPOSALS = "/{lang}/consultations/punkt-informacyjny-dla-migrantow/"


def log_in(page, username):
    page.goto("/en/accounts/login/")
    page.get_by_label("Username or e-mail").fill(username)
    page.get_by_label("Password:", exact=True).fill("rada-demo-2026")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/")


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize(
    "path",
    ["/{lang}/consultations/", OPEN_WITH_PROPOSALS, "/{lang}/consultations/festiwal-sasiedzki-wielu-kultur/wyniki/"],
)
def test_axe_finds_no_violations_on_consultation_pages(page, lang, path):
    page.goto(path.format(lang=lang))
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_axe_finds_no_violations_on_a_consultation_for_a_logged_in_resident(page):
    log_in(page, "resident3")
    page.goto(OPEN_WITH_PROPOSALS.format(lang="uk"))
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_resident_comments_in_ukrainian_and_sees_the_comment(page):
    log_in(page, "resident3")
    page.goto(OPEN_WITH_PROPOSALS.format(lang="uk"))
    page.locator("#comment-text").fill("Дякую! Чи буде пункт працювати в листопаді?\nІ ще одне питання.")
    page.locator("#comment-language").select_option("uk")
    page.locator("#comment-form form:has(#comment-text) button[type=submit]").click()
    page.wait_for_load_state()
    comment = page.locator(".comment__text", has_text="Чи буде пункт працювати в листопаді?")
    assert comment.get_attribute("lang") == "uk"
    assert "<br>" in comment.inner_html()


def test_resident_supports_a_proposal_and_can_withdraw(page):
    log_in(page, "resident3")
    page.goto(OPEN_WITH_PROPOSALS.format(lang="en") + "?proposals=date")
    proposal = page.locator(".proposal", has_text="Dyżur prawnika raz w tygodniu")
    before = proposal.locator(".proposal__supports").inner_text()
    proposal.get_by_role("button", name="Support").click()
    page.wait_for_load_state()
    proposal = page.locator(".proposal", has_text="Dyżur prawnika raz w tygodniu")
    assert proposal.locator(".proposal__supports").inner_text() != before
    proposal.get_by_role("button", name="Withdraw my support").click()
    page.wait_for_load_state()
    assert (
        page.locator(".proposal", has_text="Dyżur prawnika raz w tygodniu").locator(".proposal__supports").inner_text()
        == before
    )
