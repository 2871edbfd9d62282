"""
Benchmark the reader pages at newsroom scale: `make bench`.

Seeds (once) a large data set into .bench/, serves it with gunicorn as in production
(2 workers, DEBUG off), and measures each page with wrk uncached (every cache off), cold
(page cache off, teasers cached) and warm (page cache on), next to a trivial Django view
returning a fixed 30 KB page served the same way in the same run. Prints a table with each page's throughput as a ratio to the
trivial view, its latency, errors, HTML size and SQL queries, the query plans of those
queries, the seeding time and a worker's peak memory; saves it all to .bench/results-<engine>.md.
`--database-url postgres://…` measures on PostgreSQL instead.
"""

import argparse
import contextlib
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as `python scripts/bench.py`, so the path starts at scripts/: the repository root
# is needed to import the shared demo-site harness from tests/.
sys.path.insert(0, str(ROOT))

from tests.demo_site import DemoSite  # noqa: E402

BENCH = ROOT / ".bench"


def engine(site):
    return "postgresql" if site.database_url.startswith("postgres") else "sqlite"


def seed(site, scale):
    """Seed once per scale; returns (seconds, peak MB) of the seeding, measured then."""
    stamp = site.folder / f"seeded-{scale}-{engine(site)}.txt"
    # A data set seeded by an older release gets this release's schema.
    site.migrate()
    if stamp.exists():
        seconds, megabytes = stamp.read_text().split()
        return float(seconds), float(megabytes)
    print(f"Seeding scale {scale} into {site.folder} (once; reused by later runs)...", flush=True)
    started = time.perf_counter()
    site.seed(scale, show_progress=True)
    seconds = time.perf_counter() - started
    megabytes = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stamp.write_text(f"{seconds:.1f} {megabytes:.0f}")
    return seconds, megabytes


PAGE_SCRIPT = """
import json, sys
from urllib.parse import urlencode
import django
django.setup()
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from newsroom.stream import feed_page
from taggit.models import Tag
from tests import pages

page = feed_page(limit=20)
# Walk 999 pages deep with the cursors themselves: the same path a reader's clicks take.
deep = page
for _ in range(999):
    deep = feed_page(cursor=deep.next_cursor, limit=20)
objects = pages.demo_objects(search="flood")
objects["tag"] = Tag.objects.filter(slug="climate").first() or objects["tag"]
urls = {
    "home": pages.url("home", objects),
    "feed page 1": pages.url("feed", objects),
    "feed page 1,000": pages.url("feed", objects) + "?cursor=" + deep.next_cursor,
    "article": pages.url("article", objects),
    "live blog": pages.url("live-blog", objects),
    "author": pages.url("author", objects),
    "tag": pages.url("tag", objects),
    "search": pages.url("search", objects),
    "rss": pages.url("rss", objects),
    # What an open News Feed page asks every 20 s: with the ETag of its last answer when
    # nothing was published since (a 304), and when five items were.
    "poll, nothing new": "/feed/updates/?" + urlencode({"since": page.newest_cursor}),
    "poll, 5 new": "/feed/updates/?" + urlencode({"since": page.items[5].cursor}),
    "trivial view": "/bench/trivial/",
}
CONDITIONAL = {"poll, nothing new"}
client = Client(HTTP_HOST="127.0.0.1")
result = {}
for name, url in urls.items():
    client.get(url)  # warm Python-level caches, not the page cache (off here)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    plans = []
    for query in queries.captured_queries:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("EXPLAIN QUERY PLAN " + sql)
                plan = " | ".join(row[-1] for row in cursor.fetchall())
            else:
                cursor.execute("EXPLAIN " + sql)
                plan = " | ".join(row[0].strip() for row in cursor.fetchall())
        plans.append({"sql": sql[:160], "plan": plan})
    result[name] = {
        "url": url,
        "conditional": name in CONDITIONAL,
        "status": response.status_code,
        "bytes": len(response.content),
        "queries": len(queries.captured_queries),
        "plans": plans,
    }
print(json.dumps(result))
"""


def describe_pages(site):
    output = site.python("-c", PAGE_SCRIPT, env={"PAGE_CACHE": "false"})
    return json.loads(output.strip().splitlines()[-1])


def worker_peak_megabytes(server):
    peaks = []
    for pid in server.workers():
        with contextlib.suppress(OSError):
            match = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
            if match:
                peaks.append(int(match.group(1)) / 1024)
    return max(peaks, default=0)


def etag_of(url):
    # Long enough for the requests the last wrk run left queued to drain first.
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - loopback
        return response.headers["ETag"]


