"""
The signed links in every newsletter email: confirm, preferences, unsubscribe.

Each signs the subscriber's random `key`, never the row's id, so a link names no one
and erasing a subscriber voids every link they ever received. Confirmation links expire
(NEWSLETTER_CONFIRMATION_DAYS); preferences and unsubscribe links do not, because an old
email must still let its reader leave.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

CONFIRM_SALT = "newsletters.confirm"
PREFERENCES_SALT = "newsletters.preferences"
UNSUBSCRIBE_SALT = "newsletters.unsubscribe"


class BadLink(Exception):
    """The link was not made here, was altered, or has expired."""


def site_url(path):
    """`path` as an absolute address on the public host, for emails and their headers."""
    scheme = "https" if settings.HTTPS else "http"
    return f"{scheme}://{settings.NEWSROOM_SITE_DOMAIN}{path}"


def confirm_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscriber.key)


def confirmed_key(token):
    """The subscriber key a confirmation link carries, if it is genuine and not expired."""
    max_age = timedelta(days=settings.NEWSLETTER_CONFIRMATION_DAYS)
    try:
        return signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadLink("expired") from error
    except signing.BadSignature as error:
        raise BadLink("forged") from error


def preferences_token(subscriber):
    return signing.Signer(salt=PREFERENCES_SALT).sign(subscriber.key)


def preferences_key(token):
    try:
        return signing.Signer(salt=PREFERENCES_SALT).unsign(token)
    except signing.BadSignature as error:
        raise BadLink("forged") from error


def unsubscribe_token(subscriber, newsletter):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(
        {"k": subscriber.key, "n": newsletter.pk}
    )


def unsubscribe_target(token):
    """(subscriber key, newsletter id) from an unsubscribe link."""
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
        return value["k"], value["n"]
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadLink("forged") from error


def confirm_url(subscriber):
    return site_url(reverse("newsletters:confirm", kwargs={"token": confirm_token(subscriber)}))


def preferences_url(subscriber):
    return site_url(
        reverse("newsletters:preferences", kwargs={"token": preferences_token(subscriber)})
    )


def unsubscribe_url(subscriber, newsletter):
    """The one-click address: a page with a button for people, and the target of the
    RFC 8058 POST mail clients send."""
    return site_url(
        reverse(
            "newsletters:unsubscribe",
            kwargs={"token": unsubscribe_token(subscriber, newsletter)},
        )
    )
