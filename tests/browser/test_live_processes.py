"""The live layer across processes and through a Redis outage, on real
servers: Daphne processes sharing one database and one Redis."""

import contextlib
import shutil
import subprocess
import threading
import time

import pytest
from playwright.sync_api import expect

from .conftest import free_port, start_daphne, stop_daphne
from .helpers import listening, log_in, require, take_live, todays_meeting, wait_for

pytestmark = pytest.mark.browser


def test_a_change_made_through_one_process_reaches_a_client_of_another(site_environment, served_site, page, tmp_path):
    require(site_environment.get("REDIS_URL"), "needs Redis shared by two processes: set REDIS_URL")
    second, second_url = start_daphne(site_environment, tmp_path)
    try:
        meeting = todays_meeting(page)
        socket_url = second_url.replace("http", "ws") + f"/ws/meetings/{meeting}/?lang=en"
        with listening(socket_url, second_url) as received:
            assert wait_for(lambda: received and received[0]["type"] == "snapshot")

            log_in(page, "chair")  # on the first process
            take_live(page, meeting)
            page.goto(f"/en/council/meetings/{meeting}/console/")
            page.get_by_label("Add a guest in the room").fill("Gość z procesu A")
            page.get_by_role("button", name="Add to the list").click()

            def arrived():
                return any(
                    "Gość z procesu A" in [s["name"] for s in m["state"]["speakers"]["queue"]]
                    for m in received
                    if m["type"] == "state"
                )

            assert wait_for(arrived), received[-1] if received else "nothing received"
    finally:
        stop_daphne(second)


def test_live_updates_resume_by_themselves_when_redis_returns(site_environment, browser, tmp_path):
    """Redis goes away: pages still load and a ballot is still recorded; when
    Redis is back, the viewer's page reconnects and shows the exact tally."""
    redis_server = shutil.which("redis-server")
    require(redis_server, "needs redis-server to start a Redis of this test's own")
    port = free_port()

    def start_redis():
        return subprocess.Popen(
            [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    redis = start_redis()
    time.sleep(0.5)
    env = {**site_environment, "REDIS_URL": f"redis://127.0.0.1:{port}/0"}
    server, url = start_daphne(env, tmp_path)
    context = browser.new_context(base_url=url)
    try:
        chair = context.new_page()
        meeting = todays_meeting(chair)
        log_in(chair, "chair")
        take_live(chair, meeting)
        chair.goto(f"/en/council/meetings/{meeting}/console/")
        chair.locator("summary", has_text="Prepare a vote on this item").click()
        chair.get_by_label("Question:", exact=True).fill("Czy robimy przerwę?")
        chair.get_by_role("button", name="Prepare the vote").click()
        chair.get_by_role("button", name="Open the vote").click()

        viewer_context = browser.new_context(base_url=url)
        viewer = viewer_context.new_page()
        viewer.goto(f"/en/council/meetings/{meeting}/")
        expect(viewer.locator("[data-live-status]")).to_have_attribute("data-state", "live")
        panel = viewer.locator("[data-live-region=panel]")
        expect(panel).to_contain_text("Voted: 0 of 6 members present.")

        redis.terminate()
        redis.wait(timeout=10)
        member_context = browser.new_context(base_url=url)
        member = member_context.new_page()
        log_in(member, "member2")  # pages load without Redis
        member.goto(f"/en/council/meetings/{meeting}/ballot/")
        member.get_by_label("No", exact=True).check()
        member.get_by_role("button", name="Cast my ballot").click()
        assert "Your ballot is recorded." in member.inner_text(".messages")
        member_context.close()
        body = viewer.request.get(f"{url}/api/v1/council/meetings/{meeting}/").json()
        poll = next(p for p in body["polls"] if p["state"] == "open")
        assert viewer.request.get(f"{url}/api/v1/council/polls/{poll['id']}/").json()["cast"] == 1

        redis = start_redis()
        expect(panel).to_contain_text("Voted: 1 of 6 members present.", timeout=45_000)
        expect(viewer.locator("[data-live-status]")).to_have_attribute("data-state", "live")
        chair.get_by_role("button", name="Close the vote").click()
        expect(panel).to_contain_text("Rejected")
        viewer_context.close()
    finally:
        context.close()
        stop_daphne(server)
        redis.terminate()


class FailoverProxy:
    """A TCP proxy in front of several servers, as a load balancer would be:
    each new connection goes to the first server that accepts it."""

    def __init__(self, ports):
        import asyncio

        self.ports = ports
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        started = threading.Event()

        async def pipe(reader, writer):
            with contextlib.suppress(Exception):
                while data := await reader.read(65536):
                    writer.write(data)
                    await writer.drain()
            writer.close()

        async def handle(client_reader, client_writer):
            for port in self.ports:
                try:
                    server_reader, server_writer = await asyncio.open_connection("127.0.0.1", port)
                    break
                except OSError:
                    continue
            else:
                client_writer.close()
                return
            await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))

        async def serve():
            self.server = await asyncio.start_server(handle, "127.0.0.1", self.port)
            started.set()

        def run():
            asyncio.set_event_loop(self.loop)
            self.loop.run_until_complete(serve())
            self.loop.run_forever()

        threading.Thread(target=run, daemon=True).start()
        started.wait(timeout=10)
        self.url = f"http://127.0.0.1:{self.port}"

    def close(self):
        self.loop.call_soon_threadsafe(self.loop.stop)


