"""
Double opt-in: what a sign-up changes, and the one email it may send.

A sign-up never sends a newsletter. It stores the address as pending with the lists it
chose and mails a link; only the click (`confirm`) makes the address one that issues
are sent to. The email goes out from the task worker, so a slow mail server never holds
up the reader's request, and at most `throttling.EMAILS_PER_ADDRESS` a day.

Whoever types an address into the form may not be its owner, so the form's answer is
the same whatever the address is, and a confirmed subscriber's lists never change
through it: they are told they are already subscribed, with a link to their
preferences, where the owner adds lists themselves.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from . import links, throttling
from .models import Newsletter, Subscriber, Subscription


@transaction.atomic
def request_subscription(address, newsletters):
    """A reader asked for `address` to join `newsletters` (public lists) through the form.

    Pending addresses get the chosen lists and a confirmation email; confirmed ones an
    "already subscribed" email naming the lists asked for; suppressed ones (bounced,
    marked as spam) nothing. Either email only if the address's daily limit allows.
    """
    subscriber, _ = Subscriber.objects.select_for_update().get_or_create(email=address)
    if subscriber.suppressed_at is not None:
        return
    if subscriber.is_confirmed:
        if throttling.allow_email_to(address):
            send_already_subscribed.enqueue(subscriber.pk, [n.pk for n in newsletters])
        return
    for newsletter in newsletters:
        Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
    if throttling.allow_email_to(address):
        send_confirmation.enqueue(subscriber.pk)


def confirm(subscriber):
    """The owner clicked the link: from now on the subscriber's lists are sent to it."""
    subscriber.confirmed_at = timezone.now()
    subscriber.save(update_fields=["confirmed_at"])


def _send(subscriber, subject, template, context):
    context = {"site_name": settings.NEWSROOM_SITE_NAME, "subscriber": subscriber, **context}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"newsletters/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
    )
    message.attach_alternative(
        render_to_string(f"newsletters/{template}.html", context), "text/html"
    )
    message.send()


def list_names(newsletters):
    names = [newsletter.name for newsletter in newsletters]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@task(queue_name="newsletters")
def send_confirmation(subscriber_id):
    """Mail the confirmation link to a pending subscriber, unless that changed since."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.is_confirmed or subscriber.suppressed_at is not None:
        return
    newsletters = list(subscriber.newsletters.all())
    if not newsletters:
        return
    _send(
        subscriber,
        gettext("Confirm your subscription to %(newsletters)s")
        % {"newsletters": list_names(newsletters)},
        "confirmation_email",
        {
            "newsletters": newsletters,
            "confirm_url": links.confirm_url(subscriber),
            "days": settings.NEWSLETTER_CONFIRMATION_DAYS,
        },
    )
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=timezone.now())


@task(queue_name="newsletters")
def send_already_subscribed(subscriber_id, newsletter_ids):
    """Tell a confirmed subscriber someone asked for lists for them, and where to add them."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.suppressed_at is not None:
        return
    asked = list(Newsletter.objects.filter(pk__in=newsletter_ids, is_public=True))
    _send(
        subscriber,
        gettext("You are already subscribed to %(site)s newsletters")
        % {"site": settings.NEWSROOM_SITE_NAME},
        "already_subscribed_email",
        {
            "asked": asked,
            "current": list(subscriber.newsletters.all()),
            "preferences_url": links.preferences_url(subscriber),
        },
    )
