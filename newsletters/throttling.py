"""
How often sign-ups may send mail: per address, so no one can fill a stranger's inbox with
confirmation requests, and per client address, so no one can flood the form.

Counts live in the cache every worker shares (the "versions" cache: the database, or
Redis with REDIS_URL). The default cache is a per-process memory without Redis, where
each worker would count on its own and the limits would multiply by the workers.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches

from newsroom.security import client_ip

# Confirmation (or "already subscribed") emails one address may be sent in a day.
EMAILS_PER_ADDRESS = 3
ADDRESS_WINDOW = 24 * 60 * 60
# Sign-up requests one client address may make in an hour: a household or an office
# behind one address signs up a few people; a script tries hundreds.
SIGNUPS_PER_CLIENT = 20
CLIENT_WINDOW = 60 * 60


def _cache():
    return caches[settings.PAGE_CACHE_VERSIONS_ALIAS]


def _allow(scope, value, limit, window):
    """True, and counted, if `value` has done this fewer than `limit` times in the last
    `window` seconds.

    The entry is the list of times within the window, so the window slides: a limit of
    three a day is never six across midnight. Two requests at the same instant may both
    pass; a throttle needs no stricter count than that.
    """
    digest = hashlib.sha256(value.encode()).hexdigest()
    key = f"newsletters:throttle:{scope}:{digest}"
    now = time.time()
    recent = [moment for moment in _cache().get(key, []) if moment > now - window]
    if len(recent) >= limit:
        return False
    _cache().set(key, [*recent, now], timeout=window)
    return True


def allow_email_to(address):
    """May one more sign-up email go to `address` today? Counts it if so."""
    return _allow("address", address, EMAILS_PER_ADDRESS, ADDRESS_WINDOW)


def allow_signup_from(request):
    """May this client make one more sign-up request now? Counts it if so.

    The client is told apart the way logins are (TRUSTED_PROXY_COUNT), so a forged
    X-Forwarded-For does not buy a fresh count.
    """
    return _allow("client", client_ip(request) or "unknown", SIGNUPS_PER_CLIENT, CLIENT_WINDOW)
