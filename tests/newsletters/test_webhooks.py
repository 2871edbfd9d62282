"""
Bounces and complaints reported by the mail provider stop all mail to the address: sent
as django-anymail sends its tracking signal, and once through its Postmark webhook.
"""

import base64
import json

import pytest
from anymail.signals import AnymailTrackingEvent, EventType, tracking
from django.urls import reverse

from newsletters.models import Subscriber

from .signup_data import confirmed, daily, weekly

pytestmark = pytest.mark.django_db
SECRET = "postmark:s3cret-webhook"


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}


def report(event_type, recipient, mta_response=None):
    """What anymail's webhook views do with a provider's report."""
    event = AnymailTrackingEvent(
        event_type=event_type, recipient=recipient, mta_response=mta_response, esp_event={}
    )
    tracking.send(sender=object, event=event, esp_name="Test")


@pytest.mark.parametrize(
    "event_type, mta_response",
    [
        (EventType.BOUNCED, "550 5.1.1 The email account that you tried to reach does not exist"),
        (EventType.BOUNCED, None),
        (EventType.REJECTED, None),
    ],
)
def test_a_hard_bounce_suppresses_the_address(event_type, mta_response):
    briefing = daily()
    subscriber = confirmed("reader@example.com", briefing)

    report(event_type, "Reader@Example.com", mta_response)

    subscriber.refresh_from_db()
    assert subscriber.suppression_reason == "bounced"
    assert subscriber.suppressed_at is not None
    assert not subscriber.can_receive
    # A bounce says nothing about what the reader wants: their lists stay, should the
    # address work again and an editor lift the suppression.
    assert list(subscriber.newsletters.all()) == [briefing]


def test_a_soft_bounce_or_delay_changes_nothing():
    subscriber = confirmed("reader@example.com", daily())
    report(EventType.BOUNCED, "reader@example.com", "smtp;452 4.2.2 Mailbox full")
    report(EventType.DEFERRED, "reader@example.com", "421 Try again later")
    subscriber.refresh_from_db()
    assert subscriber.can_receive


def test_a_complaint_suppresses_and_unsubscribes_from_every_list():
    subscriber = confirmed("reader@example.com", daily(), weekly())

    report(EventType.COMPLAINED, "reader@example.com")

    subscriber.refresh_from_db()
    assert subscriber.suppression_reason == "complained"
    assert not subscriber.newsletters.exists()


def test_the_first_reason_stays():
    subscriber = confirmed("reader@example.com", daily())
    report(EventType.BOUNCED, "reader@example.com")
    first = Subscriber.objects.get().suppressed_at
    report(EventType.BOUNCED, "reader@example.com")
    subscriber.refresh_from_db()
    assert subscriber.suppressed_at == first


def test_reports_about_unknown_addresses_or_other_events_are_ignored():
    subscriber = confirmed("reader@example.com", daily())
    report(EventType.BOUNCED, "stranger@example.com")
    report(EventType.OPENED, "reader@example.com")
    report(EventType.COMPLAINED, None)
    subscriber.refresh_from_db()
    assert subscriber.can_receive
    assert Subscriber.objects.count() == 1


POSTMARK_BOUNCE = {
    "RecordType": "Bounce",
    "ID": 4323372036854775807,
    "Type": "HardBounce",
    "TypeCode": 1,
    "Name": "Hard bounce",
    "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
    "Description": "The server was unable to deliver your message (ex: unknown user).",
    "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    "Email": "reader@example.com",
    "From": "briefing@news.example",
    "BouncedAt": "2026-12-01T10:00:00Z",
    "Inactive": True,
    "CanActivate": True,
    "Subject": "Daily Briefing",
}


def postmark(client, payload, secret):
    return client.post(
        reverse("newsletters:anymail:postmark_tracking_webhook"),
        json.dumps(payload),
        content_type="application/json",
        headers={"Authorization": "Basic " + base64.b64encode(secret.encode()).decode()},
    )


def test_reports_are_ignored_while_the_webhook_is_unguarded(settings):
    """Without a secret anyone could post a forged bounce for any address."""
    settings.ANYMAIL = {}
    subscriber = confirmed("reader@example.com", daily())
    report(EventType.COMPLAINED, "reader@example.com")
    subscriber.refresh_from_db()
    assert subscriber.can_receive
    assert subscriber.newsletters.exists()


def test_postmarks_bounce_webhook_suppresses_the_address(client):
    subscriber = confirmed("reader@example.com", daily())

    response = postmark(client, POSTMARK_BOUNCE, SECRET)

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.suppression_reason == "bounced"


def test_the_webhook_refuses_a_report_without_the_secret(client):
    subscriber = confirmed("reader@example.com", daily())

    response = postmark(client, POSTMARK_BOUNCE, "postmark:guess")

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.can_receive
    assert subscriber.suppressed_at is None
