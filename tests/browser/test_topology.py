"""The production topology of README's "Deploying", run on this machine: nginx with
``deploy/nginx/rada.conf`` (TLS, its own certificate), two gunicorn and two uvicorn
workers and a task worker started with the very commands of ``deploy/systemd/``,
production settings, PostgreSQL and Redis.  A resident's and a live meeting's
journeys go through nginx in Chromium while one worker of each kind is killed;
nothing is lost."""

import concurrent.futures
import json
import os
import re
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, free_port
from .helpers import PASSWORD, require, take_live, todays_meeting, wait_for

pytestmark = pytest.mark.browser

DEPLOY = ROOT / "deploy"
PEOPLE = ("resident1", "resident3", "chair", "member2")
PASSWORDS_AGAIN = (
    "import django; django.setup(); from django.contrib.auth import get_user_model\n"
    "for user in get_user_model().objects.filter(username__in=%(names)r):\n"
    "    user.set_password(%(password)r); user.save(update_fields=['password'])"
)
VENV_BIN = Path(sys.executable).parent


def unit_command(unit, instance=""):
    """The ExecStart of a unit in ``deploy/systemd/``, for this checkout and virtualenv."""
    text = (DEPLOY / "systemd" / unit).read_text().replace("\\\n", " ")
    command = re.search(r"^ExecStart=(.+)$", text, re.MULTILINE).group(1)
    command = command.replace("/srv/rada/app/.venv/bin/", f"{VENV_BIN}/").replace("%i", instance)
    return shlex.split(command)


class Topology:
    def __init__(self, site_environment, folder):
        self.folder = folder
        self.https, self.http = free_port(), free_port()
        self.ports = {"web": [free_port(), free_port()], "ws": [free_port(), free_port()]}
        self.url = f"https://127.0.0.1:{self.https}"
        self.processes = {}
        self.env = {
            **site_environment,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "topology-test-" + uuid.uuid4().hex * 2,
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": self.url,
            "SITE_URL": self.url,
            "BEHIND_PROXY": "true",
            "STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "TASKS_BACKEND": "database",
            "RADA_LIVE_COALESCE_MS": "0",
        }

    # -- processes ---------------------------------------------------------

    def start(self, name):
        kind, _, index = name.partition("-")
        if kind == "tasks":
            command = unit_command("rada-tasks.service")
        else:
            port = self.ports[kind][int(index)]
            command = unit_command(f"rada-{kind}@.service", str(port))
        log = open(self.folder / f"{name}.log", "a")  # noqa: SIM115 - closed in stop()
        process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        process.log = log
        self.processes[name] = process

    def kill(self, name):
        """As a crash would: SIGKILL, no graceful shutdown."""
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        process.log.close()

    def stop(self):
        for name in list(self.processes):
            process = self.processes.pop(name)
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.log.close()

    # -- nginx -----------------------------------------------------------------

    def nginx_configuration(self):
        site = (DEPLOY / "nginx" / "rada.conf").read_text()
        swaps = {
            "127.0.0.1:8001": f"127.0.0.1:{self.ports['web'][0]}",
            "127.0.0.1:8002": f"127.0.0.1:{self.ports['web'][1]}",
            "127.0.0.1:8101": f"127.0.0.1:{self.ports['ws'][0]}",
            "127.0.0.1:8102": f"127.0.0.1:{self.ports['ws'][1]}",
            "listen 80;": f"listen 127.0.0.1:{self.http};",
            "listen [::]:80;": "",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{self.https} ssl http2;",
            "listen [::]:443 ssl http2;": "",
            "/etc/letsencrypt/live/rada.example.org/fullchain.pem": str(self.folder / "cert.pem"),
            "/etc/letsencrypt/live/rada.example.org/privkey.pem": str(self.folder / "key.pem"),
            "/srv/rada/staticfiles/": f"{self.folder / 'static'}/",
            "/srv/rada/media/": f"{self.folder / 'media'}/",
        }
        for old, new in swaps.items():
            assert old in site, f"deploy/nginx/rada.conf no longer has {old!r}: update this test with it"
            site = site.replace(old, new)
        (self.folder / "rada.conf").write_text(site)
        shutil.copy(DEPLOY / "nginx" / "rada-limits.conf", self.folder / "rada-limits.conf")
        temp = self.folder / "nginx-temp"
        temp.mkdir()
        (self.folder / "nginx.conf").write_text(
            f"""
user root;
worker_processes 1;
pid {self.folder}/nginx.pid;
error_log {self.folder}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log {self.folder}/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.folder}/rada-limits.conf;
    include {self.folder}/rada.conf;
}}
"""
        )

    def bring_up(self):
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
             "-keyout", str(self.folder / "key.pem"), "-out", str(self.folder / "cert.pem")],
            check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT, env=self.env, check=True, capture_output=True,
        )  # fmt: skip
        # The demo was seeded with the tests' fast password hasher, which production
        # does not accept: its people who take part here get their password again.
        subprocess.run(
            [sys.executable, "-c", PASSWORDS_AGAIN % {"names": list(PEOPLE), "password": PASSWORD}],
            cwd=ROOT, env=self.env, check=True, capture_output=True,
        )  # fmt: skip
        self.nginx_configuration()
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run([nginx, "-t", "-c", str(self.folder / "nginx.conf")], check=True, capture_output=True)
        log = open(self.folder / "nginx.log", "w")  # noqa: SIM115 - closed in stop()
        self.processes["nginx"] = subprocess.Popen(
            [nginx, "-c", str(self.folder / "nginx.conf"), "-g", "daemon off;"], stdout=log, stderr=subprocess.STDOUT
        )
        self.processes["nginx"].log = log
        for name in ("web-0", "web-1", "ws-0", "ws-1", "tasks"):
            self.start(name)
        # Every web worker, not only the first to start: nginx hands requests to each in turn.
        assert wait_for(self.every_web_worker_answers, timeout=90), "the web workers did not come up"
        assert wait_for(lambda: self.health() is not None, timeout=90), "the workers did not come up behind nginx"

    def listening(self, name):
        """Whether the worker ``name`` (``ws-0``…) accepts connections."""
        kind, _, index = name.partition("-")
        try:
            socket.create_connection(("127.0.0.1", self.ports[kind][int(index)]), timeout=2).close()
        except OSError:
            return False
        return True

    def every_web_worker_answers(self):
        for port in self.ports["web"]:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=3).close()
            except urllib.error.HTTPError:
                pass  # it answers, if not yet healthy
            except OSError:
                return False
        return True

    def health(self, base=None):
        """What /health/ says through nginx, or at ``base`` (its body also when it
        answers 503), or None without an answer."""
        context = ssl.create_default_context(cafile=str(self.folder / "cert.pem"))
        context.check_hostname = False
        try:
            with urllib.request.urlopen((base or self.url) + "/health/", timeout=3, context=context) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            try:
                return json.loads(error.read())
            except ValueError:
                return None  # nginx's own error page: no worker answered
        except OSError:
            return None

    # -- the database, as an operator would look at it -----------------------------

    def query(self, sql, *params):
        import dj_database_url
        import psycopg2

        config = dj_database_url.parse(self.env["DATABASE_URL"])
        with psycopg2.connect(
            dbname=config["NAME"], user=config["USER"], password=config["PASSWORD"] or None,
            host=config["HOST"], port=config["PORT"],
        ) as connection, connection.cursor() as cursor:  # fmt: skip
            cursor.execute(sql, params)
            return cursor.fetchall()


