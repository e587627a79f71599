"""An election with several choices per ballot in Chromium, on a phone's
360 px: the chair prepares it in the console, a member fills a ballot with two
choices, and the demo's election in two rounds shows its result; axe-core
finds nothing on any of them."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import fresh_site, serving
from .helpers import log_in, take_live, todays_meeting

pytestmark = pytest.mark.browser

AXE = Axe()
PHONE = {"width": 360, "height": 640}


# Its own site: it starts today's meeting and opens a vote in it.
@pytest.fixture(scope="module")
def site_environment(tmp_path_factory):
    with fresh_site(tmp_path_factory, own_redis=True) as env:
        yield env


@pytest.fixture(scope="module")
def served_site(site_environment, tmp_path_factory):
    with serving(site_environment, tmp_path_factory) as base_url:
        yield base_url


def no_violations(page):
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_an_election_for_two_seats_is_prepared_voted_and_its_result_shown_at_360_px(browser, served_site):
    chair = browser.new_context(base_url=served_site, viewport=PHONE).new_page()
    meeting = todays_meeting(chair)
    log_in(chair, "chair")
    take_live(chair, meeting)
    chair.goto(f"/en/council/meetings/{meeting}/console/")
    chair.locator("summary", has_text="Prepare a vote on this item").click()
    chair.locator("#id_question").fill("Election of two members of the education team")
    chair.get_by_label("Choice between options").check()
    chair.locator("#id_options").fill("Iryna M.\nTamar G.\nAhmad R.")
    chair.get_by_label("Secret ballot").check()
    chair.locator("#id_seats").fill("2")
    chair.locator("#id_votes_per_ballot").fill("2")
    no_violations(chair)
    chair.get_by_role("button", name="Prepare the vote").click()
    expect(chair.locator(".poll__seats").first).to_contain_text("2 seats to fill")
    chair.get_by_role("button", name="Open the vote").first.click()
    expect(chair.locator(".messages")).to_contain_text("Voting is open.")
    fits(chair)
    no_violations(chair)
    chair.context.close()

    member = browser.new_context(base_url=served_site, viewport=PHONE).new_page()
    log_in(member, "member2", lang="uk")
    member.goto(f"/uk/council/meetings/{meeting}/ballot/")
    boxes = member.locator('input[type="checkbox"][name="choice"]')
    expect(boxes).to_have_count(4)
    fits(member)
    no_violations(member)
    boxes.nth(0).check()
    boxes.nth(2).check()
    member.locator(".ballot-form button[type=submit]").click()
    expect(member.locator("p.message--success")).to_be_visible()
    no_violations(member)
    member.context.close()

    reader = browser.new_context(base_url=served_site, viewport=PHONE).new_page()
    meetings = reader.request.get("/api/v1/council/meetings/").json()["results"]
    held = next(item["id"] for item in meetings if item["number"] == 2)
    reader.goto(f"/en/council/meetings/{held}/")
    elected = reader.locator(".badge--elected")
    expect(elected).to_have_count(2)
    expect(reader.locator(".poll__next-round, .poll__rule").first).to_be_visible()
    fits(reader)
    no_violations(reader)
    reader.context.close()
