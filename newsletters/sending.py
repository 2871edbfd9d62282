"""
Sending an issue: the delivery log, the batches that work through it, retries and
resuming.

Starting a send marks the issue and queues `prepare_issue` on the "newsletters" queue. It
writes one Delivery per subscriber who can receive the list, in one INSERT … SELECT that
skips copies already logged, then splits the waiting copies into batches, each held by a
batch token (`Delivery.claimed_by`), and queues one `send_batch` task per batch.

A batch run first moves its copies from the batch token to a token of its own in one
UPDATE, so a second worker running the same batch finds nothing left to take, then sends
them over one connection, marking each copy sent as soon as the server has accepted it.
SMTP has no way to ask "did you already take this one?", so the rule is at most once per
copy: a copy marked sent is never sent again, and a worker killed mid-batch loses only
the mark of the copy in flight, which a resumed send may deliver a second time.

Failures: a dropped or refused connection, or a 4xx reply, is temporary: the batch gives
its unsent copies back to its batch token and queues itself again after a growing delay.
A 5xx reply for one recipient fails that copy only. The issue is marked sent when no copy
is waiting.

A run renews its claim every minute. A send is stalled when copies wait and none has
been claimed for STALE_CLAIM (a worker was killed); `resume_sending` hands them to new
batches, and `manage.py send_newsletter --due` (run from cron or beside the worker) does
that, and starts scheduled issues whose time has come.
"""

import logging
import secrets
import smtplib
import time
from dataclasses import dataclass
from datetime import timedelta

from anymail.exceptions import AnymailError, AnymailRecipientsRefused
from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as database
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django_tasks import task

from .messages import IssueEmail
from .models import Delivery, Issue, Subscriber, Subscription

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# Tries of one copy that got temporary refusals before it is marked failed.
MAX_ATTEMPTS = 5
# Times a batch that could not reach the mail server is queued again before its copies
# are marked failed; the waits double from 30 s to an hour (about two hours in all).
MAX_BATCH_RETRIES = 8
HEARTBEAT = timedelta(minutes=1)
STALE_CLAIM = timedelta(minutes=10)


class SendRefused(Exception):
    """The issue cannot be sent now; the message says why, for editors and operators."""


def retry_delay(retry):
    return timedelta(seconds=min(30 * 2**retry, 3600))


def new_token(kind):
    # "b" for a batch waiting in the queue, "r" for a batch being sent by one worker.
    return kind + secrets.token_hex(15)


def check_sendable(issue):
    if issue.is_sent or issue.sending_started_at is not None:
        raise SendRefused(gettext("This issue has already been sent or is being sent."))
    if not issue.subject.strip() or not strip_tags(issue.body).strip():
        raise SendRefused(gettext("An issue needs a subject and a body before it is sent."))


def start_sending(issue, *, enqueue=True):
    """Mark `issue` as being sent and queue the work; refused (SendRefused) when it has
    no subject or body, or is already sent or being sent."""
    check_sendable(issue)
    now = timezone.now()
    with transaction.atomic():
        # The filter makes starting atomic: of two editors pressing "Send now", one starts.
        started = Issue.objects.filter(
            pk=issue.pk, sending_started_at__isnull=True, sent_at__isnull=True
        ).update(sending_started_at=now)
        if not started:
            raise SendRefused(gettext("This issue has already been sent or is being sent."))
        issue.sending_started_at = now
        if enqueue:
            prepare_issue.enqueue(issue.pk)


def schedule_sending(issue):
    """Queue the start of `issue`'s sending for its `send_at`. Queueing it twice is
    harmless: the first start wins and a start for a time since changed does nothing."""
    if issue.send_at is None:
        raise SendRefused(gettext("Set the time to send this issue first."))
    check_sendable(issue)
    start_scheduled.using(run_after=issue.send_at).enqueue(issue.pk, issue.send_at.isoformat())


