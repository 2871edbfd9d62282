"""What a send does when the mail server or the worker fails: each reader gets the issue
once, and nothing is marked sent that the server did not take."""

from collections import Counter
from datetime import timedelta
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletters import sending
from newsletters.models import Delivery

from . import sending_data as data
from .conftest import Mailbox, free_port

pytestmark = pytest.mark.django_db


class FaultyMailbox(Mailbox):
    """A mailbox that drops the connection at the `drop_at`th message (before taking it),
    and refuses recipients with 550 or 451 as told."""

    def __init__(self, drop_at=None, refuse=(), refuse_once=()):
        super().__init__()
        self.drop_at = drop_at
        self.refuse = set(refuse)
        self.refuse_once = set(refuse_once)
        self.seen = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        if address in self.refuse_once:
            self.refuse_once.discard(address)
            return "451 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.seen += 1
        if self.seen == self.drop_at:
            server.transport.close()
            return None
        return await super().handle_DATA(server, session, envelope)

    def received(self):
        return Counter(address for recipients, _ in self.messages for address in recipients)


@pytest.fixture
def mail_server(settings):
    """Start a (faulty) SMTP server on the port the site sends to, when the test says."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    controllers = []

    def start(mailbox):
        controller = Controller(mailbox, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)
        return mailbox

    yield start
    for controller in controllers:
        controller.stop()


def make_retries_due():
    """Bring the queued retries forward to now, as if their wait had passed."""
    return DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def statuses(issue):
    return Counter(issue.deliveries.values_list("status", flat=True))


def test_a_mail_server_down_at_the_start_is_tried_again_later(mail_server, run_tasks, time_machine):
    morning = data.newsletter()
    readers = data.confirmed_readers(morning, 3)
    issue = data.issue(morning)

    sending.start_sending(issue)
    run_tasks()

    assert statuses(issue) == {Delivery.Status.PENDING: 3}
    assert not issue.deliveries.filter(attempts__gt=0).exists()
    issue.refresh_from_db()
    assert not issue.is_sent
    [retry] = DBTaskResult.objects.filter(status="READY")
    assert retry.run_after > timezone.now()

    mailbox = mail_server(FaultyMailbox())
    assert make_retries_due() == 1
    run_tasks()

    assert mailbox.received() == {reader.email: 1 for reader in readers}
    issue.refresh_from_db()
    assert issue.is_sent


def test_a_long_wait_for_a_retry_is_not_taken_for_a_stalled_send(mail_server, time_machine):
    morning = data.newsletter()
    data.confirmed_readers(morning, 2)
    issue = data.issue(morning)
    sending.start_sending(issue, enqueue=False)
    sending.write_log(issue)
    [batch] = sending.split_into_batches(issue)
    started = timezone.now()

    sending.send_batch.call(issue.pk, batch, 5)  # the sixth try: the next waits 16 minutes

    wait = sending.retry_delay(5)
    assert wait > sending.STALE_CLAIM
    time_machine.move_to(started + wait - timedelta(seconds=5))
    assert not sending.stalled_issues().exists()
    # Once the retry is long overdue, no worker is running it: then it is stalled.
    time_machine.move_to(started + wait + sending.STALE_CLAIM * 1.5)
    assert list(sending.stalled_issues()) == [issue]


def test_a_connection_dropped_mid_batch_keeps_what_was_taken_and_retries_the_rest(
    mail_server, run_tasks
):
    morning = data.newsletter()
    readers = data.confirmed_readers(morning, 5)
    issue = data.issue(morning)
    mailbox = mail_server(FaultyMailbox(drop_at=3))

    sending.start_sending(issue)
    run_tasks()

    # The first two were taken; the third was cut off before the server took it.
    assert sum(mailbox.received().values()) == 2
    assert statuses(issue) == {Delivery.Status.SENT: 2, Delivery.Status.PENDING: 3}
    [cut_off] = issue.deliveries.filter(attempts=1, status=Delivery.Status.PENDING)
    assert "SMTPServerDisconnected" in cut_off.error

    make_retries_due()
    run_tasks()

    assert mailbox.received() == {reader.email: 1 for reader in readers}
    assert statuses(issue) == {Delivery.Status.SENT: 5}


def test_a_refused_recipient_fails_alone(mail_server, run_tasks):
    morning = data.newsletter()
    readers = data.confirmed_readers(morning, 4)
    issue = data.issue(morning)
    mailbox = mail_server(FaultyMailbox(refuse={readers[1].email}))

    sending.start_sending(issue)
    run_tasks()

    assert mailbox.received() == {r.email: 1 for r in readers if r != readers[1]}
    failed = issue.deliveries.get(subscriber=readers[1])
    assert failed.status == Delivery.Status.FAILED
    assert "550" in failed.error
    issue.refresh_from_db()
    assert issue.is_sent  # nothing waits: the failed copy is not tried again


def test_a_recipient_told_to_try_later_gets_the_issue_on_the_retry(mail_server, run_tasks):
    morning = data.newsletter()
    readers = data.confirmed_readers(morning, 3)
    issue = data.issue(morning)
    mailbox = mail_server(FaultyMailbox(refuse_once={readers[0].email}))

    sending.start_sending(issue)
    run_tasks()
    assert statuses(issue) == {Delivery.Status.SENT: 2, Delivery.Status.PENDING: 1}

    make_retries_due()
    run_tasks()

    assert mailbox.received() == {reader.email: 1 for reader in readers}
    assert issue.deliveries.get(subscriber=readers[0]).attempts == 2


class WorkerKilled(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even the batch's own bookkeeping."""


