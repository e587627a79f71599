"""The live layer under load: from a committed ballot to every viewer's screen.

Starts the websocket servers (uvicorn as in production, or Daphne; one
process, then two) on a scratch PostgreSQL database and Redis, connects N
websocket viewers to a live meeting, has M members vote in a secret poll, and
reports the latency from each committed ballot to its arrival at every viewer
(median, p95, p99, max), sequence gaps, lost final tallies and memory per
connection.  In the same run it measures the limit: the ``websockets``
library's bare broadcast of the very messages of Rada's vote (same texts,
same moments, same number) to the same number of clients, read by the same
client code.

Ballots are cast in a process of their own through ``council.services``, as a WSGI
worker would: committed to PostgreSQL, then coalesced and sent through Redis.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rada REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/live.py [--viewers 2000] [--voters 30] [--processes 1 2] [--server uvicorn]
            [--ws websockets-sansio websockets] [--before ../an-older-checkout]
"""

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def summary(values):
    return (
        f"p50 {percentile(values, 0.50) * 1000:7.1f} ms   p95 {percentile(values, 0.95) * 1000:7.1f} ms   "
        f"p99 {percentile(values, 0.99) * 1000:7.1f} ms   max {max(values, default=float('nan')) * 1000:7.1f} ms"
    )


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid):
    """User and system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_cpu():
    """(busy, all) CPU seconds of the whole machine so far, every core together."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields) - idle) / os.sysconf("SC_CLK_TCK"), sum(fields) / os.sysconf("SC_CLK_TCK")


class Shares:
    """Who used the CPU over a stretch of time: the servers, this client, the
    senders' process, and the whole machine (every process of anyone's)."""

    def __init__(self, pids):
        self.pids = pids
        self.wall = time.monotonic()
        self.own = time.process_time()
        self.servers = sum(cpu_seconds(pid) for pid in pids)
        self.machine = machine_cpu()

    def end(self, sender_cpu=0.0):
        wall = time.monotonic() - self.wall
        busy, every = (now - then for now, then in zip(machine_cpu(), self.machine, strict=True))
        return {
            "wall": wall,
            "client": (time.process_time() - self.own) / wall,
            "servers": (sum(cpu_seconds(pid) for pid in self.pids) - self.servers) / wall,
            "sender": sender_cpu / wall,
            "machine": busy / every * os.cpu_count(),
        }


def describe(shares):
    return (
        f"over its {shares['wall']:.1f} s the servers used {shares['servers']:.0%} of a core, the viewers' client "
        f"{shares['client']:.0%}, the senders' process {shares['sender']:.0%}, and the whole machine "
        f"(anyone's processes) {shares['machine']:.0%} of a core of its {os.cpu_count()}"
    )


def rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


# --- the scratch site ---------------------------------------------------------------


