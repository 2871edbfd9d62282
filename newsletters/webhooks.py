"""
Bounces and complaints, as the mail provider reports them through django-anymail's
tracking webhook (/newsletters/anymail/<provider>/tracking/, guarded by
ANYMAIL_WEBHOOK_SECRET): an address that bounced is never sent to again, and one whose
owner marked an email as spam leaves every list as well.
"""

import logging
import re

from anymail.signals import EventType, tracking
from django.conf import settings
from django.dispatch import receiver
from django.utils import timezone

from .models import Subscriber, Subscription, normalize_email

logger = logging.getLogger(__name__)

# "rejected" is the provider refusing to send at all, usually because the address is on
# its own suppression list; "bounced" is the receiving server refusing the message.
BOUNCES = {EventType.BOUNCED, EventType.REJECTED}
# The first SMTP reply code or enhanced status code in a server's answer ("550 5.1.1 No
# such user", "smtp;452 4.2.2 Mailbox full").
SMTP_CODE = re.compile(r"\b([245])(?:\d\d|\.\d{1,3}\.\d{1,3})\b")


def is_permanent(event):
    """A bounce the address will give again. Most providers report a temporary failure
    as "deferred", but some (Postmark's soft bounces) as "bounced": a 4xx answer from the
    receiving server (mailbox full, try later) does not end the subscription."""
    if event.event_type == EventType.REJECTED:
        return True
    code = SMTP_CODE.search(event.mta_response or "")
    return code is None or code.group(1) != "4"


def suppress(address, reason):
    """Stop all mail to `address`; the first reason recorded stays. False if unknown."""
    subscriber = Subscriber.objects.filter(email=normalize_email(address)).first()
    if subscriber is None:
        return False
    if subscriber.suppressed_at is None:
        subscriber.suppressed_at = timezone.now()
        subscriber.suppression_reason = reason
        subscriber.save(update_fields=["suppressed_at", "suppression_reason"])
    if reason == "complained":
        Subscription.objects.filter(subscriber=subscriber).delete()
    return True


@receiver(tracking, dispatch_uid="newsletters.webhooks.on_tracking")
def on_tracking(sender, event, esp_name, **kwargs):
    if not settings.ANYMAIL.get("WEBHOOK_SECRET"):
        # Unguarded, the webhook would let anyone post a forged bounce and stop the mail
        # to any address.
        logger.warning("Ignored a %s report: set ANYMAIL_WEBHOOK_SECRET to act on them.", esp_name)
        return
    if not event.recipient:
        return
    if event.event_type in BOUNCES and is_permanent(event):
        suppress(event.recipient, "bounced")
    elif event.event_type == EventType.COMPLAINED:
        suppress(event.recipient, "complained")
