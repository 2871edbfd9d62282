"""A real SMTP server and a real task worker for the newsletter tests."""

import socket
import threading
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command


class Mailbox:
    """What the SMTP server received: each message parsed, with its envelope."""

    def __init__(self):
        self.messages = []
        self.condition = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        with self.condition:
            self.messages.append((envelope.rcpt_tos, message))
            self.condition.notify_all()
        return "250 OK"

    def to(self, address):
        """The messages whose envelope names `address`."""
        return [message for recipients, message in self.messages if address in recipients]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A local SMTP server the site sends through; `smtp_server.messages` is what arrived."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield mailbox
    controller.stop()


@pytest.fixture
def run_tasks(monkeypatch):
    """Run the task worker (django-tasks-db's db_worker) until no task is waiting."""
    # Between tasks the worker drops its database connection when it is not in autocommit,
    # as a request would; inside a test's transaction that is the test's own connection
    # (on PostgreSQL: Django never closes SQLite's in-memory one).
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run():
        call_command("db_worker", batch=True, queue_name="*", startup_delay=False, reload=False)

    return run