@pytest.fixture(scope="module")
def topology(site_environment, tmp_path_factory):
    require(shutil.which("nginx") or os.path.exists("/usr/sbin/nginx"), "needs nginx: apt-get install -y nginx")
    require(site_environment["DATABASE_URL"].startswith("postgres"), "needs PostgreSQL: set DATABASE_URL")
    require(site_environment.get("REDIS_URL"), "needs Redis shared by the workers: set REDIS_URL")
    topology = Topology(site_environment, tmp_path_factory.mktemp("topology"))
    try:
        topology.bring_up()
        yield topology
    finally:
        topology.stop()


@pytest.fixture
def through_nginx(browser, topology):
    contexts = []

    def open_page():
        context = browser.new_context(base_url=topology.url, ignore_https_errors=True)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def log_in(page, username):
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/")


CONSULTATION = "/en/consultations/punkt-informacyjny-dla-migrantow/"


HEALTHY = {"status": "ok", "database": "ok", "cache": "ok", "channel_layer": "ok", "tasks": "ok"}


def test_every_worker_answers_healthy_through_nginx_and_to_a_probe_on_the_machine(topology):
    assert topology.health() == HEALTHY
    for port in topology.ports["web"]:  # plain HTTP, no proxy headers: no redirect to HTTPS
        assert topology.health(f"http://127.0.0.1:{port}") == HEALTHY


def test_a_web_worker_probed_by_several_at_once_answers_each_healthy(topology):
    """The proxy's probe and a monitor's reach a worker's threads together."""
    base = f"http://127.0.0.1:{topology.ports['web'][0]}"
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: topology.health(base), range(24)))
    assert [answer for answer in answers if answer != HEALTHY] == []


