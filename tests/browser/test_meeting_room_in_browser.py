"""The meeting room in Chromium: the projector fits a 1920×1080 and a 1280×720
screen in Polish and Ukrainian with an open vote and with a result, the chair's
console shows a member's check-in without a reload, the ballot shows its
options on a phone's first screen, and axe-core finds nothing on any of them.

The tests run in order on the demo's meeting of today: the check-in first
(before anyone is present), then the vote."""

import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import fresh_site, serving
from .helpers import MEMBERS_PRESENT, log_in, todays_meeting

pytestmark = pytest.mark.browser


# A site of this module's own: its tests start from today's meeting as the demo
# leaves it (nobody checked in), whatever other modules did to the shared site.
@pytest.fixture(scope="module")
def site_environment(tmp_path_factory):
    with fresh_site(tmp_path_factory, own_redis=True) as env:
        yield env


@pytest.fixture(scope="module")
def served_site(site_environment, tmp_path_factory):
    with serving(site_environment, tmp_path_factory) as base_url:
        yield base_url


AXE = Axe()
SCREENS = [(1920, 1080), (1280, 720)]
LANGUAGES = ["pl", "uk"]
SCREENSHOTS = os.environ.get("RADA_SCREENSHOTS")  # a folder, to look at the screens while working on them


def no_violations(page):
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


# Everything that overflows the screen or its own box.  With words never broken
# (no automatic hyphens, no breaking anywhere), a word too long for its column
# would stick out of its box: this finds it as well.
OVERFLOWS = """() => {
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(element);
    if (style.display === "none" || style.visibility === "hidden" || element.closest(".visually-hidden")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const classes = String(element.className || "").trim().replace(/\\s+/g, ".");
    const name = element.tagName.toLowerCase() + (classes ? "." + classes : "");
    if (box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5 || box.left < -0.5 || box.top < -0.5) {
      found.push(`${name} outside the screen: ${element.textContent.trim().slice(0, 60)}`);
    }
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
      found.push(`${name} wider than its box: ${element.textContent.trim().slice(0, 60)}`);
    }
    if (element.clientHeight > 0 && element.scrollHeight > element.clientHeight + 1 && style.overflowY !== "visible") {
      found.push(`${name} clips its text: ${element.textContent.trim().slice(0, 60)}`);
    }
  }
  const root = document.documentElement;
  return {width: root.scrollWidth, height: root.scrollHeight, overflows: found};
}"""


def assert_projector_fits(browser, served_site, meeting, *, showing):
    for width, height in SCREENS:
        for lang in LANGUAGES:
            context = browser.new_context(base_url=served_site, viewport={"width": width, "height": height})
            screen = context.new_page()
            screen.goto(f"/{lang}/council/meetings/{meeting}/projector/")
            expect(screen.locator("[data-live-status]")).to_have_attribute("data-state", "live")
            expect(screen.locator(f"[data-live-region=panel] {showing}")).to_be_visible()
            style = screen.evaluate(
                "(() => { const s = getComputedStyle(document.body);"
                " return [s.hyphens, s.overflowWrap, s.wordBreak]; })()"
            )
            assert style == ["manual", "normal", "normal"]
            measured = screen.evaluate(OVERFLOWS)
            assert (measured["width"], measured["height"]) == (width, height), measured
            assert measured["overflows"] == [], f"{lang} {width}×{height}: {measured['overflows']}"
            assert screen.locator(".site-header, .languages, .site-footer").count() == 0
            if SCREENSHOTS:
                screen.screenshot(path=f"{SCREENSHOTS}/projector-{lang}-{width}-{showing[1:]}.png")
            if (width, lang) in {(1920, "uk"), (1280, "pl")}:
                no_violations(screen)
            context.close()


@pytest.fixture(scope="module")
def meeting(browser, served_site):
    """Today's demo meeting, started by the chair, with nobody marked present yet."""
    context = browser.new_context(base_url=served_site)
    chair = context.new_page()
    meeting = todays_meeting(chair)
    log_in(chair, "chair")
    chair.goto(f"/en/council/meetings/{meeting}/console/")
    if chair.get_by_role("button", name="Start the meeting").count():
        chair.get_by_role("button", name="Start the meeting").click()
    context.close()
    return meeting