def scratch_database(url, template=None):
    """A new database, empty or a copy of ``template``; returns its URL and a
    function that drops it, and whether it came from the template."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    name = f"rada_bench_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(
        dbname="postgres", user=config["USER"], password=config["PASSWORD"], host=config["HOST"], port=config["PORT"]
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        copied = False
        if template:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            copied = cursor.fetchone() is not None
        cursor.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if copied else ""))

    def keep():
        """Saves the prepared database as the template of later runs."""
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')

    def drop():
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    auth = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
    return f"postgres://{auth}@{config['HOST']}:{config['PORT']}/{name}", drop, copied, keep


def prepare(env):
    for command in (["migrate", "--noinput", "-v0"], ["seed_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)


DEFAULT_WS = "websockets-sansio"  # uvicorn's --ws, as deploy/systemd/rada-ws@.service runs it
SERVERS = {
    # The production layout's websocket workers (README, "Deploying"): uvloop, the
    # websockets library's framing, and no per-connection compression of frames
    # that every viewer receives alike.
    "uvicorn": lambda port, ws: [
        *("-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1", "--port", str(port)),
        *("--loop", "uvloop", "--http", "httptools", "--ws", ws),
        *("--ws-per-message-deflate", "false", "--timeout-graceful-shutdown", "5"),
        *("--no-access-log", "--log-level", "warning"),
    ],
    # What `make run` serves with.
    "daphne": lambda port, ws: ["-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
}


def start_servers(env, count, server, ws, tree):
    servers = []
    for _ in range(count):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, *SERVERS[server](port, ws)],
            cwd=tree,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{server} did not start") from None
                time.sleep(0.3)
        servers.append((process, port))
    return servers


class Council:
    """The demo's meeting no. 3, live, with ``voters`` extra members present."""

    def __init__(self, voters):
        from django.contrib.auth import get_user_model
        from django.utils import timezone

        from council import services
        from council.models import Meeting, Membership, Role

        self.services = services
        self.handed = {}  # seq -> when its message was handed to the channel layer
        self.texts = {}  # seq -> its text in the viewers' language, for the bare broadcast to replay
        self.time_handing()
        meeting = Meeting.objects.get(term__number=3, number=3)
        self.chair = get_user_model().objects.get(username="chair")
        self.voters = []
        for n in range(voters):
            user = get_user_model().objects.create_user(f"bench{n}", f"bench{n}@example.org", display_name=f"B{n}")
            Membership.objects.create(term=meeting.term, user=user, role=Role.MEMBER, starts_on=meeting.term.starts_on)
            self.voters.append(user)
        meeting = services.meeting_start(meeting=meeting, user=self.chair, now=timezone.now())
        for seat in Membership.objects.filter(term=meeting.term):
            if not seat.is_current_on(meeting.day):
                continue  # a substitute waiting for a seat, or a member who has left
            services.attendance_set(meeting=meeting, membership=seat, present=True, user=self.chair)
        self.meeting = meeting

    def time_handing(self):
        """Notes when each message leaves this process, to split the latency
        into the sender's part (coalescing, building) and the fan-out's."""
        from core import live

        send = live.group_send

        def timed(group, message):
            send(group, message)
            text = message.get("frames", {}).get(LANGUAGE)
            if text is not None:
                seq = int(MESSAGE_HEAD.match(text).group(2))
                self.handed[seq] = time.time()
                self.texts[seq] = text

        live.group_send = timed

    def new_poll(self):
        from council.models import Poll

        previous = Poll.objects.filter(agenda_item__meeting=self.meeting, state=Poll.State.OPEN).first()
        if previous:
            self.services.poll_close(poll=previous, user=self.chair)
        poll = self.services.poll_create(
            item=self.meeting.agenda_items.order_by("sort_order").first(),
            user=self.chair,
            question="Benchmark",
            kind=Poll.Kind.SECRET,
            method=Poll.Method.YES_NO,
            majority=Poll.Majority.SIMPLE,
        )
        return self.services.poll_open(poll=poll, user=self.chair)

    def flood(self, count):
        from django.db import connections

        from council import live

        for _ in range(count):
            live.broadcast_meeting(self.meeting.pk)
        connections.close_all()

    def vote_all(self, poll, spread, seed=None):
        """Every voter casts one ballot at a random moment within ``spread``
        seconds; the moments and choices are the same in every run with the same ``seed``."""
        from django.db import connections

        options = list(poll.options.values_list("pk", flat=True))
        committed = []
        lock = threading.Lock()
        chance = random.Random(seed)  # noqa: S311 - timing, not security
        plan = [(user, chance.uniform(0, spread), chance.choice(options)) for user in self.voters]
        start = time.monotonic()

        def cast(user, moment, option):
            time.sleep(max(0.0, start + moment - time.monotonic()))
            self.services.ballot_cast(poll=poll, user=user, option_id=option)
            with lock:
                committed.append(time.time())
            connections.close_all()

        threads = [threading.Thread(target=cast, args=step) for step in plan]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sorted(committed)


def _sender(tree, env, kind, meeting_id, poll_id, voter_ids, spread, count, conn):
    """In a process of its own, as a WSGI worker would be: casts the ballots
    (``kind`` "vote") or sends ``count`` messages back to back ("flood"), and
    reports when.  Apart from the viewers' client, so that building messages
    (templates in four languages) does not hold the client's event loop up.
    The code is the checkout's in ``tree``, as its servers'."""
    sys.path.insert(0, str(tree))
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from council import services
    from council.models import Meeting, Poll

    council = Council.__new__(Council)
    council.services, council.handed, council.texts = services, {}, {}
    council.time_handing()
    council.meeting = Meeting.objects.get(pk=meeting_id)
    council.voters = list(get_user_model().objects.filter(pk__in=voter_ids))
    conn.send("ready")
    own = time.process_time()
    if kind == "vote":
        seed = env.get("RADA_BENCH_SEED")
        moments = council.vote_all(Poll.objects.get(pk=poll_id), spread, seed=int(seed) if seed else None)
        time.sleep(3)  # the last coalescing window's message leaves
    else:
        moments = [time.time()]
        council.flood(count)
    conn.send((moments, council.handed, council.texts, time.process_time() - own))


