"""
Whole-page cache for anonymous readers, invalidated exactly when content changes.

How a page knows what it depends on: while it renders, every tracked model instance
that gets loaded records a tag naming it ("articles.article:12"), and every query for a
list of published items records the list's tag ("list:articles.article"). The cached
entry keeps the version each of its tags had when it was rendered.

How a change reaches the pages: saving or deleting a tracked object bumps its tag, and
bumps its list tag when it joined, left or moved in a list (created, deleted, status,
publication time, section, tags, bylines). A page is served from the cache only while
every one of its tags still has the version it recorded, so each change refreshes
exactly the pages that showed the changed thing, and nothing waits for a timeout.

Versions live in the "versions" cache, which every worker shares (the database by
default, Redis with REDIS_URL). A global epoch, bumped on every change, keeps the common
case to a single lookup: if nothing at all changed since a page was stored, its tags
need not be compared.

A page never outlives the next scheduled publication, so a scheduled item appears at its
time although pages are cached.

Teasers (the cards and News Feed items that repeat from page to page) are also cached
one by one, under the versions of the rows they show: a page the page cache misses is
assembled from the teasers it has in common with pages rendered before.

Keys carry a stamp of the release (templates, code, static manifest), so pages and
teasers rendered by the previous release are not served after a deploy.
"""

import contextvars
import functools
import hashlib
import logging
import re
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.module_loading import import_string
from django.utils.text import compress_string

logger = logging.getLogger(__name__)

EPOCH = "epoch"
EVERYTHING = "everything"
NEXT_PUBLICATION = "next-publication"
PAGE_KEY_PREFIX = "page:"
FRAGMENT_KEY_PREFIX = "fragment:"
# Smaller bodies are not worth compressing (gzip's own overhead).
MIN_GZIP_LENGTH = 200
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
VERSION_KEY_PREFIX = "version:"
# Whose code and templates make the pages: a change to them is a new release.
RELEASE_APPS = ("newsroom", "articles", "authors", "feed", "importers")

# The tags of the page being rendered in this thread or task; None outside a render.
_collected = contextvars.ContextVar("pagecache_collected", default=None)


@dataclass
class RequestState:
    """What a reader's request knows about versions, so its teasers look them up together."""

    # The epoch when the request began, before it loaded anything.
    epoch: str
    versions: dict = field(default_factory=dict)
    # The tags of the tracked rows the request has loaded so far.
    loaded: set = field(default_factory=set)


_request = contextvars.ContextVar("pagecache_request", default=None)

# model -> how its changes spread: its own list, and/or a parent object it belongs to.
_tracked = {}
# Callables returning the next scheduled publication time (or None), one per listed model.
_schedules = []


@dataclass
class Tracking:
    listed: bool = False
    list_fields: tuple = ()
    parent: str | None = None


def object_tag(model, pk):
    return f"{model._meta.label_lower}:{pk}"


def list_tag(model):
    return f"list:{model._meta.label_lower}"


# Recording dependencies --------------------------------------------------------------


def record(*tags):
    """Note that the page being rendered depends on `tags` (no-op outside a render)."""
    collected = _collected.get()
    if collected is not None:
        collected.update(tags)


def record_list(model):
    record(list_tag(model))


def _on_init(sender, instance, **kwargs):
    tracking = _tracked[sender]
    if tracking.listed:
        # Remember where the item stood in lists, to tell on save whether that changed.
        instance._pagecache_list_state = _list_state(instance, tracking)
    if instance.pk is None:
        return
    if _collected.get() is not None:
        record(object_tag(sender, instance.pk), list_tag(sender))
    state = _request.get()
    if state is not None:
        state.loaded.add(object_tag(sender, instance.pk))


def _list_state(instance, tracking):
    return tuple(instance.__dict__.get(name) for name in tracking.list_fields)


# Spreading changes -------------------------------------------------------------------


