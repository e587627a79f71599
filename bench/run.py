"""Serve Rada with gunicorn (production settings) and measure its pages against the goals.

1. Throughput, one gunicorn worker each: a hello-world Django view
   (bench/hello.py) and, in the same run, each page an anonymous reader gets
   from the page cache (core/pagecache.py), then the home page and the
   500-comment consultation page as a signed-in resident (rendered every time).
2. Latency, two gunicorn workers: the 500-comment consultation page under 20
   concurrent readers, anonymous and signed in; the 95th percentile.

Prints a table (page, req/s, share of hello-world, goal, met or short) and
which load generator ran: ``wrk`` when installed (a Python client saturates
before the server does), else a threaded Python client.  The database is a
fresh, seeded SQLite file unless BENCH_DATABASE_URL names another (use a
scratch database: it is migrated and seeded); BENCH_REDIS_URL puts the cache in
Redis, as in production (else each worker keeps its own in memory).

    .venv/bin/python bench/run.py [--seconds 5] [--clients 20] [--generator auto|wrk|python] [--seeded]
                                  [--only signed-in]

``--only signed-in`` measures hello-world and the signed-in resident's figures
alone (throughput of both pages, the p95 of the consultation), in about a
minute instead of the whole table.
"""

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LUA = Path(__file__).with_name("report.lua")
CACHED_GOAL = 0.50  # share of hello-world, anonymous pages from the cache
RENDERED_GOAL = 0.05  # share of hello-world, a signed-in resident's pages
P95_ANONYMOUS_MS, P95_SIGNED_IN_MS = 300, 600
THREADS = 4  # as deploy/systemd/rada-web@.service runs each gunicorn worker


def anonymous_pages(seeded):
    return [
        ("home", "/pl/"),
        ("Model", "/pl/model/"),
        ("area", "/uk/model/education/"),
        ("consultations index", "/pl/consultations/"),
        (f"consultation, {seeded['comments']} comments", seeded["consultation"]),
        ("council home", "/pl/council/"),
        ("meeting", seeded["meeting"]),
        ("resolution", seeded["resolution"]),
        ("API consultations", "/api/v1/consultations/"),
        ("API meetings", "/api/v1/council/meetings/"),
        ("API resolutions", "/api/v1/council/resolutions/"),
        ("API Model tasks", "/api/v1/model/tasks/"),
    ]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    return response


def wait_until_up(port, path, deadline=60):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            if fetch(port, path).status < 500:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server on port {port} did not answer {path}")


class Result:
    def __init__(self, rate, p50, p95, p99, errors):
        self.rate, self.p50, self.p95, self.p99, self.errors = rate, p50, p95, p99, errors