def write_log(issue):
    """One pending Delivery for every subscriber of the issue's list who can receive it,
    in one statement; copies already logged are left as they are. Returns the number of
    copies logged."""
    table = database.ops.quote_name
    # The same rule as Subscriber.can_receive, in SQL: confirmed and not suppressed.
    sql = f"""
        INSERT INTO {table(Delivery._meta.db_table)}
            (issue_id, subscriber_id, status, attempts, message_id, error, claimed_by)
        SELECT %s, s.id, %s, 0, '', '', ''
        FROM {table(Subscriber._meta.db_table)} s
        JOIN {table(Subscription._meta.db_table)} m ON m.subscriber_id = s.id
        WHERE m.newsletter_id = %s
            AND s.confirmed_at IS NOT NULL
            AND s.suppressed_at IS NULL
        ON CONFLICT (issue_id, subscriber_id) DO NOTHING
    """  # noqa: S608 (table names from the models, values as parameters)
    with database.cursor() as cursor:
        cursor.execute(sql, [issue.pk, Delivery.Status.PENDING, issue.newsletter_id])
    return issue.deliveries.count()


def split_into_batches(issue, *, stale_before=None):
    """Give the waiting copies of `issue` that no batch holds (or whose claim is older
    than `stale_before`) to new batches of BATCH_SIZE; returns the batch tokens."""
    free = Q(claimed_by="")
    if stale_before is not None:
        free |= Q(claimed_at__lt=stale_before) | Q(claimed_at__isnull=True)
    waiting = issue.deliveries.filter(free, status=Delivery.Status.PENDING)
    ids = list(waiting.order_by("pk").values_list("pk", flat=True))
    tokens = []
    now = timezone.now()
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        token = new_token("b")
        # The filter again: a copy a worker took meanwhile stays with that worker.
        waiting.filter(pk__gte=chunk[0], pk__lte=chunk[-1]).update(claimed_by=token, claimed_at=now)
        tokens.append(token)
    return tokens


def enqueue_batches(issue, tokens):
    for token in tokens:
        send_batch.enqueue(issue.pk, token)
    if not tokens:
        finish_if_done(issue)


def finish_if_done(issue):
    """Mark `issue` sent once no copy waits; True when it is (or already was)."""
    waiting = Delivery.objects.filter(issue=OuterRef("pk"), status=Delivery.Status.PENDING)
    Issue.objects.filter(pk=issue.pk, sent_at__isnull=True).exclude(Exists(waiting)).update(
        sent_at=timezone.now()
    )
    return Issue.objects.filter(pk=issue.pk, sent_at__isnull=False).exists()


@dataclass
class BatchOutcome:
    sent: int = 0
    failed: int = 0
    # Copies given back to the batch to try again later, and why.
    deferred: int = 0
    error: str = ""


class ConnectionLost(Exception):
    """The mail server could not be reached, or dropped the connection."""


def classify(error):
    """Whether an error sending one copy is "temporary", "permanent" or "connection"."""
    # smtplib's errors are OSErrors too: the connection-wide ones are told apart first.
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return "connection"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return "permanent" if codes and min(codes) >= 500 else "temporary"
    if isinstance(error, smtplib.SMTPResponseException):
        return "permanent" if error.smtp_code >= 500 else "temporary"
    if isinstance(error, AnymailRecipientsRefused):
        return "permanent"
    if isinstance(error, smtplib.SMTPException | AnymailError):
        return "temporary"
    if isinstance(error, OSError):
        return "connection"
    raise error


class Pacer:
    """Spaces sends to NEWSLETTER_SEND_RATE per second (0: no limit)."""

    def __init__(self, rate):
        self.interval = 1 / rate if rate else 0
        self.next_at = time.monotonic()

    def wait(self):
        if self.interval:
            delay = self.next_at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self.next_at = max(self.next_at, time.monotonic()) + self.interval


