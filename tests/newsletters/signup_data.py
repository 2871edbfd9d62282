"""Lists, readers and requests for the sign-up tests."""

import re

from django.urls import reverse

from newsletters.models import Newsletter, Subscriber

LINK = re.compile(r"https?://testserver(/newsletters/[a-z]+/[^/\s\"<]+/)")


def daily(**fields):
    return Newsletter.objects.create(
        **{
            "name": "Daily Briefing",
            "slug": "daily-briefing",
            "description": "The day's five stories, before breakfast.",
            "cadence": "Every weekday morning",
            "is_default": True,
            **fields,
        }
    )


def weekly(**fields):
    return Newsletter.objects.create(
        **{
            "name": "Weekend Reads",
            "slug": "weekend-reads",
            "description": "Long pieces for a slow Saturday.",
            "cadence": "Saturdays",
            "position": 1,
            **fields,
        }
    )


def sign_up(client, email, *newsletters, **extra):
    """POST the newsletters page's form, as a browser on this site sends it."""
    return client.post(
        reverse("newsletters:subscribe"),
        {"email": email, "newsletters": [n.pk for n in newsletters]},
        headers={"Sec-Fetch-Site": "same-origin", **extra.pop("headers", {})},
        **extra,
    )


def confirmed(email, *newsletters):
    from django.utils import timezone

    subscriber = Subscriber.objects.create(email=email, confirmed_at=timezone.now())
    subscriber.newsletters.add(*newsletters)
    return subscriber


def links_in(message):
    """The site paths linked from both parts of an email, text first."""
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    return LINK.findall(text), LINK.findall(html)
