"""
Load and fault test on loopback: `make loadtest`.

Seeds the demo newsroom into a temporary folder, serves it with gunicorn and the
production config (newsroom/gunicorn.conf.py, DEBUG off, page cache on) on
127.0.0.1:8061, and drives it with wrk: 64 connections for 60 seconds over a rotating
mix of reader pages. Prints throughput, latency percentiles and errors; fails on any
socket error or any answer that is not 2xx/3xx.

Then the fault test: under the same load, the gunicorn master is sent SIGHUP (reload:
new workers start, old ones finish their requests) and, once the new workers serve, one
worker is killed with SIGKILL (the master replaces it). Requests waiting for a worker
stay queued on the shared listening socket, so none may fail, except what the killed
worker was serving at that instant (at most GUNICORN_THREADS requests: a process killed
outright cannot answer; a reverse proxy in front retries such a GET on another worker).

Only loopback traffic; everything is bounded in time and the temporary folder is removed.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as `python scripts/loadtest.py`, so the path starts at scripts/: the repository root
# is needed to import the shared demo-site harness from tests/.
sys.path.insert(0, str(ROOT))

from tests.demo_site import DemoSite  # noqa: E402

URLS_SCRIPT = """
import json
from tests import pages

print(json.dumps(list(pages.demo_paths(search="city").values())))
"""

# Each wrk thread walks the list from its own starting point; `done` prints one line of
# figures the script reads back (latency in microseconds).
WRK_SCRIPT = """
local paths = {PATHS}
local counter = 0
local threads = 0

setup = function(thread)
  thread:set("start", threads * 7)
  threads = threads + 1
end

request = function()
  counter = counter + 1
  local path = paths[((start or 0) + counter) % #paths + 1]
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d status=%d " ..
    "timeout=%d p50=%d p90=%d p99=%d p999=%d max=%d\\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max))
end
"""


def prepare(site):
    started = time.perf_counter()
    site.prepare()
    urls = json.loads(site.manage("shell", "-c", URLS_SCRIPT).strip().splitlines()[-1])
    return urls, time.perf_counter() - started


def wrk(base, urls, seconds, connections, folder):
    script = folder / "rotate.lua"
    paths = "{" + ", ".join(json.dumps(url) for url in urls) + "}"
    script.write_text(WRK_SCRIPT.replace("{PATHS}", paths))
    output = subprocess.run(
        [
            "wrk",
            "-t4",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    ).stdout
    line = re.search(r"^RESULT (.*)$", output, re.M).group(1)
    figures = {key: int(value) for key, value in (pair.split("=") for pair in line.split())}
    figures["socket_errors"] = sum(figures[key] for key in ("connect", "read", "write", "timeout"))
    figures["rate"] = figures["requests"] / (figures["duration_us"] / 1_000_000)
    return figures


def report(title, figures):
    ms = {key: figures[key] / 1000 for key in ("p50", "p90", "p99", "p999", "max")}
    print(f"\n{title}")
    print(
        f"  {figures['requests']:,} requests in {figures['duration_us'] / 1e6:.1f} s: "
        f"{figures['rate']:,.0f} requests/s, {figures['bytes'] / 1e6:,.1f} MB"
    )
    print(
        f"  latency p50 {ms['p50']:.1f} ms, p90 {ms['p90']:.1f} ms, p99 {ms['p99']:.1f} ms, "
        f"p99.9 {ms['p999']:.1f} ms, max {ms['max']:.1f} ms"
    )
    print(
        f"  errors: {figures['status']} answers not 2xx/3xx; socket errors: connect "
        f"{figures['connect']}, read {figures['read']}, write {figures['write']}, "
        f"timeout {figures['timeout']}"
    )


def inject_faults(server, seconds, events):
    """SIGHUP the master a third of the way in; once new workers serve, SIGKILL one."""
    time.sleep(seconds / 3)
    before = server.workers()
    server.reload()
    events.append(f"{time.strftime('%H:%M:%S')} SIGHUP to master {server.pid}")
    deadline = time.time() + seconds / 3
    while time.time() < deadline:
        now = server.workers()
        if now and not set(now) & set(before):
            break
        time.sleep(0.1)
    replaced = server.workers()
    events.append(f"{time.strftime('%H:%M:%S')} workers {before} replaced by {replaced}")
    time.sleep(seconds / 6)
    victim = server.kill_worker()
    if victim:
        events.append(f"{time.strftime('%H:%M:%S')} SIGKILL to worker {victim}")
    time.sleep(3)
    events.append(f"{time.strftime('%H:%M:%S')} workers now {server.workers()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="Length of the load test.")
    parser.add_argument("--fault-seconds", type=int, default=30, help="Length of the fault test.")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--port", type=int, default=int(os.environ.get("LOADTEST_PORT", 8061)))
    parser.add_argument("--no-faults", action="store_true", help="Skip the fault test.")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk).")

    failures = []
    # Bounded: no step of the preparation may take more than ten minutes.
    with DemoSite(access_log=False, timeout=600) as site:
        urls, seconds = prepare(site)
        print(f"Seeded the demo newsroom in {seconds:.0f} s; {len(urls)} pages in rotation:")
        print("  " + " ".join(urls))
        with site.serve(options.port) as server:
            base, folder = server.origin, site.folder
            workers = len(server.workers())
            print(f"gunicorn on {base} with {workers} workers (production config)")
            wrk(base, urls, 5, options.connections, folder)  # warm up, fill caches
            load = wrk(base, urls, options.seconds, options.connections, folder)
            report(f"Load: {options.connections} connections, {options.seconds} s", load)
            if load["status"] or load["socket_errors"]:
                failures.append("the load test had errors")

            if not options.no_faults:
                events = []
                faults = threading.Thread(
                    target=inject_faults, args=(server, options.fault_seconds, events)
                )
                faults.start()
                fault = wrk(base, urls, options.fault_seconds, options.connections, folder)
                faults.join()
                report(
                    f"Faults: SIGHUP reload and a SIGKILLed worker under the same load, "
                    f"{options.fault_seconds} s",
                    fault,
                )
                for event in events:
                    print(f"  {event}")
                # Only what the killed worker was serving may be lost.
                in_flight = int(server.env.get("GUNICORN_THREADS", "1"))
                if fault["status"] or fault["socket_errors"] > in_flight:
                    failures.append("requests failed beyond the killed worker's own")
                elif fault["socket_errors"]:
                    print(
                        f"  {fault['socket_errors']} request(s) were in the killed worker's "
                        "hands when it died; every other request was answered."
                    )
    if failures:
        raise SystemExit("FAILED: " + "; ".join(failures))
    print("\nOK: no answer outside 2xx/3xx.")


if __name__ == "__main__":
    main()
