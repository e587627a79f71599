"""A council meeting in real browsers: the chair starts the demo meeting,
keeps attendance and runs a vote; members vote from their own browsers (one
on a phone); everyone reads the result.  axe-core checks each screen."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .helpers import listening, log_in, take_live, todays_meeting

pytestmark = pytest.mark.browser

AXE = Axe()


def no_violations(page):
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_chair_runs_a_named_vote_that_members_cast_from_their_browsers(page, browser, served_site):
    meeting = todays_meeting(page)
    console = f"/en/council/meetings/{meeting}/console/"
    log_in(page, "chair")
    page.goto(console)
    page.get_by_role("button", name="Start the meeting").click()
    assert "The meeting has started." in page.inner_text(".messages")
    for name in ("Aliaksandr B.", "Fatima A.", "Dmytro S.", "Ana P.", "Giorgi M.", "Olena K."):
        page.get_by_role("button", name=f"Mark {name} present").click()
    no_violations(page)

    page.get_by_role("button", name=re.compile("^Move to this item")).nth(0).click()  # the first motion
    page.locator("summary", has_text="Prepare a vote on this item").click()
    page.get_by_label("Named vote").check()
    page.get_by_role("button", name="Prepare the vote").click()
    page.get_by_role("button", name="Open the vote").click()
    assert "Voting is open." in page.inner_text(".messages")

    voters = {"member1": "Yes", "member2": "Yes", "member3": "No", "member4": "Abstain", "member5": "Yes"}
    for index, (username, choice) in enumerate(voters.items()):
        size = {"width": 360, "height": 740} if index == 0 else {"width": 1280, "height": 900}
        context = browser.new_context(base_url=served_site, viewport=size)
        member = context.new_page()
        log_in(member, username)
        member.goto(f"/en/council/meetings/{meeting}/ballot/")
        if index == 0:
            no_violations(member)
            assert member.evaluate("document.documentElement.scrollWidth") <= 360
        member.get_by_label(choice, exact=True).check()
        member.get_by_role("button", name="Cast my ballot").click()
        assert "Your ballot is recorded." in member.inner_text(".messages")
        assert member.get_by_role("button", name="Cast my ballot").count() == 0
        context.close()

    page.goto(console)
    assert "5 ballots cast so far." in page.inner_text("main")
    page.get_by_role("button", name="Close the vote").click()
    assert "Voting is closed and the result is recorded." in page.inner_text(".messages")

    page.goto(f"/en/council/meetings/{meeting}/")
    result = page.locator(".poll--closed").last
    assert "Passed" in result.inner_text()
    result.locator("summary", has_text="How each member voted").click()
    named = result.locator(".poll__named").inner_text()
    assert re.search(r"Dmytro S\.\s+No", named)
    assert re.search(r"Aliaksandr B\.\s+Yes", named)
    no_violations(page)

    poll_id = result.get_attribute("id").removeprefix("poll-")
    body = page.request.get(f"/api/v1/council/polls/{poll_id}/").json()
    assert body["result"]["cast"] == 5
    assert len(body["ballots"]) == 5

    page.goto("/en/council/resolutions/")
    assert "A small grants fund for community festivals" in page.inner_text("main")


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize(
    "path",
    ["/{lang}/council/", "/{lang}/council/meetings/1/", "/{lang}/council/motions/1/", "/{lang}/council/members/"],
)
def test_axe_finds_no_violations_on_council_pages(page, lang, path):
    page.goto(path.format(lang=lang))
    no_violations(page)


def test_axe_finds_no_violations_on_a_resolution_and_the_minutes(page):
    for path in ("/pl/council/resolutions/1/", "/pl/council/meetings/1/minutes/", "/uk/council/motions/"):
        page.goto(path)
        no_violations(page)


def test_a_viewer_sees_the_chairs_actions_and_the_tally_live_without_reloading(page, browser, served_site):
    from playwright.sync_api import expect

    meeting = next(m["id"] for m in page.request.get("/api/v1/council/meetings/").json()["results"] if m["number"] == 3)
    chair = browser.new_context(base_url=served_site).new_page()
    log_in(chair, "chair")
    take_live(chair, meeting)

    page.goto(f"/en/council/meetings/{meeting}/")
    page.evaluate("window.__notReloaded = true")
    expect(page.locator("[data-live-status]")).to_have_attribute("data-state", "live")
    panel = page.locator("[data-live-region=panel]")

    socket_url = served_site.replace("http", "ws") + f"/ws/meetings/{meeting}/?lang=en"
    with listening(socket_url, served_site) as received:
        chair.goto(f"/en/council/meetings/{meeting}/console/")
        chair.get_by_role("button", name=re.compile("^Move to this item")).last.click()  # "Any other business"
        chair.locator("summary", has_text="Prepare a vote on this item").click()
        chair.get_by_label("Question:", exact=True).fill("Czy zamykamy listę spraw różnych?")
        chair.get_by_label("Secret ballot").check()
        chair.get_by_role("button", name="Prepare the vote").click()
        chair.get_by_role("button", name="Open the vote").click()
        expect(panel).to_contain_text("Czy zamykamy listę spraw różnych?")
        expect(panel).to_contain_text("Voted: 0 of 6 members present.")

        for username, choice in (("member1", "Yes"), ("member2", "No"), ("member3", "Yes")):
            context = browser.new_context(base_url=served_site)
            member = context.new_page()
            log_in(member, username)
            member.goto(f"/en/council/meetings/{meeting}/ballot/")
            member.get_by_label(choice, exact=True).check()
            member.get_by_role("button", name="Cast my ballot").click()
            context.close()
        expect(panel).to_contain_text("Voted: 3 of 6 members present.")

        chair.get_by_role("button", name="Close the vote").click()
        expect(panel).to_contain_text("Passed")
        expect(panel.locator("table")).to_contain_text("Yes")
        assert page.evaluate("window.__notReloaded") is True
        assert "Passed" in page.locator("[data-live-announcer]").inner_text()
    states = [m for m in received if m["type"] == "state"]
    assert [m["seq"] for m in states] == list(range(states[0]["seq"], states[0]["seq"] + len(states)))
    ours = [m["state"]["poll"] for m in states if m["state"]["poll"] and "zamykamy" in m["state"]["poll"]["question"]]
    assert all("counts" not in poll for poll in ours if poll["state"] == "open")
    assert ours[-1]["result"]["cast"] == 3
    chair.context.close()


def test_a_socket_for_a_meeting_that_is_gone_closes_with_4404_through_a_real_server(served_site):
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect

    url = served_site.replace("http", "ws") + "/ws/meetings/999999/?lang=en"
    with connect(url, origin=served_site, open_timeout=10) as socket, pytest.raises(ConnectionClosed) as closed:
        socket.recv(timeout=10)
    assert closed.value.rcvd.code == 4404


def test_the_page_stops_reconnecting_and_says_so_when_its_meeting_is_gone(page):
    from playwright.sync_api import expect

    attempts = []

    def gone(socket):
        attempts.append(socket.url)
        socket.close(code=4404, reason="")

    page.route_web_socket(re.compile(r".*/ws/meetings/\d+/.*"), gone)
    page.goto(f"/en/council/meetings/{todays_meeting(page)}/")
    status = page.locator("[data-live-status]")
    expect(status).to_have_attribute("data-state", "gone")
    expect(status).to_have_text("Live updates have stopped: reload the page.")
    page.wait_for_timeout(2500)  # a retry would come within 1 s
    assert len(attempts) == 1
