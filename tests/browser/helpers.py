"""Steps several browser tests take: logging in, finding and starting today's
demo meeting, listening to a meeting's websocket with a raw client."""

import contextlib
import json
import os
import threading
import time

import pytest

PASSWORD = "rada-demo-2026"
MEMBERS_PRESENT = ("Aliaksandr B.", "Fatima A.", "Dmytro S.", "Ana P.", "Giorgi M.", "Olena K.")


def log_in(page, username, lang="en"):
    page.goto(f"/{lang}/accounts/login/")
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{lang}/")


def todays_meeting(page):
    """The id of the demo's meeting no. 3 (scheduled for today by ``seed_demo``)."""
    body = page.request.get("/api/v1/council/meetings/").json()
    return next(meeting["id"] for meeting in body["results"] if meeting["number"] == 3)


def take_live(page, meeting):
    """Starts today's demo meeting and marks members present, unless done already."""
    state = page.request.get(f"/api/v1/council/meetings/{meeting}/").json()
    if state["status"] == "scheduled":
        page.goto(f"/en/council/meetings/{meeting}/console/")
        page.get_by_role("button", name="Start the meeting").click()
    if state["attendance"]["present"] < 6:
        page.goto(f"/en/council/meetings/{meeting}/console/")
        for name in MEMBERS_PRESENT:
            button = page.get_by_role("button", name=f"Mark {name} present")
            if button.count():
                button.click()


@contextlib.contextmanager
def listening(url, origin):
    """A raw websocket client (the ``websockets`` library) collecting every message, in a thread."""
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect

    received = []
    with connect(url, origin=origin, open_timeout=10) as socket:

        def read():
            with contextlib.suppress(ConnectionClosed):
                for message in socket:
                    received.append(json.loads(message))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        yield received
    reader.join(timeout=5)


def require(condition, reason):
    """Skip without what a test needs -- but in CI (``RADA_REQUIRE_SERVICES=1``) fail."""
    if not condition:
        if os.environ.get("RADA_REQUIRE_SERVICES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)


def wait_for(predicate, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False