def run_batch(issue, token, *, on_sent=None):
    """Send the copies batch `token` holds over one connection; see the module docstring.

    `on_sent` is called after each copy is marked sent (the command's progress bar)."""
    issue = Issue.objects.select_related("newsletter").get(pk=issue.pk)
    run = new_token("r")
    # One UPDATE takes the batch: a second worker running it too finds nothing to take.
    taken = issue.deliveries.filter(claimed_by=token, status=Delivery.Status.PENDING).update(
        claimed_by=run, claimed_at=timezone.now()
    )
    outcome = BatchOutcome()
    if not taken:
        return outcome
    mine = issue.deliveries.filter(claimed_by=run, status=Delivery.Status.PENDING)
    copies = list(mine.select_related("subscriber").order_by("pk"))
    email = IssueEmail(issue)
    pacer = Pacer(settings.NEWSLETTER_SEND_RATE)
    renewed_at = timezone.now()
    connection = get_connection()
    try:
        try:
            connection.open()
        except (OSError, smtplib.SMTPException) as error:
            raise ConnectionLost(f"Could not reach the mail server: {error}") from error
        for delivery in copies:
            if timezone.now() - renewed_at > HEARTBEAT:
                renewed_at = timezone.now()
                mine.update(claimed_at=renewed_at)
            pacer.wait()
            send_copy(email, delivery, run, connection, outcome)
            if on_sent is not None:
                on_sent()
    except ConnectionLost as error:
        outcome.error = str(error)
    finally:
        try:
            connection.close()
        except (OSError, smtplib.SMTPException):
            logger.info("The mail server had already closed the connection.")
    # Whatever was not sent or failed goes back to the batch, to be tried again.
    outcome.deferred = mine.update(claimed_by=token, claimed_at=timezone.now())
    return outcome


def send_copy(email, delivery, run, connection, outcome):
    """Send one copy and record what happened; raises ConnectionLost to stop the batch."""
    message = email.message(delivery.subscriber, connection=connection)
    try:
        message.send()
    except Exception as error:  # classify() re-raises what is not a sending failure
        kind = classify(error)
        failed = kind == "permanent" or delivery.attempts + 1 >= MAX_ATTEMPTS
        Delivery.objects.filter(pk=delivery.pk, claimed_by=run).update(
            attempts=delivery.attempts + 1,
            error=f"{type(error).__name__}: {error}"[:2000],
            **({"status": Delivery.Status.FAILED} if failed else {}),
        )
        if failed:
            outcome.failed += 1
        if kind == "connection":
            # The server may or may not have taken this copy: it stays waiting, and is
            # the one copy a retry can deliver twice.
            raise ConnectionLost(str(error)) from error
        return
    # Marked at once, one row at a time: a worker killed now loses at most this mark.
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.SENT,
        sent_at=timezone.now(),
        message_id=message.extra_headers["Message-ID"],
        attempts=delivery.attempts + 1,
        error="",
        claimed_by="",
    )
    outcome.sent += 1


def give_up(issue, token, error):
    """Mark the copies of a batch that never reached the server failed."""
    return issue.deliveries.filter(claimed_by=token, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.FAILED, error=f"Gave up: {error}"[:2000]
    )


def resume_sending(issue, *, force=False, enqueue=True):
    """Hand the waiting copies of a stalled send to new batches; returns their tokens.

    Without `force`, only copies no worker has touched for STALE_CLAIM; with it (the
    operator says the workers are stopped), every waiting copy."""
    if issue.is_sent or issue.sending_started_at is None:
        raise SendRefused(gettext("Only an issue being sent can be resumed."))
    stale_before = timezone.now() + timedelta(days=1) if force else stale_cutoff()
    # Also for a send stopped before its log was written; logged copies stay as they are.
    write_log(issue)
    tokens = split_into_batches(issue, stale_before=stale_before)
    if enqueue:
        enqueue_batches(issue, tokens)
    return tokens


def stale_cutoff():
    return timezone.now() - STALE_CLAIM


