"""
Benchmark the reader pages at newsroom scale: `make bench`.

Seeds (once) a large data set into .bench/, serves it with gunicorn as in production
(2 workers, DEBUG off), and measures each page with wrk uncached (every cache off), cold
(page cache off, teasers cached) and warm (page cache on). The yardstick, measured in
the same run and between the pages: a stock Django project (`startproject`'s settings and
middleware, scripts/stock_django/) whose one view returns a fixed 30 KB page, served by
the same gunicorn (2 sync workers, no access log). Also measured for reference: a bare
WSGI callable answering that page (the floor under any Django page) and the project's own
trivial view at /bench/trivial/, the yardstick of earlier runs.

Prints a table with each page's throughput as a ratio to the stock app, its latency,
errors, HTML size and SQL queries; which targets each page meets; for a page missing one,
where its time goes (a profile of it rendered in-process); the query plans, the seeding
time and a worker's peak memory; saves it all to .bench/results-<engine>.md.
`--database-url postgres://…` measures on PostgreSQL instead.
"""

import argparse
import contextlib
import json
import os
import platform
import re
import resource
import runpy
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

# Where a page's time goes, rendered in-process: cProfile's own time per function, summed
# by what the function belongs to (the first matching path fragment names it).
PROFILE_SCRIPT = """
import cProfile, json, os, pstats, sys
import django
django.setup()
from django.db import reset_queries
from django.test import Client
pages = json.loads(sys.stdin.read())
PARTS = [
    ("templates", ("django/template/", "templatetags", "django/utils/html.py",
                   "django/utils/safestring.py", "django/utils/text.py")),
    ("SQL compiling", ("django/db/models/sql/", "django/db/models/expressions.py",
                       "django/db/models/lookups.py", "django/db/models/query_utils.py",
                       "django/utils/tree.py", "/copy.py")),
    ("database", ("django/db/backends/", "sqlite3", "psycopg", "{method 'execute'",
                  "{method 'fetch")),
    ("model rows", ("django/db/models/", "django/dispatch/")),
    ("caches", ("django/core/cache/", "newsroom/pagecache/", "pickle")),
    ("translation, dates", ("django/utils/translation/", "django/utils/formats.py",
                            "django/utils/dateformat.py", "django/utils/timezone.py",
                            "gettext", "datetime")),
    ("settings, thread-locals", ("django/utils/functional.py", "django/conf/", "asgiref/")),
    ("feed writing", ("django/utils/feedgenerator.py", "xml/sax", "django/contrib/syndication/")),
    ("request, URLs", ("django/urls/", "django/http/", "django/core/handlers/",
                       "django/middleware/", "django/contrib/", "csp/", "urllib/")),
    ("project code", ("/articles/", "/feed/", "/authors/", "/newsroom/", "/support/",
                      "/newsletters/", "/redirects/")),
]
client = Client(HTTP_HOST="127.0.0.1")
renders = int(os.environ["PROFILE_RENDERS"])
result = {}
for name, url in pages.items():
    client.get(url)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(renders):
        client.get(url)
        reset_queries()
    profile.disable()
    stats = pstats.Stats(profile).stats
    parts, functions = {}, []
    total = sum(row[2] for row in stats.values())
    def where(function):
        path, line, name = function
        return f"{path}:{line}({name})" if line else name

    def part_of(function):
        text = where(function)
        return next((part for part, marks in PARTS if any(m in text for m in marks)), "other")

    for function, row in stats.items():
        own, callers = row[2], row[4]
        if function[0] == "~" and callers:
            # A built-in (getattr, isinstance…) counts for what called it.
            shares = {caller: calls[2] for caller, calls in callers.items()}
            total_share = sum(shares.values()) or 1
            for caller, share in shares.items():
                part = part_of(caller)
                parts[part] = parts.get(part, 0) + own * share / total_share
        else:
            part = part_of(function)
            parts[part] = parts.get(part, 0) + own
        functions.append((own, where(function).split("site-packages/")[-1].split(os.getcwd() + "/")[-1]))
    functions.sort(reverse=True)
    result[name] = {
        "ms": 1000 * max(row[3] for row in stats.values()) / renders,
        "parts": {part: seconds / total for part, seconds in parts.items()},
        "top": [[seconds / total, where] for seconds, where in functions[:6]],
    }
print(json.dumps(result))
"""


