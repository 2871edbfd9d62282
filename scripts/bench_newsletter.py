"""
One newsletter issue to 100,000 subscribers, with the worker killed half-way:
`make bench-newsletter`.

In a temporary folder: a SQLite file database with 100,000 confirmed subscribers on one
list (bulk inserts), an SMTP sink in its own process (aiosmtpd, counting recipients and
discarding the messages), and the real task worker (`manage.py db_worker`) sending the
issue. Half-way through, the worker is killed with SIGKILL; `manage.py send_newsletter
ISSUE --resume` then finishes the send from the delivery log. Prints messages per second,
each process's peak memory (ru_maxrss), the time the resumed send took to send again,
and what the sink received: distinct recipients and duplicates (at most the copy that was
in flight when the worker died).

Only loopback traffic; the folder is removed at the end.
"""

import argparse
import json
import os
import secrets
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

SEED_SCRIPT = """
import sys
from django.db import connection, transaction
from django.utils import timezone
from newsletters.models import Issue, Newsletter, Subscriber, Subscription

count = int(sys.argv[1])
now = timezone.now()
newsletter = Newsletter.objects.create(name="The Morning Briefing", slug="morning")
with transaction.atomic(), connection.cursor() as cursor:
    cursor.executemany(
        "INSERT INTO newsletters_subscriber (email, key, created_at, confirmed_at, suppression_reason)"
        " VALUES (%s, %s, %s, %s, '')",
        [(f"reader{n}@example.com", f"key-{n:08d}-{n * 7919:012d}", now, now) for n in range(count)],
    )
    cursor.execute(
        "INSERT INTO newsletters_subscription (subscriber_id, newsletter_id, created_at)"
        " SELECT id, %s, %s FROM newsletters_subscriber",
        [newsletter.pk, now],
    )
body = "".join(
    f'<h2>Story {n}</h2><p>What happened, in three sentences, with <a href="/articles/story-{n}/">'
    f"a link to the article</a>. And why it matters to you.</p>"
    for n in range(8)
)
issue = Issue.objects.create(
    newsletter=newsletter, subject="The budget vote, trams and schools", slug="budget",
    preheader="And five more things you should know", body=body,
)
print(issue.pk)
"""

START_SCRIPT = """
import sys
from newsletters.models import Issue
from newsletters.sending import start_sending
start_sending(Issue.objects.get(pk=int(sys.argv[1])))
"""

SINK_SCRIPT = """
import json, signal, sys, threading
from collections import Counter
from aiosmtpd.controller import Controller

received = Counter()

class Sink:
    async def handle_DATA(self, server, session, envelope):
        received.update(envelope.rcpt_tos)
        return "250 OK"

controller = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
done = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: done.set())
print("ready", flush=True)
done.wait()
controller.stop()
json.dump({"distinct": len(received), "total": sum(received.values()),
           "duplicates": sum(n - 1 for n in received.values())}, open(sys.argv[2], "w"))
"""


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(folder, smtp_port):
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        HTTPS="false",
        SITE_DOMAIN="news.example.com",
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_USE_TLS="false",
        EMAIL_FILE_PATH=str(folder / "mail"),
        MEDIA_ROOT=str(folder / "media"),
        LOG_LEVEL="WARNING",
        NEWSLETTER_SEND_RATE="0",
    )
    return env


def manage(env, *args, **kwargs):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, **kwargs
    )


def django_script(env, script, *args):
    """Run `script` with Django set up, in its own process; what it printed."""
    code = "import django\ndjango.setup()\n" + script
    return subprocess.run(
        [PYTHON, "-c", code, *args], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    ).stdout


def sent_count(database):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        return connection.execute(
            "SELECT count(*) FROM newsletters_delivery WHERE status = 'sent'"
        ).fetchone()[0]


def wait_for(process):
    """Wait for `process`; its exit status and peak resident memory in MB."""
    _, status, usage = os.wait4(process.pid, 0)
    return status, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    options = parser.parse_args()
    total = options.subscribers

    with tempfile.TemporaryDirectory(prefix="bench-newsletter-") as name:
        folder = Path(name)
        database = folder / "bench.sqlite3"
        smtp_port = free_port()
        env = environment(folder, smtp_port)
        manage(env, "migrate", "--noinput", "--verbosity", "0")

        started = time.monotonic()
        issue_id = int(django_script(env, SEED_SCRIPT, str(total)).strip().splitlines()[-1])
        print(f"Seeded {total:,} confirmed subscribers in {time.monotonic() - started:.1f} s")

        counts_file = folder / "sink.json"
        sink = subprocess.Popen(
            [PYTHON, "-c", textwrap.dedent(SINK_SCRIPT), str(smtp_port), str(counts_file)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert sink.stdout.readline().strip() == "ready"

        django_script(env, START_SCRIPT, str(issue_id))
        started = time.monotonic()
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--queue-name", "newsletters", "--interval", "0.1"],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        first_sent_at = None
        while (sent := sent_count(database)) < total // 2:
            if sent and first_sent_at is None:
                first_sent_at = time.monotonic()
            time.sleep(0.05)
        worker.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        _, worker_memory = wait_for(worker)
        sent_before_kill = sent_count(database)
        print(
            f"Worker: log written and first copy sent {first_sent_at - started:.1f} s after "
            f"the start; killed (SIGKILL) at {sent_before_kill:,} sent, "
            f"{sent_before_kill / (killed_at - first_sent_at):,.0f} messages/s, "
            f"peak memory {worker_memory:.0f} MB"
        )

        resumed_at = time.monotonic()
        resume = subprocess.Popen(
            [PYTHON, "manage.py", "send_newsletter", str(issue_id), "--resume"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while sent_count(database) == sent_before_kill and resume.poll() is None:
            time.sleep(0.01)
        sending_again = time.monotonic() - resumed_at
        status, resume_memory = wait_for(resume)
        finished = time.monotonic()
        resent = total - sent_before_kill
        print(
            f"Resume (send_newsletter --resume): sending again {sending_again:.2f} s after "
            f"it started; {resent:,} copies in {finished - resumed_at:.1f} s, "
            f"{resent / (finished - resumed_at):,.0f} messages/s, "
            f"peak memory {resume_memory:.0f} MB, exit status {os.waitstatus_to_exitcode(status)}"
        )

        sink.send_signal(signal.SIGTERM)
        sink.wait(timeout=30)
        received = json.loads(counts_file.read_text())
        log_sent = sent_count(database)
        print(
            f"Sink: {received['distinct']:,} distinct recipients of {total:,}, "
            f"{received['total']:,} messages, {received['duplicates']} duplicate(s); "
            f"the log marks {log_sent:,} sent"
        )
        ok = received["distinct"] == total == log_sent and received["duplicates"] <= 1
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