def test_a_members_check_in_appears_on_the_console_without_a_reload(browser, served_site, meeting):
    chair = browser.new_context(base_url=served_site).new_page()
    log_in(chair, "chair")
    chair.goto(f"/en/council/meetings/{meeting}/console/")
    chair.evaluate("window.__notReloaded = true")
    expect(chair.locator("[data-live-status]")).to_have_attribute("data-state", "live")
    no_violations(chair)

    member = browser.new_context(base_url=served_site).new_page()
    log_in(member, "member9")
    member.goto(f"/en/council/meetings/{meeting}/")
    member.get_by_role("button", name="Check in: I am here").click()
    name = chair.locator('[data-state="checked_in"] .roll__name')
    expect(name).to_contain_text("Yuki T.")
    assert chair.evaluate("window.__notReloaded") is True
    expect(chair.locator("[data-live-announcer]")).to_contain_text("Yuki T. has checked in.")
    # The swapped-in list works: the chair confirms the member with its button.
    chair.get_by_role("button", name="Mark Yuki T. present").click()
    expect(chair.locator(".messages")).to_contain_text("Yuki T. is marked present.")
    member.context.close()
    chair.context.close()


def test_the_chair_confirms_before_opening_a_vote_without_a_quorum(browser, served_site, meeting):
    chair = browser.new_context(base_url=served_site).new_page()
    log_in(chair, "chair")
    chair.goto(f"/en/council/meetings/{meeting}/console/")
    chair.get_by_role("button", name=re.compile("^Move to this item")).nth(0).click()  # the first motion
    chair.locator("summary", has_text="Prepare a vote on this item").click()
    chair.get_by_label("Named vote").check()
    chair.get_by_role("button", name="Prepare the vote").click()
    assert chair.locator("#votes").get_by_role("button", name="Open the vote").is_visible()
    assert chair.locator("#votes").bounding_box()["y"] < chair.locator("#attendance").bounding_box()["y"]
    chair.get_by_role("button", name="Open the vote").click()
    expect(chair.locator("h1")).to_have_text("Open the vote without a quorum?")
    no_violations(chair)
    chair.get_by_role("link", name="Back to the attendance list").click()
    for name in MEMBERS_PRESENT:
        chair.get_by_role("button", name=f"Mark {name} present").click()
    chair.get_by_role("button", name="Open the vote").click()  # 7 of 11 present now: no question asked
    expect(chair.locator(".messages")).to_contain_text("Voting is open.")
    chair.context.close()


def test_the_ballot_shows_the_question_and_the_options_on_a_phones_first_screen(browser, served_site, meeting):
    for lang, username in (("uk", "member1"), ("pl", "member2")):
        context = browser.new_context(base_url=served_site, viewport={"width": 360, "height": 640})
        member = context.new_page()
        log_in(member, username, lang=lang)
        member.goto(f"/{lang}/council/meetings/{meeting}/ballot/")
        no_violations(member)
        assert member.evaluate("document.documentElement.scrollWidth") <= 360
        # Below the site's header (whose own budget, under 120 px at this width,
        # the header's tests hold) the question and the first option fit the
        # rest of a 640 px screen.
        header = member.locator(".site-header").bounding_box()
        first = member.locator(".ballot-option").first.bounding_box()
        assert first["y"] + first["height"] - (header["y"] + header["height"]) <= 640 - 120
        assert member.locator("#question").bounding_box()["y"] < first["y"]
        if SCREENSHOTS:
            member.screenshot(path=f"{SCREENSHOTS}/ballot-{lang}-360.png")
        member.set_viewport_size({"width": 1280, "height": 900})
        no_violations(member)
        context.close()