def in_sender(tree, kind, council, poll=None, spread=0.0, count=0, started=None):
    """``started()`` is called once the process is ready, just before it starts."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    voters = [user.pk for user in council.voters]
    process = context.Process(
        target=_sender,
        args=(tree, dict(os.environ), kind, council.meeting.pk, poll and poll.pk, voters, spread, count, child),
    )
    process.start()
    parent.recv()  # ready
    if started is not None:
        started()
    moments, handed, texts, cpu = parent.recv()
    process.join()
    council.handed.update(handed)
    council.texts.update(texts)
    council.sender_cpu = cpu
    return moments


# --- viewers ------------------------------------------------------------------------


class Viewer:
    def __init__(self):
        self.snapshot = None
        self.states = []  # (arrival, seq, cast)
        self.gaps = 0
        self.size = 0
        self.retries = 0


MESSAGE_HEAD = re.compile(r'^\{"type":"(\w+)","seq":(\d+)')
CAST = re.compile(r'"cast":(\d+)')


def read(raw):
    """(type, seq, ballots cast) of a live message, read without decoding the
    whole JSON: the 2,000 viewers share the machine with the servers, and the
    client should cost as little as the bare broadcast's client.  (A test of
    the protocol checks the order of the keys this relies on.)"""
    kind, seq = MESSAGE_HEAD.match(raw).groups()
    cast = CAST.search(raw)
    return kind, int(seq), int(cast.group(1)) if cast else 0


async def watch(url, origin, viewer, ready, stop):
    """One viewer, reconnecting after a failed handshake as the page's client would."""
    from websockets.asyncio.client import connect

    for attempt in range(20):
        try:
            socket = await connect(url, origin=origin, open_timeout=120, max_size=2**20)
            break
        except (OSError, TimeoutError, ValueError, Exception):  # noqa: BLE001 - counted and retried
            viewer.retries += 1
            await asyncio.sleep(min(10, 0.5 * 2**attempt) * random.uniform(0.5, 1))  # noqa: S311
    async with socket:
        last = None
        async for raw in socket:
            arrival = time.time()
            kind, seq, cast = read(raw)
            if kind == "heartbeat":  # the number of the last message, every few seconds: not a state
                continue
            if kind == "snapshot":
                viewer.snapshot = seq
                last = seq
                ready.release()
            else:
                if last is not None and seq > last + 1:
                    viewer.gaps += 1
                last = max(last or 0, seq)
                viewer.states.append((arrival, seq, cast))
                viewer.size = len(raw)
            if stop.is_set():
                break


LANGUAGE = "pl"  # the viewers' language


def meeting_url(meeting_id):
    return lambda port: (f"ws://127.0.0.1:{port}/ws/meetings/{meeting_id}/?lang={LANGUAGE}", f"http://127.0.0.1:{port}")


