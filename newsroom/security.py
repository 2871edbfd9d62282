"""Security helpers shared by settings: how to tell clients apart behind proxies, and
what a successful login forgives."""

from django.conf import settings


def client_ip(request):
    """The address a request came from, for login throttling (django-axes).

    With no proxy in front this is REMOTE_ADDR. Behind TRUSTED_PROXY_COUNT proxies that
    each append to X-Forwarded-For, it is the entry the outermost trusted proxy added;
    anything to its left was written by the client and could be forged, so it is ignored.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote_addr
    return forwarded[-count]


def forgive_own_failures(sender, request, user, **kwargs):
    """After a successful login, forget the failed attempts at that username only.

    django-axes' own reset would also clear the failures counted against the address,
    among them guesses at other people's passwords made from it.
    """
    from axes.models import AccessAttempt

    AccessAttempt.objects.filter(username=user.get_username()).delete()
