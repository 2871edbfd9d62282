"""
Send a newsletter issue from the command line, or start what is due.

`send_newsletter ISSUE_ID` sends the issue in this process with a progress bar, without
the task worker; `--resume` continues a send whose worker was stopped (killed, the
machine restarted), from the delivery log. `--due` is for cron or a loop beside the
worker: it queues the scheduled issues whose time has come and resumes stalled sends.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from newsletters import sending
from newsletters.models import Issue


class ProgressBar:
    """ "Sent 4,200 / 10,000 (42%) · 310/s" on one line of stderr, redrawn at most five
    times a second."""

    def __init__(self, stream, issue):
        self.stream = stream
        self.issue = issue
        self.started = time.monotonic()
        self.sent_here = 0
        self.drawn_at = 0

    def sent(self):
        self.sent_here += 1
        now = time.monotonic()
        if now - self.drawn_at >= 0.2:
            self.drawn_at = now
            self.draw()

    def draw(self, end=""):
        counts = sending.progress(self.issue)
        done = counts["sent"] + counts["failed"]
        share = done * 100 // counts["total"] if counts["total"] else 100
        rate = self.sent_here / max(time.monotonic() - self.started, 1e-6)
        failed = f" · {counts['failed']:,} failed" if counts["failed"] else ""
        line = f"Sent {counts['sent']:,} / {counts['total']:,} ({share}%) · {rate:,.0f}/s{failed}"
        self.stream.write(f"\r{line}\033[K{end}")
        self.stream.flush()


class Command(BaseCommand):
    help = "Send a newsletter issue now, with a progress bar, or start the issues that are due."

    def add_arguments(self, parser):
        parser.add_argument("issue_id", nargs="?", type=int)
        parser.add_argument(
            "--resume",
            action="store_true",
            help="Continue a send whose workers are stopped; copies already sent are skipped.",
        )
        parser.add_argument(
            "--due",
            action="store_true",
            help="Queue scheduled issues whose time has come and resume stalled sends.",
        )

    def handle(self, *args, issue_id=None, resume=False, due=False, **options):
        if due:
            return self.start_due()
        if issue_id is None:
            raise CommandError("Name an issue (its id), or pass --due.")
        issue = Issue.objects.select_related("newsletter").filter(pk=issue_id).first()
        if issue is None:
            raise CommandError(f"No issue has the id {issue_id}.")
        bar = ProgressBar(sys.stderr, issue) if options["verbosity"] else None
        try:
            finished = sending.send_in_foreground(
                issue,
                resume=resume,
                on_sent=bar.sent if bar else None,
                on_wait=self.waiting,
            )
        except sending.SendRefused as refusal:
            hint = " Pass --resume if its worker was stopped." if not resume else ""
            raise CommandError(f"{refusal}{hint}") from refusal
        if bar:
            bar.draw(end="\n")
        counts = sending.progress(issue)
        summary = f"{issue}: {counts['sent']:,} sent, {counts['failed']:,} failed."
        if finished:
            self.stdout.write(self.style.SUCCESS(summary))
        else:
            self.stdout.write(self.style.WARNING(f"{summary} {counts['pending']:,} still waiting."))

    def waiting(self, outcome, delay):
        self.stderr.write(f"\n{outcome.error}; trying again in {delay.total_seconds():.0f} s.")

    def start_due(self):
        for issue in sending.due_issues():
            try:
                sending.start_sending(issue)
            except sending.SendRefused as refusal:
                self.stderr.write(f"{issue}: {refusal}")
                continue
            self.stdout.write(self.style.SUCCESS(f"Started sending {issue}."))
        for issue in sending.stalled_issues():
            batches = sending.resume_sending(issue)
            self.stdout.write(self.style.SUCCESS(f"Resumed {issue} in {len(batches)} batches."))
