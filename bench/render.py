"""Rendering without any page cache: the home page and a consultation page with
500 comments, read by a logged-in resident.

    BENCH_DATABASE_URL=postgres://…/scratch .venv/bin/python bench/render.py seed
    BENCH_DATABASE_URL=… .venv/bin/python bench/render.py profile [--path /pl/…]
    BENCH_DATABASE_URL=… .venv/bin/python bench/render.py wrk [--seconds 10] [--workers 1] [--clients 20]

``seed`` adds comments (with replies and ratings) to the demo consultation until it
has 500 and makes a resident, ``bench-reader``; the database must already hold
the demo (``seed_demo``).  ``profile`` renders each page in-process as that
resident, printing queries and the top of a cProfile.  ``wrk`` serves Rada and
``bench/hello.py`` with gunicorn (production settings) and loads each page with
``wrk`` as the logged-in resident, printing req/s, p95 and the share of
hello-world measured in the same run.
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SLUG = "punkt-informacyjny-dla-migrantow"
PAGES = ["/pl/", f"/pl/consultations/{SLUG}/", f"/uk/consultations/{SLUG}/"]
READER = "bench-reader"
COMMENTS = 500


def environment(workdir):
    database = os.environ.get("BENCH_DATABASE_URL")
    if not database:
        sys.exit("Set BENCH_DATABASE_URL to a scratch PostgreSQL database holding the demo.")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DATABASE_URL": database,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }


def setup(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def seed():
    """500 comments (a fifth of them replies) with ratings, and the reader's session."""
    from allauth.account.models import EmailAddress
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from accounts.models import User
    from consultations.models import Comment, ConsultationPage

    page = ConsultationPage.objects.get(slug=SLUG, locale__language_code="pl")
    key = page.translation_key
    writers = []
    for n in range(20):
        user, _new = User.objects.get_or_create(
            username=f"bench-writer-{n}", defaults={"email": f"bench-writer-{n}@example.net", "display_name": f"W{n}"}
        )
        writers.append(user)
    reader, _new = User.objects.get_or_create(
        username=READER, defaults={"email": "bench-reader@example.net", "display_name": "Reader"}
    )
    # A resident who may comment and rate, so that every comment carries their buttons.
    EmailAddress.objects.get_or_create(user=reader, email=reader.email, defaults={"verified": True, "primary": True})
    have = Comment.objects.filter(consultation_key=key).count()
    now = timezone.now()
    tops = list(Comment.objects.filter(consultation_key=key, parent=None).order_by("pk"))
    for n in range(have, COMMENTS):
        author = writers[n % len(writers)]
        parent = tops[n % len(tops)] if n % 5 == 4 and tops else None
        comment = Comment.objects.create(
            consultation_key=key,
            parent=parent,
            author=author,
            text=f"Komentarz numer {n}. Punkt informacyjny powinien być otwarty dłużej, https://example.org/{n}",
            language="pl",
            created_at=now - timezone.timedelta(minutes=COMMENTS - n),
        )
        if parent is None:
            tops.append(comment)
        for voter in writers[:3]:
            if voter != author:
                comment.votes.up(voter.pk)
        if n % 7 == 0:
            comment.votes.down(reader.pk)
    # One of the reader's own comments, so that edit links appear.
    if not Comment.objects.filter(consultation_key=key, author=reader).exists():
        Comment.objects.create(consultation_key=key, author=reader, text="Mój komentarz", language="pl")
    session = SessionStore()
    session["_auth_user_id"] = str(reader.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = reader.get_session_auth_hash()
    session.create()
    Path(tempfile.gettempdir(), "rada-bench-render-session").write_text(session.session_key)
    print(f"{Comment.objects.filter(consultation_key=key).count()} comments; session {session.session_key}")


def session_key():
    return Path(tempfile.gettempdir(), "rada-bench-render-session").read_text().strip()


def profile(paths, rounds):
    from django.db import connection
    from django.test import Client

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    client = Client()
    client.cookies["sessionid"] = session_key()
    for path in paths:
        client.get(path)  # warm caches
        queries = []
        with connection.execute_wrapper(count):
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        started = time.perf_counter()
        for _n in range(rounds):
            client.get(path)
        each = (time.perf_counter() - started) / rounds * 1000
        print(f"\n{path}: {len(queries)} queries, {len(response.content)} bytes, {each:.1f} ms each")
        for sql in queries:
            print("   ", sql[:200])
        profiler = cProfile.Profile()
        profiler.enable()
        for _n in range(rounds):
            client.get(path)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("SORT", "cumulative"))
        stats.print_stats(int(os.environ.get("TOP", "45")))
        print(out.getvalue())


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port):
    import http.client

    for _n in range(200):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/")
            connection.getresponse()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing answers on {port}")


# wrk prints the 50th, 75th, 90th and 99th percentiles; this adds the 95th (in µs).
PERCENTILES = """
done = function(summary, latency, requests)
  io.write(string.format("p50 %d\\np95 %d\\n", latency:percentile(50), latency:percentile(95)))
end
"""


def wrk(url, seconds, clients, cookie=None):
    script = Path(tempfile.gettempdir(), "rada-bench-percentiles.lua")
    script.write_text(PERCENTILES)
    command = ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "30s", "-s", str(script), url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = int(re.search(r"p50 (\d+)", out).group(1)) / 1000
    p95 = int(re.search(r"p95 (\d+)", out).group(1)) / 1000
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p50, p95, int(non2xx.group(1)) if non2xx else 0


def serve(app, port, env, workers):
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", app, "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
        + ["--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )


def measure(env, paths, seconds, clients, workers):
    hello_port, rada_port = free_port(), free_port()
    servers = [
        serve("bench.hello:application", hello_port, env, 1),
        serve("config.wsgi:application", rada_port, env, workers),
    ]
    cookie = f"sessionid={session_key()}"
    try:
        wait_until_up(hello_port)
        wait_until_up(rada_port)
        for path in paths:
            wrk(f"http://127.0.0.1:{rada_port}{path}", 2, 2, cookie)  # warm
        print(f"load {os.getloadavg()[0]:.2f}; gunicorn, {workers} worker(s); wrk -c{clients}, {seconds} s each")
        base, *_rest = wrk(f"http://127.0.0.1:{hello_port}/", seconds, clients)
        print(f"{'hello-world':48} {base:8.1f} req/s")
        for path in paths:
            rate, p50, p95, bad = wrk(f"http://127.0.0.1:{rada_port}{path}", seconds, clients, cookie)
            print(
                f"{path:48} {rate:8.1f} req/s  {rate / base:6.1%}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  non-2xx {bad}"
            )
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["seed", "profile", "wrk"])
    parser.add_argument("--path", action="append")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="rada-render-"))
    env = environment(workdir)
    if args.step != "seed":
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
    if args.step == "wrk":
        measure(env, args.path or PAGES, args.seconds, args.clients, args.workers)
        return
    setup(env)
    if args.step == "seed":
        seed()
    else:
        profile(args.path or PAGES, args.rounds)


if __name__ == "__main__":
    main()