def _on_save(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    tracking = _tracked[sender]
    tags = {object_tag(sender, instance.pk)}
    moved = created or (
        tracking.listed
        and getattr(instance, "_pagecache_list_state", None) != _list_state(instance, tracking)
    )
    if moved or not tracking.listed:
        tags.add(list_tag(sender))
    if tracking.listed:
        instance._pagecache_list_state = _list_state(instance, tracking)
    tags |= _parent_tags(instance, tracking)
    invalidate(tags, changed_items=[instance])


def _on_delete(sender, instance, **kwargs):
    tracking = _tracked[sender]
    tags = {object_tag(sender, instance.pk), list_tag(sender)}
    tags |= _parent_tags(instance, tracking)
    invalidate(tags, changed_items=[instance])


def _parent_tags(instance, tracking):
    if not tracking.parent:
        return set()
    parent = getattr(instance, tracking.parent, None)
    if parent is None or type(parent) not in _tracked:
        return set()
    # A byline, tag or correction changes both the parent's page and the lists it is in.
    return {object_tag(type(parent), parent.pk), list_tag(type(parent))}


def track(model, *, listed=False, list_fields=(), parent=None, next_publication=None):
    """Invalidate cached pages when instances of `model` change.

    `listed` models appear in lists of published items; `list_fields` are the fields
    whose change moves an item in or out of such lists. `parent` names a relation whose
    page and lists also change when this row does (bylines, tags, corrections).
    `next_publication` returns the model's next scheduled publication time.
    """
    _tracked[model] = Tracking(listed=listed, list_fields=tuple(list_fields), parent=parent)
    uid = f"pagecache:{model._meta.label_lower}"
    post_init.connect(_on_init, sender=model, dispatch_uid=uid, weak=False)
    post_save.connect(_on_save, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid, weak=False)
    if next_publication is not None:
        _schedules.append(next_publication)


def invalidate(tags, *, changed_items=()):
    """Bump `tags` once the current transaction commits (at once outside one).

    Waiting for the commit matters: a page rendered from the old rows after an early bump
    would be stored under the new versions and stay stale.
    """
    tags = set(tags)
    items = list(changed_items) if settings.CACHE_PURGE_HOOK else []

    def apply():
        bump(tags)
        purge_urls(items)

    transaction.on_commit(apply)


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


# Purging a CDN -------------------------------------------------------------------------


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
    """The public addresses whose content depends on `item`."""
    method = getattr(item, "cache_urls", None)
    if method is None:
        return []
    return [url for url in method() if url]


# Serving --------------------------------------------------------------------------------


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
        times = [when for when in (schedule() for schedule in _schedules) if when is not None]
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


@dataclass
class CachedPage:
    status: int
    content: bytes
    headers: dict
    epoch: str
    versions: dict
    expires_at: float
    # The body compressed once when stored, for the clients that accept gzip.
    gzipped: bytes | None = None
    stored_at: float = field(default_factory=time.time)


def is_fresh(entry, epoch, key):
    """True while nothing `entry` (a page or fragment) depends on has changed."""
    if entry.expires_at <= time.time():
        return False
    if entry.epoch == epoch:
        return True
    keys = [VERSION_KEY_PREFIX + tag for tag in entry.versions]
    current = versions_cache().get_many(keys)
    if any(current.get(VERSION_KEY_PREFIX + tag) != v for tag, v in entry.versions.items()):
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
    """When an entry stored now must be dropped: its timeout, or the next publication."""
    expires_at = time.time() + settings.PAGE_CACHE_TIMEOUT
    next_publication = next_publication_at()
    return min(expires_at, next_publication) if next_publication else expires_at


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
    state = _request.get()
    if not settings.FRAGMENT_CACHE_ENABLED or state is None:
        # Not a reader's request (staff, previews, the admin): drawn afresh.
        return compute()
    key = FRAGMENT_KEY_PREFIX + hashlib.sha256(f"{release()}|{name}".encode()).hexdigest()
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
    token = _collected.set(collected)
    try:
        value = compute()
    finally:
        _collected.reset(token)
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


def shown_tags(instance):
    """The tags of `instance` and of the rows already loaded with it: its related rows
    (select_related) and its prefetched ones (with their own related rows)."""
    tags = [object_tag(type(instance), instance.pk)]
    loaded = [*instance._state.fields_cache.values()]
    for prefetched in getattr(instance, "_prefetched_objects_cache", {}).values():
        for row in prefetched:
            loaded += [row, *row._state.fields_cache.values()]
    for row in loaded:
        if row is not None and type(row) in _tracked:
            tags.append(object_tag(type(row), row.pk))
    return tags


def cached_teaser(instance, variant, render):
    """`render()`, the HTML of `instance`'s teaser in `variant`, kept until the instance or
    a row shown with it (its section, its photo) changes.

    The key holds the versions of those rows, so a change needs no invalidation: the next
    page asks for a key that does not exist yet. The first teaser of a request looks up
    the versions of every row the request has loaded, which covers the teasers after it.
    """
    state = _request.get()
    if state is None or not settings.FRAGMENT_CACHE_ENABLED:
        return render()
    tags = [EVERYTHING, *shown_tags(instance)]
    record(*tags)
    try:
        if any(tag not in state.versions for tag in tags):
            state.versions |= current_versions((state.loaded | set(tags)) - state.versions.keys())
        stamp = "|".join(f"{tag}={state.versions[tag]}" for tag in tags)
        key = (
            FRAGMENT_KEY_PREFIX
            + hashlib.sha256(f"{release()}|{variant}|{stamp}".encode()).hexdigest()
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


@functools.cache
def release():
    """A stamp of the code, templates and static files this process serves."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    paths = [
        *sorted((base / "templates").rglob("*.html")),
        *sorted(path for app in RELEASE_APPS for path in (base / app).rglob("*.py")),
        Path(settings.STATIC_ROOT) / "staticfiles.json",
    ]
    for path in paths:
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)


def page_key(request):
    raw = f"{release()}|{request.get_host()}{request.get_full_path()}"
    return PAGE_KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control and "no-cache" not in control


def public_cache_control(response, max_age):
    patch_cache_control(
        response,
        public=True,
        max_age=max_age,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
        stale_if_error=settings.PAGE_CACHE_STALE_IF_ERROR,
    )


class PageCacheMiddleware:
    """Serve anonymous GETs from the cache; store the 200s they render, with their tags."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request) or not (
            settings.PAGE_CACHE_ENABLED or settings.FRAGMENT_CACHE_ENABLED
        ):
            return self.get_response(request)
        try:
            epoch = current_epoch()
        except Exception:
            # The cache server is down: serve the page uncached rather than fail.
            logger.warning("Page cache unavailable; rendering without it", exc_info=True)
            return self.get_response(request)
        token = _request.set(RequestState(epoch))
        try:
            return self.serve(request, epoch)
        finally:
            _request.reset(token)

    def serve(self, request, epoch):
        if not settings.PAGE_CACHE_ENABLED:
            return self.get_response(request)
        try:
            key = page_key(request)
            page = pages_cache().get(key)
            if page is not None and self.fresh(page, epoch, key):
                return self.replay(request, page)
        except Exception:
            logger.warning("Page cache unavailable; rendering without it", exc_info=True)
            return self.render(request, key=None, epoch=None)
        return self.render(request, key, epoch)

    def fresh(self, page, epoch, key):
        return is_fresh(page, epoch, key)

    def replay(self, request, page):
        gzip = page.gzipped is not None and accepts_gzip(request)
        response = HttpResponse(page.gzipped if gzip else page.content, status=page.status)
        for name, value in page.headers.items():
            response[name] = value
        if gzip:
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
        response["Age"] = str(max(0, int(time.time() - page.stored_at)))
        public_cache_control(response, self.max_age(page.expires_at))
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    def render(self, request, key, epoch):
        collected = {EVERYTHING}
        token = _collected.set(collected)
        try:
            response = self.get_response(request)
        finally:
            _collected.reset(token)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or not cacheable_response(response):
            return response
        try:
            expires_at = expiry()
            public_cache_control(response, self.max_age(expires_at))
            if key is not None:
                page = self.store(key, response, collected, epoch, expires_at)
                if page is not None and page.gzipped is not None and accepts_gzip(request):
                    response.content = page.gzipped
                    response["Content-Encoding"] = "gzip"
                    response["Content-Length"] = str(len(page.gzipped))
        except Exception:
            logger.warning("Page cache unavailable; page not stored", exc_info=True)
        return response

    def store(self, key, response, tags, epoch, expires_at):
        versions = current_versions(tags)
        if current_epoch() != epoch:
            # Content changed while this page rendered: it may mix old and new; don't keep it.
            return
        # Weak: the gzip and plain bodies are the same page (RFC 9110, 8.8.1).
        response["ETag"] = f'W/"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = None
        if len(response.content) >= MIN_GZIP_LENGTH and not response.has_header("Content-Encoding"):
            compressed = compress_string(response.content)
        page = CachedPage(
            status=response.status_code,
            content=response.content,
            headers={
                name: value
                for name, value in response.items()
                if name.lower() not in {"cache-control", "age", "set-cookie", "content-length"}
            },
            epoch=epoch,
            versions=versions,
            expires_at=expires_at,
            gzipped=compressed,
        )
        timeout = max(1, int(expires_at - time.time()))
        pages_cache().set(key, page, timeout=timeout)
        return page

    @staticmethod
    def max_age(expires_at):
        return max(0, min(settings.PAGE_CACHE_MAX_AGE, int(expires_at - time.time())))