def kill_after(copies):
    real_send_copy = sending.send_copy
    sent = 0

    def send_copy(*args):
        nonlocal sent
        if sent == copies:
            raise WorkerKilled
        real_send_copy(*args)
        sent += 1

    return mock.patch.object(sending, "send_copy", send_copy)


def test_a_send_whose_worker_was_killed_resumes_and_sends_each_copy_once(
    mail_server, run_tasks, time_machine
):
    morning = data.newsletter()
    readers = data.confirmed_readers(morning, 6)
    issue = data.issue(morning)
    mailbox = mail_server(FaultyMailbox())
    sending.start_sending(issue)
    with kill_after(4):
        run_tasks()
    assert statuses(issue) == {Delivery.Status.SENT: 4, Delivery.Status.PENDING: 2}

    # Right after, the claim is fresh: a live worker could still hold it.
    call_command("send_newsletter", due=True)
    assert not sending.stalled_issues().exists()
    time_machine.move_to(timezone.now() + sending.STALE_CLAIM * 1.5)
    assert list(sending.stalled_issues()) == [issue]
    call_command("send_newsletter", due=True)
    run_tasks()

    assert mailbox.received() == {reader.email: 1 for reader in readers}
    issue.refresh_from_db()
    assert issue.is_sent


def test_a_send_stopped_before_its_log_was_written_is_resumed(mail_server, run_tasks, time_machine):
    morning = data.newsletter()
    readers = data.confirmed_readers(morning, 3)
    issue = data.issue(morning)
    mailbox = mail_server(FaultyMailbox())
    sending.start_sending(issue, enqueue=False)  # as if the worker died before the log

    time_machine.move_to(timezone.now() + sending.STALE_CLAIM * 1.5)
    call_command("send_newsletter", due=True)
    run_tasks()

    assert mailbox.received() == {reader.email: 1 for reader in readers}


def test_the_command_resumes_a_killed_send_in_the_foreground(mail_server, run_tasks, capsys):
    morning = data.newsletter()
    readers = data.confirmed_readers(morning, 5)
    issue = data.issue(morning)
    mailbox = mail_server(FaultyMailbox())
    sending.start_sending(issue)
    with kill_after(2):
        run_tasks()

    call_command("send_newsletter", issue.pk, resume=True)

    assert "Sent 5 / 5 (100%)" in capsys.readouterr().err
    assert mailbox.received() == {reader.email: 1 for reader in readers}


def test_two_workers_running_the_same_batch_send_each_copy_once(mail_server):
    morning = data.newsletter()
    readers = data.confirmed_readers(morning, 4)
    issue = data.issue(morning)
    mailbox = mail_server(FaultyMailbox())
    sending.start_sending(issue, enqueue=False)
    sending.write_log(issue)
    [batch] = sending.split_into_batches(issue)
    real_send_copy = sending.send_copy
    second_worker = []

    def send_copy(*args):
        # While the first worker is sending, a second one runs the same batch.
        if not second_worker:
            second_worker.append(sending.run_batch(issue, batch))
        real_send_copy(*args)

    with mock.patch.object(sending, "send_copy", send_copy):
        first_worker = sending.run_batch(issue, batch)

    assert (first_worker.sent, second_worker[0].sent) == (4, 0)
    assert mailbox.received() == {reader.email: 1 for reader in readers}


def test_a_crafted_site_or_list_name_cannot_add_headers(mail_server, run_tasks, settings):
    settings.NEWSROOM_SITE_NAME = 'The "News"\r\nBcc: victim@example.net'
    morning = data.newsletter(name="Morning\r\nBcc: other@example.net\r\n\r\n<b>body</b>")
    [reader] = data.confirmed_readers(morning, 1)
    mailbox = mail_server(FaultyMailbox())

    sending.start_sending(
        data.issue(morning, subject="Budget\r\nBcc: third@example.net", slug="budget")
    )
    run_tasks()

    [(recipients, message)] = mailbox.messages
    assert recipients == [reader.email]
    assert "Bcc" not in message
    assert message["From"].addresses[0].addr_spec == "newsroom@testserver"
    assert message["From"].addresses[0].display_name == 'The "News" Bcc: victim@example.net'
    assert message["Subject"] == "Budget Bcc: third@example.net"
    assert message["List-Id"].endswith("<morning.testserver>")
