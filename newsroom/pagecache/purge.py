"""Telling a CDN which public addresses a change affects (CACHE_PURGE_HOOK)."""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# (models or None for any, function of an item giving the public addresses showing it)
_addresses = []


def shown_at(function, models=None):
    """Register `function(item)`: public addresses that show `item` (an instance of one of
    `models`, or of any model when None), for purging a CDN when the item changes."""
    _addresses.append((tuple(models) if models else None, function))


def purge_urls(items):
    """Tell the configured purge hook which public URLs changed, if one is configured."""
    hook_path = getattr(settings, "CACHE_PURGE_HOOK", "")
    if not hook_path or not items:
        return
    urls = set()
    for item in items:
        urls.update(urls_showing(item))
    if not urls:
        return
    try:
        import_string(hook_path)(sorted(urls))
    except Exception:
        # A CDN outage must never fail an editor's save; the CDN's max-age bounds staleness.
        logger.exception("Cache purge hook %s failed", hook_path)


def http_purge(urls):
    """Purge hook for CDNs and proxies that accept PURGE requests (Varnish, Fastly, nginx).

    Sends `PURGE <CACHE_PURGE_URL><path>` for each URL, with a short timeout.
    """
    import urllib.request

    base = settings.CACHE_PURGE_URL.rstrip("/")
    for url in urls:
        request = urllib.request.Request(base + url, method="PURGE")  # noqa: S310 - operator's URL
        with urllib.request.urlopen(request, timeout=2):  # noqa: S310
            pass


def urls_showing(item):
    """The public addresses whose content depends on `item`: its own page and those the
    apps registered with `shown_at`."""
    own = getattr(item, "get_absolute_url", None)
    urls = [own()] if own else []
    for models, function in _addresses:
        if models is None or isinstance(item, models):
            urls += function(item)
    return [url for url in urls if url]
