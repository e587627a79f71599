"""The Content-Security-Policy as a browser applies it: public pages, a live
meeting with its websocket and the Wagtail admin's page editor work under it,
and the browser reports no violation."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import PASSWORD, todays_meeting

pytestmark = pytest.mark.browser

# Collects what the browser refuses under the policy, from the first script on.
WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, collecting CSP violations from events and from console messages."""
    page.add_init_script(WATCH)
    page.console_violations = []
    page.on(
        "console",
        lambda message: (
            page.console_violations.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return page


def violations(page):
    return page.console_violations + page.evaluate("window.__cspViolations || []")


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/pl/consultations/",
        "/uk/council/",
        "/en/statistics/",
        "/en/statistics/education/",
        "/en/open-data/api/",
        "/pl/search/?q=kursy",
        "/en/accounts/login/",
    ],
)
def test_public_pages_load_under_the_policy_without_violations(watched, path):
    response = watched.goto(path)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "camera=()" in response.headers["permissions-policy"]
    assert response.headers["referrer-policy"] == "same-origin"
    watched.wait_for_load_state("networkidle")
    assert violations(watched) == []


def test_the_live_meeting_page_connects_its_websocket_under_the_policy(watched):
    meeting = todays_meeting(watched)
    watched.goto(f"/en/council/meetings/{meeting}/")
    expect(watched.locator("[data-live-status]")).to_have_attribute("data-state", "live")
    assert violations(watched) == []


def test_an_official_edits_and_saves_a_page_in_the_admin_under_its_policy(watched):
    watched.goto("/admin/login/")
    watched.locator("#id_username").fill("official")
    watched.locator("#id_password").fill(PASSWORD)
    watched.keyboard.press("Enter")
    watched.wait_for_url("**/admin/")

    watched.goto("/pl/consultations/informacja-zdrowotna-dla-nowych-mieszkancow/")
    action = watched.locator("form#follow").get_attribute("action")
    page_id = re.search(r"/follow/(\d+)/", action).group(1)

    response = watched.goto(f"/admin/pages/{page_id}/edit/")
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    title = watched.locator("#id_title")
    expect(title).to_be_visible()
    title.fill(title.input_value() + " (wersja robocza)")
    with watched.expect_navigation():
        watched.get_by_role("button", name=re.compile("Zapisz wersję roboczą|Save draft")).click()
    expect(watched.locator(".messages")).to_contain_text("(wersja robocza)")
    assert violations(watched) == []