def test_when_a_server_process_dies_its_viewers_reconnect_to_another_and_resynchronise(
    site_environment, browser, tmp_path
):
    require(site_environment.get("REDIS_URL"), "needs Redis shared by two processes: set REDIS_URL")
    first, first_url = start_daphne(site_environment, tmp_path)
    second, second_url = start_daphne(site_environment, tmp_path)
    proxy = FailoverProxy([int(first_url.rsplit(":", 1)[1]), int(second_url.rsplit(":", 1)[1])])
    # The test watches the page with its own script, which the site's CSP would refuse to evaluate.
    viewer_context = browser.new_context(base_url=proxy.url, bypass_csp=True)
    chair_context = browser.new_context(base_url=second_url)
    try:
        viewer = viewer_context.new_page()
        meeting = todays_meeting(viewer)
        viewer.goto(f"/en/council/meetings/{meeting}/")  # through the proxy, to the first process
        viewer.evaluate("window.__notReloaded = true")
        status = viewer.locator("[data-live-status]")
        expect(status).to_have_attribute("data-state", "live")
        # The client may be back within a second, quicker than polling can
        # see, so the page itself records every state it passes through.
        viewer.evaluate(
            """() => {
                const status = document.querySelector("[data-live-status]");
                window.__states = [];
                new MutationObserver(() => window.__states.push(status.dataset.state))
                    .observe(status, {attributes: true, attributeFilter: ["data-state"]});
            }"""
        )

        stop_daphne(first)  # the process dies; its sockets drop
        viewer.wait_for_function("window.__states.includes('reconnecting')")
        viewer.wait_for_function("window.__states.at(-1) === 'live'", timeout=30_000)  # now on the second

        chair = chair_context.new_page()
        log_in(chair, "chair")
        take_live(chair, meeting)
        chair.goto(f"/en/council/meetings/{meeting}/console/")
        chair.get_by_label("Add a guest in the room").fill("Gość po awarii")
        chair.get_by_role("button", name="Add to the list").click()
        expect(viewer.locator("[data-live-region=panel]")).to_contain_text("Gość po awarii")
        assert viewer.evaluate("window.__notReloaded") is True
    finally:
        viewer_context.close()
        chair_context.close()
        proxy.close()
        if first.poll() is None:
            stop_daphne(first)
        stop_daphne(second)