def describe_pages(site):
    output = site.python("-c", PAGE_SCRIPT, env={"PAGE_CACHE": "false"})
    return json.loads(output.strip().splitlines()[-1])


def profile_pages(site, pages, settings, renders=20):
    """Where each of `pages` ({name: url}) spends its time, served with `settings`."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and our own code
        [sys.executable, "-c", PROFILE_SCRIPT],
        cwd=ROOT,
        env={**site.env, **settings, "PROFILE_RENDERS": str(renders)},
        input=json.dumps(pages),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def worker_peak_megabytes(server):
    peaks = []
    for pid in server.workers():
        with contextlib.suppress(OSError):
            match = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
            if match:
                peaks.append(int(match.group(1)) / 1024)
    return max(peaks, default=0)


def drain(url):
    """Return once `url` answers, i.e. once the requests queued before it are served."""
    with urllib.request.urlopen(url, timeout=120):  # noqa: S310 - loopback
        pass


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


STOCK_DJANGO = ROOT / "scripts" / "stock_django"
# The site's own gunicorn settings, for serving the references the same way.
SERVED = runpy.run_path(str(ROOT / "newsroom" / "gunicorn.conf.py"))
# The yardstick first: every ratio is to it.
YARDSTICK = "stock Django"
REFERENCES = {
    YARDSTICK: "stock_site.wsgi:application",
    "bare WSGI": "stock_site.raw:application",
}
# The project's own trivial view, through its middleware: earlier runs' yardstick.
OWN_TRIVIAL = "trivial view"

# What every reader's browser sends: pages kept compressed are answered compressed (the
# stock app compresses nothing, as startproject's middleware does not).
BROWSER_HEADERS = ["Accept-Encoding: gzip, deflate, br"]

# Ratio to the yardstick each page should reach, per mode (pages not named: no target).
LIST_PAGES = ("home", "feed page 1", "feed page 1,000", "article", "author", "tag", "live blog")
TARGETS = {
    "warm": dict.fromkeys([*LIST_PAGES, "search", "rss", "poll, 5 new"], 1.0)
    | {"poll, nothing new": 0.9},
    "cold": dict.fromkeys(LIST_PAGES, 0.2) | {"search": 0.1, "rss": 0.1},
    "uncached": dict.fromkeys([*LIST_PAGES, "search", "rss"], 0.1),
}


@contextlib.contextmanager
def reference_servers(folder, port, threads=1):
    """The stock Django app and the bare WSGI callable, served as the site is: gunicorn,
    2 sync workers, no access log, workers recycled as often. Yields {name: URL}."""
    processes, urls = [], {}
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "stock_site.settings",
        "XDG_RUNTIME_DIR": str(folder / "gunicorn-stock"),
    }
    (folder / "gunicorn-stock").mkdir(exist_ok=True)
    try:
        for offset, (name, application) in enumerate(REFERENCES.items()):
            bind = f"127.0.0.1:{port + offset}"
            processes.append(
                subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "--workers=2",
                        f"--threads={threads}",
                        f"--max-requests={SERVED['max_requests']}",
                        f"--max-requests-jitter={SERVED['max_requests_jitter']}",
                        f"--bind={bind}",
                        f"--chdir={STOCK_DJANGO}",
                        application,
                    ],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            urls[name] = f"http://{bind}/"
            deadline = time.monotonic() + 30
            while True:
                try:
                    with urllib.request.urlopen(urls[name], timeout=2):  # noqa: S310 - loopback
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        raise SystemExit(f"{name} did not start on {bind}") from None
                    time.sleep(0.1)
        yield urls
    finally:
        for process in processes:
            process.terminate()
            process.wait()


def measure(site, settings, pages, references, port, seconds, connections, rounds):
    """Every page and reference `rounds` times, round after round (so a noisy moment
    falls on all of them alike); medians."""
    runs = {}
    with site.serve(port, env=settings) as server:
        urls = {name: server.origin + page["url"] for name, page in pages.items()} | references
        for url in urls.values():
            wrk(url, 2, connections)  # warm up (and fill the page cache)
        headers = {
            # A conditional request, as a page that already has the answer sends it.
            name: [f"If-None-Match: {etag_of(urls[name])}"]
            for name, page in pages.items()
            if page["conditional"]
        }
        for _ in range(rounds):
            for name, url in urls.items():
                runs.setdefault(name, []).append(
                    wrk(url, seconds, connections, [*BROWSER_HEADERS, *headers.get(name, [])])
                )
                # wrk stops with requests still queued at the server: those of a slow page
                # would be served during the next page's run.
                drain(server.origin + "/bench/trivial/")
        peak = worker_peak_megabytes(server)
    results = {}
    for name, measured in runs.items():
        middle = sorted(measured, key=lambda run: run["rate"])[len(measured) // 2]
        results[name] = {
            "rate": statistics.median(run["rate"] for run in measured),
            "p50": middle["p50"],
            "p99": middle["p99"],
            "errors": sum(run["errors"] for run in measured),
        }
    return results, peak


def ratio(rate, base):
    return f"{rate / base:.2f}" if base else "n/a"


def table(pages, results):
    header = "| page | HTML bytes | SQL queries (cold) |"
    rule = "|---|---:|---:|"
    for mode in results:
        header += f" {mode} req/s | {mode} ratio | {mode} p50 / p99 |"
        rule += "---:|---:|---|"
    lines = [header + " errors |", rule + "---:|"]
    rows = {name: (f"{page['bytes']:,}", str(page["queries"])) for name, page in pages.items()}
    rows |= dict.fromkeys(REFERENCES, ("30,046", "0"))
    for name, (size, queries) in rows.items():
        line = f"| {name} | {size} | {queries} |"
        for mode in results:
            run, base = results[mode][name], results[mode][YARDSTICK]["rate"]
            line += (
                f" {run['rate']:,.0f} | {ratio(run['rate'], base)} | {run['p50']} / {run['p99']} |"
            )
        errors = sum(results[mode][name]["errors"] for mode in results)
        lines.append(f"{line} {errors} |")
    return "\n".join(lines)


def own_trivial_table(pages, results):
    """The same runs as ratios to the project's trivial view, as earlier runs printed."""
    lines = ["| page | " + " | ".join(results) + " |", "|---|" + "---:|" * len(results)]
    for name in [*pages, *REFERENCES]:
        cells = [ratio(results[m][name]["rate"], results[m][OWN_TRIVIAL]["rate"]) for m in results]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def misses(results):
    """{mode: {page: (ratio, target)}} for the pages below their target."""
    missed = {}
    for mode, targets in TARGETS.items():
        if mode not in results:
            continue
        base = results[mode][YARDSTICK]["rate"]
        for name, target in targets.items():
            if name in results[mode] and base and results[mode][name]["rate"] / base < target:
                missed.setdefault(mode, {})[name] = (results[mode][name]["rate"] / base, target)
    return missed


