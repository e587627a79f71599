"""Membership and speaking time on a phone (360 px wide), on a site of their
own: a member applies to the demo's open call for candidates (axe-core finds
nothing on the form, its errors or the list), and the meeting page counts a
speaker's time down live and says when it runs over."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import fresh_site, serving
from .helpers import log_in, todays_meeting

pytestmark = pytest.mark.browser

AXE = Axe()
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def own_site(tmp_path_factory):
    """This module starts today's meeting and gives the floor: a site of its own."""
    with fresh_site(tmp_path_factory) as env, serving(env, tmp_path_factory) as base_url:
        yield base_url


@pytest.fixture
def phone(browser, own_site):
    context = browser.new_context(base_url=own_site, viewport=PHONE)
    yield context.new_page()
    context.close()


def no_violations(page):
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_the_candidates_page_lists_those_who_agreed_and_passes_axe(phone, lang):
    phone.goto(f"/{lang}/council/candidates/")
    assert phone.locator(".candidate").count() == 2  # the third did not agree to publication
    fits(phone)
    no_violations(phone)


def test_a_member_applies_on_a_phone_and_the_form_and_its_errors_pass_axe(phone):
    log_in(phone, "member7", lang="uk")
    phone.goto("/uk/council/candidates/")
    phone.locator("a.button[href*='/apply/']").click()
    fits(phone)
    no_violations(phone)
    phone.locator("#id_languages").fill("English, polski")
    phone.locator(".candidacy-form button[type=submit]").click()
    expect(phone.locator(".errorlist").first).to_be_visible()
    no_violations(phone)
    phone.locator("#id_motivation").fill("I would like to work on information for newcomers.")
    phone.locator("#id_language").select_option("en")
    phone.locator(".candidacy-form button[type=submit]").click()
    phone.wait_for_url("**/uk/council/candidates/")
    assert phone.locator(".candidate-call .notice").count() == 1


def test_the_meeting_page_counts_the_speakers_time_down_on_a_phone(browser, own_site, phone):
    chair = browser.new_context(base_url=own_site).new_page()
    meeting = todays_meeting(chair)
    log_in(chair, "chair")
    chair.goto(f"/en/council/meetings/{meeting}/console/")
    chair.get_by_role("button", name="Start the meeting").click()
    chair.locator("#guest-name").fill("Gość z sali")
    chair.get_by_role("button", name="Add to the list").click()
    chair.locator("select[id^='speaking-time-']").first.select_option("1")
    chair.get_by_role("button", name="Give the floor to Gość z sali").click()

    phone.goto(f"/en/council/meetings/{meeting}/")
    timer = phone.locator("[data-countdown]")
    expect(timer).to_contain_text("Speaking time 1:00, from")
    left = phone.locator("[data-countdown-left]")
    expect(left).to_have_text(re.compile(r"Time left: 0:[0-5]\d|Time left: 1:00"))
    first = left.inner_text()
    phone.wait_for_timeout(2100)
    assert left.inner_text() != first  # it counts locally, with no message from the server
    fits(phone)
    no_violations(phone)

    # The chair changes the time: the live message brings the new limit to the phone.
    chair.locator("#current-speaking-time").select_option("2")
    chair.get_by_role("button", name="Set the speaking time").click()
    expect(timer).to_contain_text("Speaking time 2:00, from")

    # Overrun is said in words: a turn that began three minutes ago is over time.
    phone.evaluate(
        "document.querySelector('[data-countdown]').dataset.started = new Date(Date.now() - 180000).toISOString()"
    )
    expect(left).to_have_text(re.compile(r"Over time by 1:0\d"))
    chair.context.close()