def test_nginx_serves_static_files_itself_with_far_future_caching_and_gzip(topology, through_nginx):
    page = through_nginx()
    page.goto("/en/")
    stylesheet = page.locator("link[rel=stylesheet]").first.get_attribute("href")
    response = page.request.get(stylesheet, headers={"Accept-Encoding": "gzip"})
    assert response.ok
    assert "immutable" in response.headers["cache-control"]
    assert response.headers.get("content-encoding") == "gzip"
    assert re.search(r"\.[0-9a-f]{12}\.css$", stylesheet), "collectstatic's hashed name"


def test_nginx_sends_the_file_collectstatic_compressed_instead_of_compressing_it_again(topology):
    """collectstatic writes each file compressed at gzip's best level once; nginx
    sends that file (gzip_static) rather than compressing at every request."""
    context = ssl.create_default_context(cafile=str(topology.folder / "cert.pem"))
    context.check_hostname = False
    manifest = json.loads((topology.folder / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/rada.css"]
    request = urllib.request.Request(f"{topology.url}/static/{hashed}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=5, context=context) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        body = response.read()
    assert body == (topology.folder / "static" / f"{hashed}.gz").read_bytes()


def test_a_resident_comments_and_is_notified_while_a_web_and_the_task_worker_die(topology, through_nginx):
    text = f"Through nginx {uuid.uuid4().hex[:8]}: will the point open on Saturdays?"
    author = through_nginx()
    log_in(author, "resident3")
    author.goto(CONSULTATION)
    topology.kill("web-0")  # a web worker crashes; nginx sends the next requests to the other
    topology.kill("tasks")  # and nobody takes the queued e-mails for a while
    author.locator("#comment-text").fill(text)
    author.locator("#comment-form form:has(#comment-text) button[type=submit]").click()
    expect(author.locator(".comment__text", has_text=text)).to_be_visible()
    assert topology.query("SELECT count(*) FROM consultations_comment WHERE text = %s", text) == [(1,)]

    replier = through_nginx()
    log_in(replier, "resident1")
    replier.goto(CONSULTATION)
    comment = replier.locator("article, li", has=replier.locator(".comment__text", has_text=text)).last
    comment.get_by_role("link", name="Reply").click()
    replier.locator("#comment-text").fill("Yes, from the first Saturday of the month.")
    replier.locator("#comment-form form:has(#comment-text) button[type=submit]").click()
    expect(replier.locator(".comment__text", has_text="from the first Saturday")).to_be_visible()
    waiting = "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY'"
    assert topology.query(waiting)[0][0] >= 1, "the reply's e-mail is queued"

    topology.start("tasks")  # systemd's Restart=always
    topology.start("web-0")
    assert wait_for(lambda: topology.query(waiting) == [(0,)], timeout=60), "the queued e-mail was sent"
    assert wait_for(lambda: (topology.health() or {}).get("status") == "ok", timeout=30)


def test_a_live_meeting_goes_on_while_a_websocket_worker_dies(topology, through_nginx):
    chair = through_nginx()
    meeting = todays_meeting(chair)
    log_in(chair, "chair")
    take_live(chair, meeting)
    chair.goto(f"/en/council/meetings/{meeting}/console/")
    chair.locator("summary", has_text="Prepare a vote on this item").click()
    chair.get_by_label("Question:", exact=True).fill("Czy przyjmujemy porządek obrad przez nginx?")
    chair.get_by_role("button", name="Prepare the vote").click()
    chair.get_by_role("button", name="Open the vote").click()

    viewer = through_nginx()
    viewer.goto(f"/en/council/meetings/{meeting}/")
    status = viewer.locator("[data-live-status]")
    expect(status).to_have_attribute("data-state", "live")
    panel = viewer.locator("[data-live-region=panel]")
    expect(panel).to_contain_text(re.compile(r"Voted: 0 of \d+ members present\."))

    # Both websocket workers die in turn (each restarted as systemd would): the viewer's
    # socket was on one of them, so it must reconnect through nginx at least once.
    for name in ("ws-0", "ws-1"):
        topology.kill(name)
        topology.start(name)
        # Restarted, as systemd would, and listening before the other dies: on a busy machine
        # starting Django takes seconds, and with both down at once the viewer's back-off
        # would grow past what this test waits for.
        assert wait_for(lambda name=name: topology.listening(name), timeout=60), f"{name} did not come back"
    member = through_nginx()
    log_in(member, "member2")
    member.goto(f"/en/council/meetings/{meeting}/ballot/")
    member.get_by_label("No", exact=True).check()
    member.get_by_role("button", name="Cast my ballot").click()
    assert "Your ballot is recorded." in member.inner_text(".messages")

    expect(panel).to_contain_text(re.compile(r"Voted: 1 of \d+ members present\."), timeout=30_000)
    expect(status).to_have_attribute("data-state", "live")
    chair.get_by_role("button", name="Close the vote").click()
    expect(panel).to_contain_text("Rejected")
