"""
Open pages polling the live News Feed, on loopback: `make pollers`.

Seeds the demo newsroom into a temporary folder, serves it with gunicorn and the
production config (2 sync workers, DEBUG off, page cache on) and simulates many open
News Feed pages (1,000 by default), each asking /feed/updates/ every 15 s (give or take
a quarter, as the script in the page does) with the cursor and ETag of its last answer,
for a bounded time: a minute with nothing published, then a minute in which an editor's
process publishes a brief every 20 s.

Prints, for each phase, the median and tail poll latency, how the polls were answered (304 from the page
cache, 200), the server's CPU time per poll (its workers' user + system time over the
run, divided by the polls), and how long each published brief took to reach the open
pages. Only loopback traffic; the temporary folder is removed.
"""

import argparse
import asyncio
import gzip
import json
import random
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
# Run as `python scripts/pollers.py`, so the path starts at scripts/: the repository root
# is needed to import the shared demo-site harness from tests/.
sys.path.insert(0, str(ROOT))

from tests.demo_site import HOST, DemoSite  # noqa: E402

CURSOR_SCRIPT = """
from newsroom.stream import feed_page
print(feed_page().newest_cursor)
"""

PUBLISH_SCRIPT = """
from django.utils import timezone
from articles.models import Status
from feed.models import Brief
brief = Brief.objects.create(
    slug="pollers-{number}",
    headline="Update {number} from the harbour",
    body="<p>The harbour master reopened the north quay, the port said.</p>",
    status=Status.PUBLISHED,
    published_at=timezone.now(),
)
print("brief-%d" % brief.pk)
"""


def cpu_seconds(pids):
    """User + system CPU seconds the processes have used so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime and stime, the 12th and 13th fields after the command name, in ticks.
        total += int(fields[11]) + int(fields[12])
    return total / 100


class Phase:
    def __init__(self, name):
        self.name = name
        self.latencies = []
        self.statuses = {}
        self.errors = 0
        self.cpu = 0.0
        self.seconds = 0.0


class Pollers:
    """`clients` open pages, polling through `phases` [(Phase, seconds)] one after another."""

    def __init__(self, port, cursor, clients, interval, phases, server_pids):
        self.port = port
        self.cursor = cursor
        self.clients = clients
        self.interval = interval
        self.phases = phases
        self.server_pids = server_pids
        self.phase = phases[0][0]
        self.done = False
        # item id -> the moments (monotonic) open pages first saw it
        self.seen = {}

    async def request(self, since, etag):
        query = urlencode({"since": since}) if since else ""
        headers = f"GET /feed/updates/?{query} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n"
        headers += "Accept: application/json\r\nAccept-Encoding: gzip\r\n"
        if etag:
            headers += f"If-None-Match: {etag}\r\n"
        reader, writer = await asyncio.open_connection(HOST, self.port)
        writer.write((headers + "\r\n").encode())
        await writer.drain()
        raw = await reader.read()
        writer.close()
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        fields = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        fields = {name.lower(): value for name, value in fields.items()}
        return status, fields, body

    async def client(self):
        since, etag = self.cursor, None
        await asyncio.sleep(random.uniform(0, self.interval))
        while not self.done:
            phase = self.phase
            started = time.monotonic()
            try:
                status, fields, body = await self.request(since, etag)
            except OSError:
                phase.errors += 1
            else:
                phase.latencies.append(time.monotonic() - started)
                phase.statuses[status] = phase.statuses.get(status, 0) + 1
                if status == 200:
                    etag = fields.get("etag")
                    if fields.get("content-encoding") == "gzip":
                        body = gzip.decompress(body)
                    answer = json.loads(body)
                    since = answer["cursor"] or since
                    now = time.monotonic()
                    for item in answer["items"]:
                        if item["new"]:
                            self.seen.setdefault(item["id"], []).append(now)
                elif status != 304:
                    phase.errors += 1
            await asyncio.sleep(self.interval * random.uniform(0.75, 1.25))

    async def clock(self):
        for phase, seconds in self.phases:
            self.phase = phase
            started, cpu_before = time.monotonic(), cpu_seconds(self.server_pids)
            await asyncio.sleep(seconds)
            phase.cpu = cpu_seconds(self.server_pids) - cpu_before
            phase.seconds = time.monotonic() - started
        self.done = True

    async def run(self):
        await asyncio.gather(self.clock(), *(self.client() for _ in range(self.clients)))


def report(phase):
    polls = len(phase.latencies)
    latencies = sorted(phase.latencies)
    rows = [
        ("polls", f"{polls:,} ({polls / phase.seconds:,.0f}/s)"),
        ("answered 304 / 200", f"{phase.statuses.get(304, 0):,} / {phase.statuses.get(200, 0):,}"),
        ("errors", f"{phase.errors}"),
    ]
    if latencies:
        rows += [
            ("poll latency, median", f"{statistics.median(latencies) * 1000:.1f} ms"),
            ("poll latency, p99", f"{latencies[int(len(latencies) * 0.99) - 1] * 1000:.1f} ms"),
            ("server CPU per poll", f"{phase.cpu / polls * 1000:.2f} ms"),
        ]
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--interval", type=float, default=15, help="seconds between polls")
    parser.add_argument("--seconds", type=int, default=60, help="length of each phase")
    parser.add_argument("--publish-every", type=float, default=20)
    parser.add_argument("--port", type=int, default=8062)
    args = parser.parse_args()

    with DemoSite(access_log=False) as site:
        print(f"Seeding the demo site into {site.folder}...", flush=True)
        site.prepare()
        cursor = site.manage("shell", "-c", CURSOR_SCRIPT).strip().splitlines()[-1]
        with site.serve(args.port) as server:
            quiet, busy = Phase("nothing published"), Phase("a brief every 20 s")
            busy.name = f"a brief every {args.publish_every:g} s"
            pollers = Pollers(
                args.port,
                cursor,
                args.clients,
                args.interval,
                [(quiet, args.seconds), (busy, args.seconds)],
                [server.pid, *server.workers()],
            )
            published = {}
            stop = threading.Event()

            def publish():
                # Publish only once the quiet phase is over.
                if stop.wait(args.seconds):
                    return
                number = 0
                while True:
                    number += 1
                    script = PUBLISH_SCRIPT.format(number=number)
                    at = time.monotonic()
                    output = site.manage("shell", "-c", script)
                    published[output.strip().splitlines()[-1]] = at
                    if stop.wait(args.publish_every):
                        return

            print(
                f"{args.clients} open pages polling every {args.interval:g} s: {args.seconds} s "
                f"with nothing published, then {args.seconds} s with {busy.name}...",
                flush=True,
            )
            publisher = threading.Thread(target=publish, daemon=True)
            publisher.start()
            asyncio.run(pollers.run())
            stop.set()
            publisher.join()

    print()
    print(f"| figure | {quiet.name} | {busy.name} |\n|---|---:|---:|")
    for (name, quiet_value), (_, busy_value) in zip(report(quiet), report(busy), strict=False):
        print(f"| {name} | {quiet_value} | {busy_value} |")
    reach = [
        seen - published[item]
        for item, times in pollers.seen.items()
        if item in published
        for seen in times
    ]
    reached = {item for item in pollers.seen if item in published}
    print(f"\nBriefs published: {len(published)}; seen by the open pages: {len(reached)}.")
    if reach:
        print(
            f"Publication to an open page: median {statistics.median(reach):.1f} s, "
            f"max {max(reach):.1f} s."
        )
    if quiet.errors or busy.errors:
        raise SystemExit("Some polls failed.")


if __name__ == "__main__":
    main()