def targets_table(results):
    modes = [mode for mode in TARGETS if mode in results]
    lines = ["| page | " + " | ".join(modes) + " |", "|---|" + "---|" * len(modes)]
    names = dict.fromkeys(name for targets in TARGETS.values() for name in targets)
    for name in names:
        cells = []
        for mode in modes:
            target = TARGETS[mode].get(name)
            if target is None or name not in results[mode]:
                cells.append("")
                continue
            value = results[mode][name]["rate"] / results[mode][YARDSTICK]["rate"]
            cells.append(
                f"{value:.2f} {'≥' if value >= target else '<'} {target} {'met' if value >= target else 'missed'}"
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def profile_report(profiles):
    lines = []
    for mode, pages in profiles.items():
        for name, profile in pages.items():
            parts = ", ".join(
                f"{part} {share:.0%}"
                for part, share in sorted(profile["parts"].items(), key=lambda item: -item[1])
                if share >= 0.02
            )
            lines.append(
                f"- **{name}, {mode}** ({profile['ms']:.1f} ms a render under the profiler): {parts}."
            )
            lines.extend(f"  - {share:.0%} `{where}`" for share, where in profile["top"])
    return lines


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
        "--threads",
        type=int,
        default=1,
        help="Threads per worker for the site and the references alike (gthread when above 1).",
    )
    parser.add_argument(
        "--skip", action="append", default=[], help="Leave out a page by name, e.g. search."
    )
    parser.add_argument(
        "--mode",
        action="append",
        choices=list(MODES),
        help="Measure only this mode (repeatable); every mode by default.",
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
        env={"BENCHMARK_VIEWS": "true", "GUNICORN_THREADS": str(args.threads)},
    ) as site:
        seed_seconds, seed_megabytes = seed(site, args.scale)
        site.collectstatic()
        pages = {name: page for name, page in describe_pages(site).items() if name not in args.skip}
        bad = [name for name, page in pages.items() if page["status"] != 200]
        if bad:
            raise SystemExit(f"Pages did not answer 200: {bad}")
        results, peaks = {}, []
        with reference_servers(BENCH, args.port + 1, args.threads) as references:
            for mode, (settings, description) in MODES.items():
                if args.mode and mode not in args.mode:
                    continue
                print(f"Measuring {mode}: {description}...", flush=True)
                results[mode], peak = measure(
                    site,
                    settings,
                    pages,
                    references,
                    args.port,
                    args.seconds,
                    args.connections,
                    args.rounds,
                )
                peaks.append(peak)
        missed = misses(results)
        profiles = {}
        for mode, below in missed.items():
            if mode in ("cold", "uncached"):
                print(f"Profiling the pages below their {mode} target...", flush=True)
                urls = {name: pages[name]["url"] for name in below}
                profiles[mode] = profile_pages(site, urls, MODES[mode][0])
    report = [
        f"# Benchmark, {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        f"Machine: {machine()}.",
        f"Data: seed_demo --scale {args.scale} (database {database_url.split('@')[-1]}), "
        f"seeded in {seed_seconds:,.0f} s with a peak of {seed_megabytes:,.0f} MB.",
        f"Server: gunicorn, 2 {'sync workers' if args.threads == 1 else f'gthread workers of {args.threads} threads'}, "
        "no access log, DEBUG off; wrk -t2 "
        f"-c{args.connections}, {args.seconds} s x {args.rounds} rounds over every page "
        f"(medians), each request with `{BROWSER_HEADERS[0]}` as browsers send it. "
        f"Ratio = page req/s / {YARDSTICK} req/s in the same server run: "
        "`startproject`'s settings and middleware, one view returning a fixed 30 KB page "
        "(scripts/stock_django/), served by the same gunicorn.",
        f"Peak memory of a worker: {max(peaks):,.0f} MB.",
        "",
        *(f"- {mode}: {MODES[mode][1]}." for mode in results),
        f"- {OWN_TRIVIAL}: the same 30 KB page from this project, through its middleware.",
        "- bare WSGI: a WSGI callable answering the 30 KB page, the floor under any Django page.",
        "",
        table(pages, results),
        "",
        "## Targets",
        "",
        targets_table(results),
        "",
        "## Where the time goes, for the pages below a cold or uncached target",
        "",
        "cProfile's own time per function, summed by what it belongs to, over 20 renders of "
        "the page in-process with that mode's settings; then the six costliest functions.",
        "",
        *(profile_report(profiles) or ["Every page meets its cold and uncached targets."]),
        "",
        f"## Ratios to the project's {OWN_TRIVIAL} (the yardstick of earlier runs)",
        "",
        own_trivial_table(pages, results),
        "",
        "## Query plans (cold)",
        "",
    ]
    for name, page in pages.items():
        for plan in page["plans"]:
            report.append(f"- {name}: `{plan['plan']}` ← `{plan['sql']}…`")
    text = "\n".join(report)
    suffix = "" if args.threads == 1 else f"-threads-{args.threads}"
    (BENCH / f"results-{engine(site)}{suffix}.md").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