def load_wrk(port, path, seconds, clients, headers):
    command = ["wrk", "-t1", f"-c{clients}", f"-d{seconds:g}s", "--timeout", "10s", "-s", str(LUA)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RADA "))
    requests, duration, errors, p50, p95, p99 = (int(value) for value in line.split()[1:])
    return Result(requests / (duration / 1e6), p50 / 1000, p95 / 1000, p99 / 1000, errors)


def load_python(port, path, seconds, clients, headers):
    """Keep-alive GETs from ``clients`` threads for ``seconds``."""
    latencies, errors = [], []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, bad = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
            except OSError:
                bad += 1
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors.append(bad)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort() or latencies.append(0)

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000

    return Result(len(latencies) / seconds, pct(0.50), pct(0.95), pct(0.99), sum(errors))


def gunicorn(app, port, env, workers=1):
    """Served as deployed (deploy/systemd/rada-web@.service): threads in each worker."""
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", app, "--workers", str(workers), "--threads", str(THREADS)]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )


def stop(servers):
    for server in servers:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def prepare(env, *, seed=True):
    print("Preparing: migrate, collectstatic, seed_demo, a consultation with 500 comments …", flush=True)
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    if seed:
        seed_env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
        subprocess.run(
            [sys.executable, "manage.py", "seed_demo"], cwd=ROOT, env=seed_env, check=True, capture_output=True
        )
    seeded = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", "import runpy; runpy.run_path('bench/seed.py')"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(seeded.strip().splitlines()[-1])


def main():  # noqa: PLR0915 - one run, read top to bottom
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--generator", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument(
        "--seeded", action="store_true", help="BENCH_DATABASE_URL already holds the demo: do not seed it again"
    )
    parser.add_argument(
        "--only",
        choices=("signed-in",),
        help="signed-in: hello-world and the resident's pages alone (no anonymous pages)",
    )
    args = parser.parse_args()
    signed_in_only = args.only == "signed-in"
    use_wrk = args.generator == "wrk" or (args.generator == "auto" and shutil.which("wrk"))
    load = load_wrk if use_wrk else load_python

    workdir = Path(tempfile.mkdtemp(prefix="rada-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"),
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", ""),
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }
    seeded = prepare(env, seed=not args.seeded)
    signed_in = {"Cookie": seeded["cookie"]}
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    cache = "Redis" if env["REDIS_URL"] else "local memory (per worker)"
    generator = "wrk (-t1)" if use_wrk else "Python threads (wrk not found)"
    print(
        f"\n{os.cpu_count()} cores; gunicorn ({THREADS} threads a worker), production settings; {database}; "
        f"cache in {cache}; "
        f"load generator: {generator}; {args.clients} connections; {args.seconds:g} s per URL; "
        f"load average {os.getloadavg()[0]:.2f}\n",
        flush=True,
    )
    rows = []

    def measure(port, path, headers=None):
        headers = headers or {}
        fetch(port, path, headers)  # warm: the cache stores it, the worker loads its templates
        state = fetch(port, path, headers).getheader("X-Rada-Cache") or "-"
        return load(port, path, args.seconds, args.clients, headers), state

    # 1. Throughput, one worker each.
    hello_port, rada_port = free_port(), free_port()
    servers = [gunicorn("bench.hello:application", hello_port, env)]
    servers.append(gunicorn("config.wsgi:application", rada_port, env))
    try:
        wait_until_up(hello_port, "/")
        wait_until_up(rada_port, "/health/")
        baseline, _state = measure(hello_port, "/")
        rows.append(("hello-world (baseline)", baseline, "-", None, None))
        for label, path in [] if signed_in_only else anonymous_pages(seeded):
            result, state = measure(rada_port, path)
            rows.append((f"{label} {path}", result, state, CACHED_GOAL, None))
        for label, path in (("resident: home", "/pl/"), ("resident: consultation", seeded["consultation"])):
            result, state = measure(rada_port, path, signed_in)
            rows.append((f"{label} {path}", result, state, RENDERED_GOAL, None))
        # The machine is shared: hello-world once more at the end, and the mean of both is the baseline.
        again, _state = measure(hello_port, "/")
        rows.append(("hello-world again (baseline: the mean)", again, "-", None, None))
        baseline = Result((baseline.rate + again.rate) / 2, baseline.p50, baseline.p95, baseline.p99, baseline.errors)
    finally:
        stop(servers)

    # 2. Latency of the busy consultation, two workers.
    port = free_port()
    servers = [gunicorn("config.wsgi:application", port, env, workers=2)]
    try:
        wait_until_up(port, "/health/")
        readers = (("anonymous", {}, P95_ANONYMOUS_MS), ("resident", signed_in, P95_SIGNED_IN_MS))
        for label, headers, goal in readers[1:] if signed_in_only else readers:
            result, state = measure(port, seeded["consultation"], headers)
            rows.append((f"p95, 2 workers, {label}: consultation", result, state, None, goal))
    finally:
        stop(servers)

    print_table(rows, baseline.rate, generator)
    print(f"Load average at the end: {os.getloadavg()[0]:.2f}.")


def print_table(rows, baseline, generator):
    print("| page | req/s | p50 ms | p95 ms | errors | cache | share of hello-world | goal | |")
    print("|---|---:|---:|---:|---:|---|---:|---|---|")
    short = []
    for label, result, state, share_goal, p95_goal in rows:
        share = f"{result.rate / baseline:.1%}" if p95_goal is None and share_goal is not None else "-"
        if share_goal is not None:
            goal, met = f"≥ {share_goal:.0%}", result.rate / baseline >= share_goal
        elif p95_goal is not None:
            goal, met = f"p95 ≤ {p95_goal} ms", result.p95 <= p95_goal
        else:
            goal, met = "", None
        verdict = "" if met is None else ("met" if met and not result.errors else "**short**")
        if verdict == "**short**":
            short.append(label)
        print(
            f"| {label} | {result.rate:,.0f} | {result.p50:.1f} | {result.p95:.1f} | {result.errors} | {state} "
            f"| {share} | {goal} | {verdict} |"
        )
    print(f"\nBaseline (mean hello-world): {baseline:,.0f} req/s.  Load generator: {generator}.")
    print(f"Goals short: {', '.join(short) if short else 'none'}.")


if __name__ == "__main__":
    main()
