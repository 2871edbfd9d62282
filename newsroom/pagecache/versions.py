"""
Versions of tags, shared by every worker: a cached page or fragment is current while
each tag it recorded still has the version it had when it was stored. A global epoch,
bumped on every change, keeps the common case to one lookup.
"""

import functools
import hashlib
import logging
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

from .purge import purge

logger = logging.getLogger(__name__)

EPOCH = "epoch"
EVERYTHING = "everything"
NEXT_PUBLICATION = "next-publication"

VERSION_KEY_PREFIX = "version:"
# Callables returning the next scheduled publication time (or None), one per listed model.
schedules = []


def invalidate(tags, *, changed_items=()):
    """Bump `tags` once the current transaction commits (at once outside one).

    Waiting for the commit matters: a page rendered from the old rows after an early bump
    would be stored under the new versions and stay stale.
    """
    tags = set(tags)
    items = list(changed_items) if settings.CACHE_PURGE_HOOK else []

    def apply():
        bump_or_retry_later(tags)
        purge(items, tags)

    transaction.on_commit(apply)


# Tags whose bump this process could not write (the cache server was away), retried
# before the next request it serves looks anything up.
_unwritten = set()


def bump_or_retry_later(tags):
    """Bump `tags`; if the cache is away, keep them for retry_unwritten().

    The edit has committed: an editor's save must not fail because the cache did, and
    the pages it changed must not be served until their timeout once the cache is back.
    """
    try:
        bump(_unwritten | set(tags))
    except Exception:
        _unwritten.update(tags)
        logger.warning(
            "Page cache unavailable; %d changes will be retried", len(tags), exc_info=True
        )
    else:
        _unwritten.clear()


def retry_unwritten():
    """Write the bumps a stalled cache refused, if any (no work when there are none)."""
    if _unwritten:
        bump_or_retry_later(set())


def object_tag(model, pk):
    return f"{model._meta.label_lower}:{pk}"


def list_tag(model):
    return f"list:{model._meta.label_lower}"


def rows_changed(model, pks, *, purge_limit=100):
    """For bulk updates of `model`'s rows `pks`, which bypass the model's signals: their
    pages and lists change. At most `purge_limit` of them are named to a purge hook."""
    if not pks:
        return
    invalidate(
        {list_tag(model), *(object_tag(model, pk) for pk in pks)},
        changed_items=list(model._default_manager.filter(pk__in=pks)[:purge_limit])
        if settings.CACHE_PURGE_HOOK
        else [],
    )


def invalidate_everything():
    """For bulk writes that bypass model signals (seeding, raw imports)."""
    invalidate({EVERYTHING})


def bump(tags):
    """Give each tag a new version, so every page that recorded the old one is stale."""
    token = uuid.uuid4().hex
    # The epoch first: whoever then reads a new version also finds the epoch moved, and so
    # never stores what it loaded before the change under the new version (see below).
    versions_cache().set_many(
        {EPOCH: token} | {VERSION_KEY_PREFIX + tag: token for tag in tags}, timeout=None
    )
    # Any change may have scheduled or unscheduled something.
    versions_cache().delete(NEXT_PUBLICATION)


def versions_cache():
    return caches[settings.PAGE_CACHE_VERSIONS_ALIAS]


def pages_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def next_publication_at():
    """When the next scheduled item goes live (cached until the next change, or until then)."""
    cache = versions_cache()
    stamp = cache.get(NEXT_PUBLICATION)
    # Once that item is live the one after it bounds lifetimes; a stale stamp would keep
    # every entry expired, and with it the cache, until the next edit.
    if stamp is None or 0 < stamp <= time.time():
        times = [when for when in (schedule() for schedule in schedules) if when is not None]
        stamp = min(times).timestamp() if times else 0
        cache.set(NEXT_PUBLICATION, stamp, timeout=None)
    return stamp or None


def current_epoch():
    cache = versions_cache()
    epoch = cache.get(EPOCH)
    if epoch is None:
        # First request, or the store lost it: start a new epoch nothing cached can match.
        cache.add(EPOCH, uuid.uuid4().hex, timeout=None)
        epoch = cache.get(EPOCH)
    return epoch


def is_fresh(entry, epoch, key):
    """True while nothing `entry` (a page or fragment) depends on has changed."""
    if entry.expires_at <= time.time():
        return False
    if entry.epoch == epoch:
        return True
    versions = entry.versions
    current = versions_cache().get_many([VERSION_KEY_PREFIX + tag for tag in versions])
    if any(current.get(VERSION_KEY_PREFIX + tag) != v for tag, v in versions.items()):
        return False
    # Nothing it shows has changed: remember that under the new epoch.
    entry.epoch = epoch
    pages_cache().set(key, entry, timeout=max(1, int(entry.expires_at - time.time())))
    return True


def current_versions(tags):
    """The versions of `tags` now, giving a first version to tags that have none yet."""
    versions = versions_cache().get_many([VERSION_KEY_PREFIX + tag for tag in tags])
    missing = {
        VERSION_KEY_PREFIX + tag: uuid.uuid4().hex
        for tag in tags
        if VERSION_KEY_PREFIX + tag not in versions
    }
    if missing:
        # A lost version never matches, so a kept entry can never outlive its data.
        versions_cache().set_many(missing, timeout=None)
        versions |= missing
    return {key[len(VERSION_KEY_PREFIX) :]: value for key, value in versions.items()}


def expiry():
    """When an entry stored now must be dropped: its timeout, the next publication, or
    the next local midnight, when "14:05" in a list becomes "Yesterday, 14:05"."""
    times = [time.time() + settings.PAGE_CACHE_TIMEOUT, next_midnight()]
    next_publication = next_publication_at()
    if next_publication:
        times.append(next_publication)
    return min(times)


def next_midnight():
    """The next midnight in the site's time zone, as a timestamp."""
    now = timezone.localtime()
    tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
    return timezone.make_aware(tomorrow).timestamp()


@functools.cache
def release():
    """A stamp of the code, templates, translations and static files this process serves."""
    base = Path(settings.BASE_DIR)
    # The project's own apps make the pages: a change to their code is a new release.
    own_apps = [
        Path(config.path) for config in apps.get_app_configs() if Path(config.path).parent == base
    ]
    digest = hashlib.sha256()
    paths = [
        *sorted((base / "templates").rglob("*.html")),
        *sorted(path for app in own_apps for path in app.rglob("*.py")),
        *sorted(path for folder in settings.LOCALE_PATHS for path in Path(folder).rglob("*.mo")),
        Path(settings.STATIC_ROOT) / "staticfiles.json",
    ]
    for path in paths:
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