def stalled_issues():
    """Issues being sent for STALE_CLAIM whose waiting copies no worker has claimed since,
    or whose log was never written."""
    copies = Delivery.objects.filter(issue=OuterRef("pk"))
    waiting = copies.filter(status=Delivery.Status.PENDING)
    recent = waiting.filter(claimed_at__gte=stale_cutoff())
    return Issue.objects.filter(
        Exists(waiting) | ~Exists(copies),
        ~Exists(recent),
        sending_started_at__lt=stale_cutoff(),
        sent_at__isnull=True,
    )


def due_issues():
    """Scheduled issues whose time has come and whose sending has not started."""
    return Issue.objects.filter(
        send_at__lte=timezone.now(), sending_started_at__isnull=True, sent_at__isnull=True
    )


def progress(issue):
    """Counts of the issue's copies by status, and the copies sent in the last minute
    per second."""
    counts = dict(
        issue.deliveries.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    minute_ago = timezone.now() - timedelta(minutes=1)
    recent = issue.deliveries.filter(status=Delivery.Status.SENT, sent_at__gte=minute_ago)
    return {
        "sent": counts.get(Delivery.Status.SENT, 0),
        "pending": counts.get(Delivery.Status.PENDING, 0),
        "failed": counts.get(Delivery.Status.FAILED, 0),
        "total": sum(counts.values()),
        "rate": recent.count() / 60,
    }


@task(queue_name="newsletters")
def prepare_issue(issue_id):
    """Write the delivery log of an issue and queue its batches."""
    issue = Issue.objects.get(pk=issue_id)
    logged = write_log(issue)
    tokens = split_into_batches(issue)
    enqueue_batches(issue, tokens)
    return {"logged": logged, "batches": len(tokens)}


@task(queue_name="newsletters")
def send_batch(issue_id, token, retry=0):
    """Send one batch; queued again after a delay while the mail server is unreachable."""
    issue = Issue.objects.get(pk=issue_id)
    outcome = run_batch(issue, token)
    if outcome.deferred:
        if retry + 1 >= MAX_BATCH_RETRIES:
            outcome.failed += give_up(issue, token, outcome.error)
        else:
            run_after = timezone.now() + retry_delay(retry)
            # The claim stays live until the retry is due, so the wait does not look like
            # a stalled send to be resumed at once.
            issue.deliveries.filter(claimed_by=token, status=Delivery.Status.PENDING).update(
                claimed_at=run_after
            )
            send_batch.using(run_after=run_after).enqueue(issue_id, token, retry + 1)
    finish_if_done(issue)
    return {"sent": outcome.sent, "failed": outcome.failed, "deferred": outcome.deferred}


@task(queue_name="newsletters")
def start_scheduled(issue_id, send_at):
    """Start a scheduled issue, unless its time was changed or it was started since."""
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None or issue.send_at is None or issue.send_at.isoformat() != send_at:
        return "rescheduled"
    try:
        start_sending(issue)
    except SendRefused as refusal:
        return str(refusal)
    return "started"


def send_in_foreground(issue, *, resume=False, on_sent=None, on_wait=None):
    """Send `issue` in this process, batch after batch, waiting out retries here; with
    `resume`, the waiting copies of a send whose workers are stopped.

    For `manage.py send_newsletter`: nothing is queued, so no worker shares the work."""
    if resume:
        tokens = resume_sending(issue, force=True, enqueue=False)
    else:
        start_sending(issue, enqueue=False)
        write_log(issue)
        tokens = split_into_batches(issue)
    batches = [(token, 0) for token in tokens]
    while batches:
        token, retry = batches.pop(0)
        outcome = run_batch(issue, token, on_sent=on_sent)
        if not outcome.deferred:
            continue
        if retry + 1 >= MAX_BATCH_RETRIES:
            give_up(issue, token, outcome.error)
            continue
        delay = retry_delay(retry)
        if on_wait is not None:
            on_wait(outcome, delay)
        time.sleep(delay.total_seconds())
        batches.append((token, retry + 1))
    return finish_if_done(issue)