def wrk(url, seconds, connections, headers=()):
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            *(f"--header={header}" for header in headers),
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    errors = 0
    for match in re.finditer(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(value) for value in match.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return {
        "rate": rate,
        "p50": latency.get("50", "?"),
        "p99": latency.get("99", "?"),
        "errors": errors,
    }


# How each page is served: every cache off; the page cache off (what a reader gets when
# a change has just dropped the page: its teasers are still cached); every cache on.
MODES = {
    "uncached": (
        {"PAGE_CACHE": "false", "FRAGMENT_CACHE": "false"},
        "page, fragment and teaser caches off: every request renders everything",
    ),
    "cold": (
        {"PAGE_CACHE": "false", "FRAGMENT_CACHE": "true"},
        "page cache off, fragment and teaser caches on (a page just invalidated by an edit)",
    ),
    "warm": (
        {"PAGE_CACHE": "true", "FRAGMENT_CACHE": "true"},
        "page cache on",
    ),
}


def measure(site, settings, pages, port, seconds, connections, rounds):
    """Each page `rounds` times, alternating with the trivial view; medians."""
    results = {}
    with site.serve(port, env=settings) as server:
        base = server.origin
        for page in pages.values():
            wrk(base + page["url"], 2, connections)  # warm up (and fill the page cache)
        for name, page in pages.items():
            # A conditional request, as a page that already has the answer sends it.
            headers = (
                [f"If-None-Match: {etag_of(base + page['url'])}"] if page["conditional"] else []
            )
            runs = [wrk(base + page["url"], seconds, connections, headers) for _ in range(rounds)]
            results[name] = {
                "rate": statistics.median(run["rate"] for run in runs),
                "p50": runs[len(runs) // 2]["p50"],
                "p99": runs[len(runs) // 2]["p99"],
                "errors": sum(run["errors"] for run in runs),
            }
        peak = worker_peak_megabytes(server)
    return results, peak


def ratio(rate, trivial):
    return f"{rate / trivial:.2f}" if trivial else "n/a"


def table(pages, results):
    header = "| page | HTML bytes | SQL queries (cold) |"
    rule = "|---|---:|---:|"
    for mode in MODES:
        header += f" {mode} req/s | {mode} ratio | {mode} p50 / p99 |"
        rule += "---:|---:|---|"
    lines = [header + " errors |", rule + "---:|"]
    for name, page in pages.items():
        line = f"| {name} | {page['bytes']:,} | {page['queries']} |"
        for mode in MODES:
            run, trivial = results[mode][name], results[mode]["trivial view"]["rate"]
            line += f" {run['rate']:,.0f} | {ratio(run['rate'], trivial)} | {run['p50']} / {run['p99']} |"
        errors = sum(results[mode][name]["errors"] for mode in MODES)
        lines.append(f"{line} {errors} |")
    return "\n".join(lines)


def machine():
    cpu = ""
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    return (
        f"{platform.platform()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1700, help="seed_demo --scale (default 1700)")
    parser.add_argument("--seconds", type=int, default=8, help="wrk duration per run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="runs per page; medians reported")
    parser.add_argument("--port", type=int, default=8077)
    parser.add_argument(
        "--skip", action="append", default=[], help="Leave out a page by name, e.g. search."
    )
    parser.add_argument(
        "--database-url",
        default="",
        help="Measure on this database (e.g. PostgreSQL) instead of .bench's SQLite file.",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    database_url = args.database_url or f"sqlite:///{BENCH / f'bench-{args.scale}.sqlite3'}"
    with DemoSite(
        BENCH,
        database_url=database_url,
        access_log=False,
        env={"BENCHMARK_VIEWS": "true"},
    ) as site:
        seed_seconds, seed_megabytes = seed(site, args.scale)
        site.collectstatic()
        pages = {name: page for name, page in describe_pages(site).items() if name not in args.skip}
        bad = [name for name, page in pages.items() if page["status"] != 200]
        if bad:
            raise SystemExit(f"Pages did not answer 200: {bad}")
        results, peaks = {}, []
        for mode, (settings, description) in MODES.items():
            print(f"Measuring {mode}: {description}...", flush=True)
            results[mode], peak = measure(
                site, settings, pages, args.port, args.seconds, args.connections, args.rounds
            )
            peaks.append(peak)
    report = [
        f"# Benchmark, {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        f"Machine: {machine()}.",
        f"Data: seed_demo --scale {args.scale} (database {database_url.split('@')[-1]}), "
        f"seeded in {seed_seconds:,.0f} s with a peak of {seed_megabytes:,.0f} MB.",
        f"Server: gunicorn, 2 sync workers, DEBUG off; wrk -t2 -c{args.connections}, "
        f"{args.seconds} s x {args.rounds} runs per page (medians). Ratio = page req/s / "
        "trivial view req/s in the same server run.",
        f"Peak memory of a worker: {max(peaks):,.0f} MB.",
        "",
        *(f"- {mode}: {description}." for mode, (_, description) in MODES.items()),
        "",
        table(pages, results),
        "",
        "## Query plans (cold)",
        "",
    ]
    for name, page in pages.items():
        for plan in page["plans"]:
            report.append(f"- {name}: `{plan['plan']}` ← `{plan['sql']}…`")
    text = "\n".join(report)
    (BENCH / f"results-{engine(site)}.md").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
