"""Serving anonymous GETs from the page cache, and storing the pages they render."""

import hashlib
import logging
import pickle
import re
import time
from dataclasses import dataclass, field
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpResponse, QueryDict
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.text import compress_string

from .purge import tag_header_value
from .recording import RequestState, collected_tags, request_state
from .versions import (
    EVERYTHING,
    current_epoch,
    current_versions,
    expiry,
    is_fresh,
    pages_cache,
    release,
    retry_unwritten,
)

logger = logging.getLogger(__name__)

PAGE_KEY_PREFIX = "page:"

# Smaller bodies are not worth compressing (gzip's own overhead).
MIN_GZIP_LENGTH = 200
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
CONDITIONAL_HEADERS = frozenset(
    ("HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE")
)


@dataclass
class CachedPage:
    status: int
    content: bytes
    headers: dict
    epoch: str
    # The versions of the page's tags, pickled apart: a hit reads them only when the
    # epoch has moved, and unpickling a page's hundred tags costs more than its body.
    pickled_versions: bytes
    expires_at: float
    # The body compressed once when stored, for the clients that accept gzip.
    gzipped: bytes | None = None
    stored_at: float = field(default_factory=time.time)
    # Shorter lifetimes the view asked of browsers and CDNs (the live updates' few seconds).
    lifetimes: dict = field(default_factory=dict)

    @property
    def versions(self):
        return pickle.loads(self.pickled_versions)  # noqa: S301 - written by store() below


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def signed_in(request):
    """True when the request's session cookie names a signed-in session.

    A cookie alone proves nothing: anyone can send `sessionid=x` to skip the cache and
    have every page rendered. One lookup of the session tells.
    """
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    try:
        return store.get(SESSION_KEY) is not None
    except Exception:
        # The session store is away (the database, say): treat the request as an
        # editor's, left to the middleware below, which answers such outages.
        return True


def cacheable_request(request):
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES):
        return False
    return not signed_in(request)


def keep_page_parameters(request):
    """Drop the query parameters no reader page reads (PAGE_CACHE_QUERY_PARAMETERS), for
    the view and the cache key alike: `?utm_source=…` or `?x=1` is the same page."""
    known = settings.PAGE_CACHE_QUERY_PARAMETERS
    if all(name in known for name in request.GET):
        return
    kept = QueryDict(mutable=True)
    for name in known:
        if name in request.GET:
            kept.setlist(name, request.GET.getlist(name))
    kept._mutable = False
    # QUERY_STRING stays whole: an imported site's old address may need all of it.
    request.GET = kept


def page_key(request):
    # The scheme and host are in the page: canonical, OpenGraph and feed addresses. The
    # parameters in one order, so ?kind=quote&tag=x and ?tag=x&kind=quote are one page.
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    raw = f"{release()}|{request.scheme}://{request.get_host()}{request.path}?{query}"
    return PAGE_KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control and "no-cache" not in control


LIFETIMES = ("max-age", "stale-while-revalidate")


def view_lifetimes(response):
    """The lifetimes the view set in Cache-Control, e.g. {"max-age": 5}."""
    directives = dict(
        (part.strip().split("=", 1) + [""])[:2]
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    )
    return {name: int(directives[name]) for name in LIFETIMES if directives.get(name, "").isdigit()}


def public_cache_control(response, max_age, lifetimes):
    """Public caching for `max_age` seconds at most, or less where the view said so."""
    response["Cache-Control"] = cache_control(max_age, lifetimes)


def cache_control(max_age, lifetimes):
    stale = settings.PAGE_CACHE_STALE_WHILE_REVALIDATE
    return (
        f"public, max-age={min(max_age, lifetimes.get('max-age', max_age))}, "
        f"stale-while-revalidate={min(stale, lifetimes.get('stale-while-revalidate', stale))}, "
        f"stale-if-error={settings.PAGE_CACHE_STALE_IF_ERROR}"
    )


def conditional(request):
    return not CONDITIONAL_HEADERS.isdisjoint(request.META)


