"""Serve Rada with gunicorn (one worker, production settings) and measure pages.

Prints, for each URL, requests per second and latency percentiles under a fixed
number of concurrent keep-alive clients, next to the hello-world baseline
(bench/hello.py) measured in the same run.  The database is a fresh, seeded
SQLite file unless BENCH_DATABASE_URL names another (use a scratch database:
it is migrated and seeded).

    .venv/bin/python bench/run.py [--seconds 10] [--clients 8]
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    "/pl/",
    "/en/model/",
    "/uk/model/education/",
    "/pl/news/",
    "/pl/search/?q=praca",
    "/pl/consultations/",
    "/uk/consultations/punkt-informacyjny-dla-migrantow/",
    "/api/v1/consultations/",
    "/pl/council/",
    "/pl/council/meetings/2/",
    "/api/v1/council/polls/3/",
    "/health/",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port, path, deadline=60):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server on port {port} did not answer {path}")


def load(port, path, seconds, clients):
    """Keep-alive GETs from ``clients`` threads for ``seconds``; returns latencies (s) and errors."""
    latencies, errors = [], []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, bad = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
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
    return latencies, sum(errors)


def report(label, latencies, errors, seconds):
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000

    rate = len(latencies) / seconds
    print(
        f"{label:28} {rate:8.0f} req/s   p50 {pct(0.50):6.1f} ms   p95 {pct(0.95):6.1f} ms   "
        f"p99 {pct(0.99):6.1f} ms   mean {statistics.fmean(latencies) * 1000:6.1f} ms   errors {errors}"
    )
    return rate


def gunicorn(app, port, env):
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", app, "--workers", "1", "--bind", f"127.0.0.1:{port}"]
        + ["--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="rada-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"),
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }
    print("Preparing: migrate, seed_demo, collectstatic …", flush=True)
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    seed_env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    subprocess.run([sys.executable, "manage.py", "seed_demo"], cwd=ROOT, env=seed_env, check=True, capture_output=True)

    print(f"\n{os.cpu_count()} cores; gunicorn, 1 worker; {args.clients} keep-alive clients; {args.seconds:g} s/URL\n")
    hello_port, rada_port = free_port(), free_port()
    servers = [
        gunicorn("bench.hello:application", hello_port, env),
        gunicorn("config.wsgi:application", rada_port, env),
    ]
    try:
        wait_until_up(hello_port, "/")
        wait_until_up(rada_port, "/health/")
        for path in PAGES:  # warm caches
            load(rada_port, path, 0.5, 1)
        baseline = report("hello-world (baseline)", *load(hello_port, "/", args.seconds, args.clients), args.seconds)
        for path in PAGES:
            rate = report(path, *load(rada_port, path, args.seconds, args.clients), args.seconds)
            print(f"{'':28} {rate / baseline:8.0%} of the baseline")
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