async def run_viewers(ports, viewers, url, until, half=None):
    """Connects ``viewers`` clients round-robin over ``ports`` (``url(port)``
    gives the address and origin); returns them once ``until`` (a coroutine
    function) returns.  They connect in two halves: ``half()`` is called
    between them, once the first half has its snapshots (so that memory can be
    read at half and at full).  Rada and the bare broadcast are read by this
    same client."""
    ready = asyncio.Semaphore(0)
    stop = asyncio.Event()
    watchers = [Viewer() for _ in range(viewers)]
    tasks = []
    for group in (range(viewers // 2), range(viewers // 2, viewers)):
        for index in group:
            address, origin = url(ports[index % len(ports)])
            tasks.append(asyncio.create_task(watch(address, origin, watchers[index], ready, stop)))
            if index % 100 == 99:
                await asyncio.sleep(0.2)  # ramp up
        deadline = time.monotonic() + 300
        for _ in group:
            try:
                await asyncio.wait_for(ready.acquire(), timeout=max(0.1, deadline - time.monotonic()))
            except TimeoutError:
                print(f"    only {sum(v.snapshot is not None for v in watchers)} viewers have a snapshot after 300 s")
                break
        if half is not None and group.start == 0:
            await asyncio.sleep(1)  # what the last snapshots left behind is freed
            half()
    await asyncio.sleep(1)
    await until()
    stop.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return watchers


FLOOD = 20


def measure_rada(env, processes, viewers, voters, council, spread, server, ws=DEFAULT_WS, tree=ROOT):
    servers = start_servers(env, processes, server, ws, tree)
    ports = [port for _process, port in servers]
    before = sum(rss_kib(process.pid) for process, _port in servers)
    poll = council.new_poll()
    result = {}

    def rss():
        return sum(rss_kib(process.pid) for process, _port in servers)

    def half():
        result["rss_half"] = rss()

    async def until():
        result["rss_connected"] = rss()
        loop = asyncio.get_running_loop()
        cpu = [cpu_seconds(process.pid) for process, _port in servers]
        shares = []

        def started():
            shares.append(Shares([process.pid for process, _port in servers]))

        result["committed"] = await loop.run_in_executor(
            None, in_sender, tree, "vote", council, poll, spread, 0, started
        )
        await asyncio.sleep(1)  # the last delivery
        result["vote_cpu"] = sum(cpu_seconds(p.pid) - c for (p, _port), c in zip(servers, cpu, strict=True))
        result["shares"] = shares[0].end(council.sender_cpu)
        # Capacity: messages sent back to back, without coalescing, as fast as the
        # servers can fan them out to every viewer.
        cpu = [cpu_seconds(process.pid) for process, _port in servers]
        own = time.process_time()
        (result["flood_start"],) = await loop.run_in_executor(None, in_sender, tree, "flood", council, None, 0.0, FLOOD)
        await asyncio.sleep(5)
        result["server_cpu"] = sum(cpu_seconds(p.pid) - c for (p, _port), c in zip(servers, cpu, strict=True))
        result["client_cpu"] = time.process_time() - own

    try:
        watchers = asyncio.run(run_viewers(ports, viewers, meeting_url(council.meeting.pk), until, half))
    finally:
        for process, _port in servers:
            process.terminate()
        for process, _port in servers:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:  # still closing its sockets gracefully
                process.kill()
                process.wait(timeout=20)
    committed = result["committed"]
    latencies = []
    for viewer in watchers:
        for k, moment in enumerate(committed, start=1):
            arrival = next((t for t, _seq, cast in viewer.states if cast >= k), None)
            if arrival is not None:
                latencies.append(arrival - moment)
    flood_start = result["flood_start"]
    handed = council.handed
    casts = {seq: cast for viewer in watchers for _t, seq, cast in viewer.states}
    sender = []
    for k, moment in enumerate(committed, start=1):
        seq = min((seq for seq, cast in casts.items() if cast >= k and seq in handed), default=None)
        if seq is not None:
            sender.append(handed[seq] - moment)
    fanout = [
        t - handed[seq] for viewer in watchers for t, seq, _cast in viewer.states if seq in handed and t < flood_start
    ]
    voting = [[state for state in viewer.states if state[0] < flood_start] for viewer in watchers]
    flood = [[state for state in viewer.states if state[0] >= flood_start] for viewer in watchers]
    flood_end = max((states[-1][0] for states in flood if states), default=flood_start)
    lost = sum(1 for states in voting if not states or states[-1][2] != len(committed))
    messages = [len(states) for states in voting]
    delivered = sum(len(states) for states in voting)
    # The vote's messages as they left the sender, for the bare broadcast to replay.
    stream = sorted((handed[seq], council.texts[seq]) for seq in {s for states in voting for _t, s, _c in states})
    return {
        "latencies": latencies,
        "stream": stream,
        "committed": committed,
        "vote_us_per_delivery": result["vote_cpu"] / max(delivered, 1) * 1e6,
        "shares": result["shares"],
        "sender": sender,
        "fanout": fanout,
        "gaps": sum(viewer.gaps for viewer in watchers),
        "retries": sum(viewer.retries for viewer in watchers),
        "lost": lost,
        "messages": statistics.mean(messages) if messages else 0,
        "kib_per_connection": (result["rss_connected"] - before) / viewers,
        "kib_per_added_connection": (result["rss_connected"] - result["rss_half"]) / (viewers - viewers // 2),
        "size": max((viewer.size for viewer in watchers), default=0),
        "flood_delivered": sum(len(states) for states in flood) / (viewers * FLOOD),
        "deliveries_per_second": sum(len(states) for states in flood) / max(flood_end - flood_start, 1e-6),
        # What a delivery costs the servers, whatever else the machine is doing:
        # the load generator (this process) shares the same two cores.
        "server_us_per_delivery": result["server_cpu"] / max(sum(len(states) for states in flood), 1) * 1e6,
        "client_cpu_share": result["client_cpu"] / max(flood_end - flood_start, 1e-6),
    }


# --- the bare broadcast -----------------------------------------------------------


BROADCAST_SERVER = """
import asyncio, json, sys, time
from websockets.asyncio.server import serve, broadcast
port, viewers, seq = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
stream = json.load(sys.stdin)  # [[offset in seconds, text], ...]
clients = set()
async def handler(socket):
    await socket.send(json.dumps({"type": "snapshot", "seq": seq}, separators=(",", ":")))
    clients.add(socket)
    try:
        await socket.wait_closed()
    finally:
        clients.discard(socket)
async def main():
    async with serve(handler, "127.0.0.1", port, max_queue=None):
        while len(clients) < viewers:
            await asyncio.sleep(0.1)
        await asyncio.sleep(3)  # the client reads memory meanwhile
        print("start", flush=True)
        start = time.time()
        due = []
        for offset, text in stream:
            await asyncio.sleep(max(0, start + offset - time.time()))
            broadcast(clients, text)
            due.append(start + offset)
        print(json.dumps(due), flush=True)
        await asyncio.sleep(3600)  # until the client has read everything and stops this process
asyncio.run(main())
"""


def measure_bare(viewers, rada):
    """The limit: the ``websockets`` library broadcasting the very stream Rada's
    vote sent (the same texts, at the same moments relative to each other) to
    the same number of clients, read by the same client code; latency from the
    moment the message that first carried each ballot was due to its arrival
    (Rada's is from the ballot's commit, so it also holds coalescing and
    building), memory per added connection, and CPU per delivery."""
    stream = rada["stream"]
    first = stream[0][0]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", BROADCAST_SERVER, str(port), str(viewers), str(read(stream[0][1])[1] - 1)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    server.stdin.write(json.dumps([[moment - first, text] for moment, text in stream]))
    server.stdin.close()
    result = {}

    def half():
        result["rss_half"] = rss_kib(server.pid)

    async def until():
        result["rss_connected"] = rss_kib(server.pid)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, server.stdout.readline)  # the replay starts
        cpu = cpu_seconds(server.pid)
        shares = Shares([server.pid])
        line = await loop.run_in_executor(None, server.stdout.readline)
        result["due"] = json.loads(line)
        await asyncio.sleep(1)  # the last delivery
        result["cpu"] = cpu_seconds(server.pid) - cpu
        result["shares"] = shares.end()

    time.sleep(1)  # the server up, and nothing connected yet
    before = rss_kib(server.pid)
    try:
        watchers = asyncio.run(run_viewers([port], viewers, lambda port: (f"ws://127.0.0.1:{port}", None), until, half))
    finally:
        server.terminate()
        server.wait(timeout=20)
    # From the moment each message was due, as Rada's fan-out is timed from the
    # moment its message was handed to the channel layer: a broadcast that
    # starts late because the one before it still holds the server counts
    # its wait, as Rada's messages waiting in Redis or behind one another do.
    due = {read(text)[1]: moment for (_m, text), moment in zip(stream, result["due"], strict=True)}
    latencies = []
    for viewer in watchers:
        for k in range(1, len(rada["committed"]) + 1):
            first_carrying = next(((t, seq) for t, seq, cast in viewer.states if cast >= k), None)
            if first_carrying is not None:
                latencies.append(first_carrying[0] - due[first_carrying[1]])
    delivered = sum(len(viewer.states) for viewer in watchers)
    return {
        "latencies": latencies,
        "gaps": sum(viewer.gaps for viewer in watchers),
        "kib_per_connection": (result["rss_connected"] - before) / viewers,
        "kib_per_added_connection": (result["rss_connected"] - result["rss_half"]) / (viewers - viewers // 2),
        "server_us_per_delivery": result["cpu"] / max(delivered, 1) * 1e6,
        "delivered": delivered / (viewers * len(stream)),
        "messages": len(stream),
        "shares": result["shares"],
    }


def verdict(met):
    return "met" if met else "SHORT"


def print_goals(rada, bare):
    """Each goal of one process beside its figure, and whether it is met."""
    p95, bare_p95 = percentile(rada["latencies"], 0.95), percentile(bare["latencies"], 0.95)
    cpu, bare_cpu = rada["vote_us_per_delivery"], bare["server_us_per_delivery"]
    kib, bare_kib = rada["kib_per_added_connection"], bare["kib_per_added_connection"]
    rows = [
        (
            "p95, commit to every viewer",
            f"{p95 * 1000:.0f} ms = {p95 / bare_p95:.2f}× bare ({bare_p95 * 1000:.0f} ms)",
            "≤ 2× bare",
            p95 <= 2 * bare_p95,
        ),
        ("sequence gaps", f"{rada['gaps']}", "0", rada["gaps"] == 0),
        ("viewers without the exact final tally", f"{rada['lost']}", "0", rada["lost"] == 0),
        (
            "server CPU per delivery, the vote's stream",
            f"{cpu:.1f} µs = {cpu / bare_cpu:.2f}× bare ({bare_cpu:.1f} µs)",
            "≤ 2× bare",
            cpu <= 2 * bare_cpu,
        ),
        (
            "memory per viewer (RSS per added connection)",
            f"{kib:.1f} KiB (bare {bare_kib:.1f} KiB; from idle: {rada['kib_per_connection']:.1f} vs "
            f"{bare['kib_per_connection']:.1f})",
            "≤ 32 KiB",
            kib <= 32,
        ),
    ]
    print("\nGoals, one process:")
    for name, figure, goal, met in rows:
        print(f"  {name:<46} {figure:<58} goal {goal:<10} {verdict(met)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=2000)
    parser.add_argument("--voters", type=int, default=30)
    parser.add_argument("--spread", type=float, default=5.0, help="seconds over which the ballots are cast")
    parser.add_argument(
        "--seed", type=int, default=1, help="of the ballots' moments and choices, the same in every run (0: random)"
    )
    parser.add_argument("--processes", type=int, nargs="+", default=[1])
    parser.add_argument(
        "--coalesce-ms", type=int, default=100, help="RADA_LIVE_COALESCE_MS (the longest window) of the voters' process"
    )
    parser.add_argument(
        "--server", choices=sorted(SERVERS), default="uvicorn", help="the ASGI server of the websockets"
    )
    parser.add_argument(
        "--ws",
        nargs="+",
        default=[DEFAULT_WS],
        choices=["websockets-sansio", "websockets"],  # wsproto is not installed
        help="uvicorn's websocket implementation(s); the goals are judged on the first",
    )
    parser.add_argument(
        "--before", metavar="DIR", help="also measure the checkout in DIR (one process, --ws websockets), same database"
    )
    parser.add_argument(
        "--template",
        metavar="DATABASE",
        help="copy the seeded database from this one if it exists; otherwise seed it and keep a copy under this name",
    )
    args = parser.parse_args()
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if not database_url.startswith("postgres") or not redis_url:
        sys.exit("bench/live.py needs DATABASE_URL (PostgreSQL) and REDIS_URL")

    scratch, drop, copied, keep = scratch_database(database_url, args.template)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": scratch,
        # Every viewer comes from 127.0.0.1: the per-address limit would refuse all but a few.
        "RADA_RATELIMIT_WEBSOCKETS_PER_ADDRESS": str(args.viewers + 100),
    }
    try:
        if copied:
            print(f"A scratch database ({scratch.rsplit('/', 1)[1]}) copied from {args.template}", flush=True)
        else:
            print(f"Preparing a scratch database ({scratch.rsplit('/', 1)[1]}) …", flush=True)
            prepare(env)
            if args.template:
                keep()
        os.environ.update(env)
        os.environ["RADA_LIVE_COALESCE_MS"] = str(args.coalesce_ms)
        os.environ["RADA_BENCH_SEED"] = str(args.seed or "")
        import django

        django.setup()
        council = Council(args.voters)
        print(
            f"\n{os.cpu_count()} cores; {args.viewers} viewers; {args.voters} members voting within {args.spread:g} s;"
        )
        print("latency from each committed ballot to its arrival at every viewer\n", flush=True)
        rada = {}
        runs = [(processes, ws, ROOT, "") for ws in args.ws for processes in args.processes]
        if args.before:
            runs.append((1, "websockets", Path(args.before).resolve(), "before: "))
        for processes, ws, tree, label in runs:
            outcome = measure_rada(
                env, processes, args.viewers, args.voters, council, args.spread, args.server, ws=ws, tree=tree
            )
            if not label and ws == args.ws[0]:
                rada[processes] = outcome
            name = f"{args.server} --ws {ws}" if args.server == "uvicorn" else args.server
            print(f"{label}Rada, {processes} {name} process(es)    {summary(outcome['latencies'])}")
            print(
                f"    gaps {outcome['gaps']}   lost final tallies {outcome['lost']}   "
                f"messages per viewer {outcome['messages']:.1f}   message {outcome['size']} B   "
                f"{outcome['kib_per_added_connection']:.1f} KiB per added connection "
                f"({outcome['kib_per_connection']:.1f} from idle)   "
                f"handshakes retried {outcome['retries']}",
                flush=True,
            )
            print(
                f"    server CPU over the vote {outcome['vote_us_per_delivery']:.1f} µs per delivery; "
                f"of which commit to sent (coalescing, building)  {summary(outcome['sender'])}"
            )
            print(f"    and sent to every viewer (Redis, fan-out, client) {summary(outcome['fanout'])}")
            print(f"    the vote: {describe(outcome['shares'])}")
            print(
                f"    capacity: {FLOOD} messages back to back reached every viewer at "
                f"{outcome['deliveries_per_second']:.0f} deliveries/s "
                f"({outcome['flood_delivered']:.1%} delivered); the servers spent "
                f"{outcome['server_us_per_delivery']:.1f} µs of CPU per delivery; the viewers' client used "
                f"{outcome['client_cpu_share']:.0%} of a core",
                flush=True,
            )
        replayed = rada[min(rada)]
        bare = measure_bare(args.viewers, replayed)
        print(
            f"bare websockets broadcast of the same {bare['messages']} messages (up to {replayed['size']} B) "
            f"at the same moments    {summary(bare['latencies'])}"
        )
        print(
            f"    {bare['delivered']:.1%} delivered; gaps {bare['gaps']}; the server spent "
            f"{bare['server_us_per_delivery']:.1f} µs of CPU per delivery (Rada, same stream: "
            f"{replayed['vote_us_per_delivery']:.1f} µs); {bare['kib_per_added_connection']:.1f} KiB per added "
            f"connection ({bare['kib_per_connection']:.1f} KiB per connection from an idle server)",
        )
        print(f"    the replay: {describe(bare['shares'])}", flush=True)
        if 1 in rada and 2 in rada:
            ratio = rada[2]["deliveries_per_second"] / rada[1]["deliveries_per_second"]
            print(f"\ntwo processes carry {ratio:.2f}× the deliveries per second of one on this machine")
            cost = rada[2]["server_us_per_delivery"] / rada[1]["server_us_per_delivery"]
            print(
                f"a delivery costs two processes {cost:.2f}× the CPU it costs one, so with a core each "
                f"they carry {2 / cost:.2f}× what one carries"
            )
        for processes, outcome in rada.items():
            factor = percentile(outcome["latencies"], 0.95) / percentile(bare["latencies"], 0.95)
            print(f"p95 with {processes} process(es) is {factor:.1f}× the bare broadcast's p95")
        if 1 in rada:
            print_goals(rada[1], bare)
    finally:
        from django.db import connections

        connections.close_all()
        drop()


if __name__ == "__main__":
    main()
