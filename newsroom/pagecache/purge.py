"""
Telling a CDN what a change affects (CACHE_PURGE_HOOK): the public addresses showing the
changed item, and, with CACHE_TAG_HEADER, the tags it bumped.

Addresses alone cannot reach every page a change touches: a new brief changes the News
Feed strip of every article page. With CACHE_TAG_HEADER set, each page tells the CDN its
tags (the same ones the page cache keeps it under) in that header, and the hook gets the
bumped tags, so that one purge by tag reaches every page showing the change, as the page
cache's own invalidation does.
"""

import logging

from django.conf import settings
from django.utils import translation
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# (models or None for any, function of an item giving the public addresses showing it)
_addresses = []


def shown_at(function, models=None):
    """Register `function(item)`: public addresses that show `item` (an instance of one of
    `models`, or of any model when None), for purging a CDN when the item changes."""
    _addresses.append((tuple(models) if models else None, function))


def tag_header_value(tags):
    """`tags` as CACHE_TAG_HEADER lists them: comma-separated for Cloudflare's Cache-Tag,
    space-separated for Surrogate-Key (Fastly) and xkey (Varnish)."""
    separator = "," if settings.CACHE_TAG_HEADER.lower() == "cache-tag" else " "
    return separator.join(sorted(tags))


def purge(items, tags=()):
    """Tell the configured purge hook which public URLs changed (and, with
    CACHE_TAG_HEADER, which tags), if one is configured."""
    hook_path = getattr(settings, "CACHE_PURGE_HOOK", "")
    if not hook_path:
        return
    urls = set()
    for item in items:
        urls.update(urls_showing(item))
    keys = sorted(tags) if settings.CACHE_TAG_HEADER else []
    if not urls and not keys:
        return
    try:
        hook = import_string(hook_path)
        if keys:
            hook(sorted(urls), tags=keys)
        else:
            hook(sorted(urls))
    except Exception:
        # A CDN outage must never fail an editor's save; the CDN's max-age bounds staleness.
        logger.exception("Cache purge hook %s failed", hook_path)


def http_purge(urls, tags=()):
    """Purge hook for CDNs and proxies that accept PURGE requests (Varnish, Fastly, nginx).

    Sends `PURGE <CACHE_PURGE_URL><path>` for each URL, and for `tags` one
    `PURGE <CACHE_PURGE_URL>/` carrying them in the CACHE_TAG_HEADER header, with a
    short timeout.
    """
    import urllib.request

    base = settings.CACHE_PURGE_URL.rstrip("/")
    requests = [urllib.request.Request(base + url, method="PURGE") for url in urls]  # noqa: S310
    if tags:
        requests.append(
            urllib.request.Request(  # noqa: S310 - the operator's URL
                base + "/",
                method="PURGE",
                headers={settings.CACHE_TAG_HEADER: tag_header_value(tags)},
            )
        )
    for request in requests:
        with urllib.request.urlopen(request, timeout=2):  # noqa: S310
            pass


def urls_showing(item):
    """The public addresses whose content depends on `item`: its own page and those the
    apps registered with `shown_at`, in the item's edition (/uk/… for a Ukrainian one)."""
    with translation.override(getattr(item, "language", None) or translation.get_language()):
        own = getattr(item, "get_absolute_url", None)
        urls = [own()] if own else []
        for models, function in _addresses:
            if models is None or isinstance(item, models):
                urls += function(item)
    return [url for url in urls if url]
