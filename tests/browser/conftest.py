"""A real Rada served by Daphne in a subprocess, with a database of its own
holding the migrated and seeded demo, and headless Chromium (Debian's) driven
by Playwright.

The database is an SQLite file, or -- when DATABASE_URL names PostgreSQL -- a
database of its own on the same server, dropped at the end; either is a copy of
the run's template (``site_template``), built once.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser import site_template

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_daphne(env, log_dir):
    """A Daphne process serving Rada with ``env``; returns ``(process, base_url)`` once it answers."""
    port = free_port()
    log = open(log_dir / f"daphne-{port}.log", "w")  # noqa: SIM115 - closed by stop_daphne
    server = subprocess.Popen(
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server.log = log
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base_url + "/health/", timeout=2) as response:
                if response.status == 200:
                    return server, base_url
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Daphne did not start; see " + log.name) from None
            time.sleep(0.3)


def stop_daphne(server):
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        # A server still closing its websockets on a busy machine is not a failed test.
        server.kill()
        server.wait(timeout=10)
    server.log.close()


@contextlib.contextmanager
def fresh_site(tmp_path_factory, *, own_redis=False):
    """The environment of a served site: a database of its own, a copy of the seeded site.

    A served site inherits its pytest worker's Redis database (config/settings/test.py);
    with ``own_redis`` it gets one of its own, so that two sites served at once by one
    worker never share a cache or a meeting's live group."""
    database_url, drop = site_template.copy(tmp_path_factory.mktemp("browser"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": database_url}
    if own_redis and env.get("REDIS_URL"):
        worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
        env.pop("PYTEST_XDIST_WORKER", None)
        base = env["REDIS_URL"].rsplit("/", 1)[0]
        env["REDIS_URL"] = f"{base}/{12 + int(worker.removeprefix('gw') or 0)}"
    try:
        yield env
    finally:
        if drop:
            drop()


@contextlib.contextmanager
def serving(env, tmp_path_factory):
    server, base_url = start_daphne(env, tmp_path_factory.mktemp("server"))
    try:
        yield base_url
    finally:
        stop_daphne(server)


@pytest.fixture(scope="session")
def site_environment(tmp_path_factory):
    """The site most browser modules share (one per worker), since they leave the
    demo as they found it or only add to it."""
    with fresh_site(tmp_path_factory) as env:
        yield env


@pytest.fixture(scope="session")
def served_site(site_environment, tmp_path_factory):
    with serving(site_environment, tmp_path_factory) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module.  Playwright's synchronous API runs an event
    loop in this thread while it is open, so it is closed after each module."""
    if not CHROMIUM.exists():
        if os.environ.get("RADA_REQUIRE_SERVICES") == "1":
            pytest.fail("/usr/bin/chromium is missing: .ci/run installs it with apt-get")
        pytest.skip("needs Debian's chromium: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, served_site, request):
    context = browser.new_context(base_url=served_site, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    outside_requests = []
    tab.on(
        "request",
        lambda req: outside_requests.append(req.url) if not req.url.startswith((served_site, "data:")) else None,
    )
    tab.outside_requests = outside_requests
    yield tab
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report
