"""
Parts of pages kept like pages: fragments many pages share (the navigation, the News
Feed strip) and teasers, each kept until something it shows changes.
"""

import hashlib
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from .recording import collected_tags, record, request_state, shown_tags
from .versions import (
    EVERYTHING,
    current_epoch,
    current_versions,
    expiry,
    is_fresh,
    pages_cache,
    release,
)

logger = logging.getLogger(__name__)

FRAGMENT_KEY_PREFIX = "fragment:"


@dataclass
class CachedFragment:
    value: object
    epoch: str
    versions: dict
    expires_at: float


def cached_fragment(name, compute, depends=()):
    """`compute()`, kept like a page until something it loaded, or a tag in `depends`,
    changes.

    For parts many pages share (the navigation, the News Feed strip) and parts a page
    loses with unrelated changes (an article's own text, when a new story changes the
    News Feed strip beside it): the enclosing page still records every tag of the
    fragment, so its own invalidation stays exact.
    """
    state = request_state.get()
    if not settings.FRAGMENT_CACHE_ENABLED or state is None:
        # Not a reader's request (staff, previews, the admin): drawn afresh.
        return compute()
    # Per edition: a fragment holds the edition's items in its language.
    raw = f"{release()}|{get_language()}|{name}"
    key = FRAGMENT_KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()
    try:
        epoch = state.epoch
        entry = pages_cache().get(key)
        if entry is not None and is_fresh(entry, epoch, key):
            record(*entry.versions)
            return entry.value
    except Exception:
        logger.warning("Fragment cache unavailable", exc_info=True)
        return compute()
    collected = {EVERYTHING, *depends}
    token = collected_tags.set(collected)
    try:
        value = compute()
    finally:
        collected_tags.reset(token)
    record(*collected)
    try:
        versions = current_versions(collected)
        if current_epoch() == epoch:
            expires_at = expiry()
            entry = CachedFragment(value, epoch, versions, expires_at)
            pages_cache().set(key, entry, timeout=max(1, int(expires_at - time.time())))
    except Exception:
        logger.warning("Fragment cache unavailable; fragment not stored", exc_info=True)
    return value


def cached_teaser(instance, variant, render):
    """`render()`, the HTML of `instance`'s teaser in `variant`, kept until the instance or
    a row shown with it (its section, its photo) changes.

    The key holds the versions of those rows, so a change needs no invalidation: the next
    page asks for a key that does not exist yet. The first teaser of a request looks up
    the versions of every row the request has loaded, which covers the teasers after it.
    """
    state = request_state.get()
    if state is None or not settings.FRAGMENT_CACHE_ENABLED:
        return render()
    tags = [EVERYTHING, *shown_tags(instance)]
    record(*tags)
    try:
        if any(tag not in state.versions for tag in tags):
            state.versions |= current_versions((state.loaded | set(tags)) - state.versions.keys())
        stamp = "|".join(f"{tag}={state.versions[tag]}" for tag in tags)
        # Per day: a teaser's "14:05" is "Yesterday, 14:05" tomorrow; per language, as
        # a fragment is.
        day = timezone.localdate().isoformat()
        key = (
            FRAGMENT_KEY_PREFIX
            + hashlib.sha256(
                f"{release()}|{get_language()}|{day}|{variant}|{stamp}".encode()
            ).hexdigest()
        )
        html = pages_cache().get(key)
    except Exception:
        logger.warning("Fragment cache unavailable", exc_info=True)
        return render()
    if html is None:
        html = render()
        try:
            # Unchanged epoch: nothing changed since the request began, so the versions
            # in the key describe what was rendered.
            if current_epoch() == state.epoch:
                pages_cache().set(key, html, timeout=settings.PAGE_CACHE_TIMEOUT)
        except Exception:
            logger.warning("Fragment cache unavailable; teaser not stored", exc_info=True)
    return html