def cached_answer(request, key, epoch):
    """The stored page under `key` for `request`, as (status, headers, body), while it is
    current; else None. Preconditions (If-None-Match…) are cached_response()'s."""
    page = pages_cache().get(key)
    if page is None or not is_fresh(page, epoch, key):
        return None
    gzip = page.gzipped is not None and accepts_gzip(request)
    body = page.gzipped if gzip else page.content
    headers = dict(page.headers)
    if gzip:
        headers["Content-Encoding"] = "gzip"
    headers["Content-Length"] = str(len(body))
    headers["Age"] = str(max(0, int(time.time() - page.stored_at)))
    headers["Cache-Control"] = cache_control(max_age(page.expires_at), page.lifetimes)
    return page.status, headers, body


def cached_response(request, key, epoch):
    """The stored page under `key` as a response to `request` while it is current, else None."""
    answer = cached_answer(request, key, epoch)
    if answer is None:
        return None
    status, headers, body = answer
    response = HttpResponse(body, status=status, headers=headers)
    if not conditional(request):
        return response
    return get_conditional_response(request, etag=headers.get("ETag"), response=response)


def max_age(expires_at):
    return max(0, min(settings.PAGE_CACHE_MAX_AGE, int(expires_at - time.time())))


class PageCacheMiddleware:
    """Serve anonymous GETs from the cache; store the 200s they render, with their tags."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request) or not (
            settings.PAGE_CACHE_ENABLED or settings.FRAGMENT_CACHE_ENABLED
        ):
            return self.get_response(request)
        keep_page_parameters(request)
        try:
            retry_unwritten()
            epoch = current_epoch()
        except Exception:
            # The cache server is down: serve the page uncached rather than fail.
            logger.warning("Page cache unavailable; rendering without it", exc_info=True)
            return self.get_response(request)
        token = request_state.set(RequestState(epoch))
        try:
            return self.serve(request, epoch)
        finally:
            request_state.reset(token)

    def serve(self, request, epoch):
        if not settings.PAGE_CACHE_ENABLED:
            return self.get_response(request)
        try:
            key = page_key(request)
            response = cached_response(request, key, epoch)
            if response is not None:
                return response
        except Exception:
            logger.warning("Page cache unavailable; rendering without it", exc_info=True)
            return self.render(request, key=None, epoch=None)
        return self.render(request, key, epoch)

    def render(self, request, key, epoch):
        if key is None or not conditional(request):
            return self.render_whole(request, key, epoch)
        # Drawn whole for a conditional request too, and answered 304 here once kept: a
        # 304 from below would leave nothing to keep, and every poll that already has the
        # page would have it drawn again.
        held = {name: request.META.pop(name) for name in CONDITIONAL_HEADERS & request.META.keys()}
        try:
            response = self.render_whole(request, key, epoch)
        finally:
            request.META.update(held)
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    def render_whole(self, request, key, epoch):
        collected = {EVERYTHING}
        token = collected_tags.set(collected)
        try:
            response = self.get_response(request)
        finally:
            collected_tags.reset(token)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or not cacheable_response(response):
            return response
        try:
            if settings.CACHE_TAG_HEADER:
                response[settings.CACHE_TAG_HEADER] = tag_header_value(collected)
            expires_at = expiry()
            lifetimes = view_lifetimes(response)
            public_cache_control(response, max_age(expires_at), lifetimes)
            if key is not None:
                page = self.store(key, response, collected, epoch, expires_at, lifetimes)
                if page is not None and page.gzipped is not None and accepts_gzip(request):
                    response.content = page.gzipped
                    response["Content-Encoding"] = "gzip"
                    response["Content-Length"] = str(len(page.gzipped))
        except Exception:
            logger.warning("Page cache unavailable; page not stored", exc_info=True)
        return response

    def store(self, key, response, tags, epoch, expires_at, lifetimes):
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
            pickled_versions=pickle.dumps(versions, pickle.HIGHEST_PROTOCOL),
            expires_at=expires_at,
            gzipped=compressed,
            lifetimes=lifetimes,
        )
        timeout = max(1, int(expires_at - time.time()))
        pages_cache().set(key, page, timeout=timeout)
        return page