def test_the_projector_on_a_phone_is_one_column_that_fits_its_width(page, meeting):
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(f"/uk/council/meetings/{meeting}/projector/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    no_violations(page)


def test_the_projector_fits_the_room_screen_with_an_open_vote(browser, served_site, meeting):
    assert_projector_fits(browser, served_site, meeting, showing=".poll__bar--progress")


def test_the_projector_fits_the_room_screen_with_a_result(browser, served_site, meeting):
    voters = {"member1": "Yes", "member2": "Yes", "member3": "No", "member4": "Abstain"}
    for username, choice in voters.items():
        context = browser.new_context(base_url=served_site)
        member = context.new_page()
        log_in(member, username)
        member.goto(f"/en/council/meetings/{meeting}/ballot/")
        member.get_by_label(choice, exact=True).check()
        member.get_by_role("button", name="Cast my ballot").click()
        context.close()
    chair = browser.new_context(base_url=served_site).new_page()
    log_in(chair, "chair")
    chair.goto(f"/en/council/meetings/{meeting}/console/")
    chair.get_by_role("button", name="Close the vote").click()
    expect(chair.locator(".messages")).to_contain_text("Voting is closed")
    chair.context.close()
    assert_projector_fits(browser, served_site, meeting, showing=".poll__outcome")


LONG_QUESTION = (
    "Którą z sześciu propozycji lokalizacji punktu informacyjnego dla migrantów i migrantek Rada rekomenduje "
    "Prezydentowi Miasta Gdańska jako miejsce pierwszej, pilotażowej placówki działającej przez cały rok 2027?"
)
LONG_OPTIONS = [
    "Gdańsk Główny, budynek dworca, hala południowa",
    "Urząd Miejski, ul. Nowe Ogrody 8/12",
    "Centrum Sąsiedzkie na Oruni",
    "Biblioteka Gdańska, filia w Śródmieściu",
    "Klub Osiedlowy na Przymorzu Wielkim",
    "Europejskie Centrum Solidarności",
]


def test_the_projector_fits_a_long_question_and_an_election_between_six_places(browser, served_site, meeting):
    chair = browser.new_context(base_url=served_site).new_page()
    log_in(chair, "chair")
    chair.goto(f"/en/council/meetings/{meeting}/console/")
    chair.get_by_role("button", name=re.compile("^Move to this item")).last.click()  # "Any other business"
    chair.locator("summary", has_text="Prepare a vote on this item").click()
    chair.get_by_label("Question:", exact=True).fill(LONG_QUESTION)
    chair.get_by_label("Secret ballot").check()
    chair.get_by_label("Choice between options").check()
    chair.get_by_role("textbox", name="Options").fill("\n".join(LONG_OPTIONS))
    chair.get_by_role("button", name="Prepare the vote").click()
    chair.get_by_role("button", name="Open the vote").click()
    for index, username in enumerate(["member1", "member2", "member3"]):
        context = browser.new_context(base_url=served_site)
        member = context.new_page()
        log_in(member, username)
        member.goto(f"/en/council/meetings/{meeting}/ballot/")
        member.get_by_label(LONG_OPTIONS[index % 2]).check()
        member.get_by_role("button", name="Cast my ballot").click()
        context.close()
    chair.goto(f"/en/council/meetings/{meeting}/console/")
    chair.get_by_role("button", name="Close the vote").click()
    chair.context.close()
    assert_projector_fits(browser, served_site, meeting, showing=".poll--many-options .poll__outcome")


def test_closing_the_meeting_asks_first_and_says_what_will_happen(browser, served_site, meeting):
    chair = browser.new_context(base_url=served_site, viewport={"width": 360, "height": 740}).new_page()
    log_in(chair, "chair", lang="uk")
    chair.goto(f"/uk/council/meetings/{meeting}/console/")
    no_violations(chair)
    assert chair.evaluate("document.documentElement.scrollWidth") <= 360
    chair.locator("#close-heading ~ form button").click()
    expect(chair.locator(".confirm__effects")).to_be_visible()
    assert chair.locator(".confirm__actions button").count() == 1
    no_violations(chair)
    chair.context.close()
