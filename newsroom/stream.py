"""
The mixed stream: the published items of the registered kinds (newsroom.kinds) merged
into one list, newest first, cut into "Show More" pages.

Each kind's newest positions after the cursor are fetched with one LIMITed query on its
(status, published_at, id) index and the kinds are merged here; then the page's items
are loaded with what their teasers show, one query per kind. The number of queries is
fixed whatever the number of items or the page.

Pages are cut with a keyset cursor, never OFFSET: the cursor names the last item
shown as (published_at, kind, pk), the same triple the stream is ordered by, so
items sharing a timestamp are neither skipped nor repeated and the thousandth page
costs what the first does. The cursor is signed, so a tampered one is refused
rather than trusted.

The same cursor drives live updates: a page names its newest position, and the updates
endpoint (render_updates) answers with the stream's newest items, saying which came
after it. The answer is an ordinary reader response, so the page cache keeps it under
the same versions as the pages, and a poll when nothing changed is a 304 from the cache.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.db.models import Model, Q
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import dateformat, timezone
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext

from . import breaking
from . import kinds as registry
from .pagecache import cached_fragment
from .templatetags.fragments import teaser
from .templatetags.times import machine_date
from .views import bad_request

PAGE_SIZE = 20
# The News Feed strip beside an article or a list of articles.
STRIP_LENGTH = 6
CURSOR_SALT = "feed.cursor"
# A real cursor is about 80 characters; anything much longer is not one of ours.
MAX_CURSOR_LENGTH = 300


class InvalidCursor(ValueError):
    """The cursor was not made by this site (tampered with, truncated or stale format)."""


@dataclass
class FeedItem:
    kind: str
    object: object
    published_at: datetime
    # Set on the first item of each calendar day, so lists can print the date there.
    starts_day: bool = False

    @property
    def template_name(self):
        return registry.get(self.kind).teaser_template

    @property
    def position(self):
        return (self.published_at, self.kind, self.object.pk)

    @property
    def cursor(self):
        return encode_cursor(self.position)

    @property
    def live_id(self):
        """How the live script tells the item apart from the others on the page."""
        return f"{self.kind}-{self.object.pk}"


@dataclass
class FeedPage:
    items: list
    next_cursor: str = ""
    is_first: bool = True
    kinds: tuple = field(default_factory=registry.names)

    @property
    def has_next(self):
        return bool(self.next_cursor)

    @property
    def newest_cursor(self):
        """The position of the newest item shown, for asking what came after it."""
        return self.items[0].cursor if self.items else ""


def encode_cursor(position):
    published_at, kind, pk = position
    # Without a timestamp: one position, one cursor, so the pages and live updates that
    # name it are one cached entry whenever they were rendered.
    return signing.Signer(salt=CURSOR_SALT).sign_object([published_at.isoformat(), kind, pk])


def cursor_at(item):
    """A cursor whose page starts with `item` (a FeedItem): a link to an older item."""
    published_at, kind, pk = item.position
    # Pages run after the cursor, newest first; one pk up is just before the item.
    return encode_cursor((published_at, kind, pk + 1))


def decode_cursor(cursor):
    """The (published_at, kind, pk) a cursor stands for; InvalidCursor if it is not genuine."""
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise InvalidCursor("cursor too long")
    try:
        published_at, kind, pk = signing.Signer(salt=CURSOR_SALT).unsign_object(cursor)
        published_at = datetime.fromisoformat(published_at)
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise InvalidCursor(str(error)) from error
    if kind not in registry.names() or not isinstance(pk, int) or timezone.is_naive(published_at):
        raise InvalidCursor("cursor names no item")
    return published_at, kind, pk


def _published(kind, lookups):
    """Published items of one kind, narrowed by `lookups` (field lookups, e.g. tags__slug)."""
    entry = registry.get(kind)
    queryset = entry.model.objects.published().in_edition().filter(**lookups)
    if entry.kept_to_own_list:
        own_list, kept = entry.kept_to_own_list
        if own_list not in lookups:
            queryset = queryset.exclude(kept)
    return queryset


def _with_relations(kind, queryset):
    """What the kind's teaser shows, fetched alongside it so rendering does not query."""
    kind = registry.get(kind)
    return queryset.select_related(*kind.relations).prefetch_related(*kind.prefetches)


def _after(queryset, kind, position):
    """Rows of `kind` that come after `position` in (-published_at, -kind, -pk) order."""
    published_at, cursor_kind, pk = position
    if kind < cursor_kind:
        return queryset.filter(published_at__lte=published_at)
    if kind > cursor_kind:
        return queryset.filter(published_at__lt=published_at)
    return queryset.filter(
        Q(published_at__lt=published_at) | Q(published_at=published_at, pk__lt=pk)
    )


def hydrate(rows):
    """Turn (kind, pk, published_at, …) rows into FeedItems with one query per kind present."""
    objects = {}
    for kind in registry.names():
        pks = [pk for row_kind, pk, *_ in rows if row_kind == kind]
        if pks:
            queryset = _with_relations(kind, registry.get(kind).model.objects.all())
            objects[kind] = queryset.published_in_bulk(pks)
    return [
        FeedItem(kind, objects[kind][pk], published_at)
        for kind, pk, published_at, *_ in rows
        if pk in objects.get(kind, {})
    ]


def mark_days(items, previous=None):
    """Flag the items that open a new calendar day (local time), after `previous` if given."""
    day = timezone.localtime(previous).date() if previous else None
    for item in items:
        item_day = timezone.localtime(item.published_at).date()
        item.starts_day = item_day != day
        day = item_day
    return items


def _fragment_name(kinds, lookups, limit, cursor):
    narrowed = ",".join(
        f"{lookup}={value.pk if isinstance(value, Model) else value}"
        for lookup, value in sorted(lookups.items())
    )
    return f"feed:{','.join(kinds)}:{narrowed}:{limit}:{cursor}"


def feed_page(cursor="", limit=PAGE_SIZE, kinds=None, **lookups):
    """
    One page of the stream, newest first, after `cursor` (the page's first when empty).

    `kinds` limits the stream to some of the registered kinds; `lookups` narrow every
    kind's items, e.g. tags__slug="climate", or section=… with kinds=("article",).
    """
    position = decode_cursor(cursor) if cursor else None
    every = registry.names()
    kinds = tuple(kind for kind in every if kind in (kinds or every))

    def newest(kind):
        queryset = _published(kind, lookups)
        if position:
            queryset = _after(queryset, kind, position)
        return queryset.order_by("-published_at", "-pk")

    # One indexed, LIMITed query per kind: the database never sorts more than limit + 1
    # rows of each kind, so page 1,000 costs what page 1 costs. (A UNION would sort every
    # published row, as SQLite cannot LIMIT inside a compound query.)
    if len(kinds) == 1:
        # One kind: its query is the page.
        [kind] = kinds
        rows = list(_with_relations(kind, newest(kind))[: limit + 1])
        candidates = [(obj.published_at, kind, obj.pk) for obj in rows]
        items = [FeedItem(kind, obj, obj.published_at) for obj in rows[:limit]]
    else:
        # Several kinds: their positions alone, merged here (kept as a fragment until an
        # item joins, leaves or moves); then only the items on the page are loaded, with
        # what their teasers show.
        def positions():
            rows = [
                (published_at, kind, pk)
                for kind in kinds
                for published_at, pk in newest(kind).values_list("published_at", "pk")[: limit + 1]
            ]
            return sorted(rows, reverse=True)

        candidates = cached_fragment(_fragment_name(kinds, lookups, limit, cursor), positions)
        items = hydrate([(kind, pk, published_at) for published_at, kind, pk in candidates[:limit]])
    mark_days(items, previous=position[0] if position else None)
    next_cursor = encode_cursor(candidates[limit - 1]) if len(candidates) > limit else ""
    return FeedPage(items=items, next_cursor=next_cursor, is_first=position is None, kinds=kinds)


def latest_items(limit, **filters):
    """The newest `limit` published items (of every kind unless filtered), newest first."""
    return feed_page(limit=limit, **filters).items


class LatestItems:
    """The newest items, fetched on first use: a cached fragment may never need them."""

    def __init__(self, limit, **filters):
        self.limit = limit
        self.filters = filters
        self._items = None

    def _load(self):
        if self._items is None:
            self._items = latest_items(self.limit, **self.filters)
        return self._items

    def __iter__(self):
        return iter(self._load())

    def __len__(self):
        return len(self._load())

    def __bool__(self):
        return True

    @property
    def newest_cursor(self):
        items = self._load()
        return items[0].cursor if items else ""


def render_stream(request, template_name, context, **filters):
    """
    A cursor-paginated list page: the whole page, or with ?partial=1 only the items and
    the next "Show More" link, which the page's script appends in place.
    """
    try:
        page = feed_page(cursor=request.GET.get("cursor", ""), **filters)
    except InvalidCursor:
        return bad_request(
            request, message=gettext("That “Show More” link is broken or out of date.")
        )
    context = {**context, "page": page}
    if request.GET.get("partial") == "1":
        return render(request, "includes/_stream_page.html", context)
    return render(request, template_name, context)


def list_entry(item, teaser_template=""):
    """The list entry that shows `item`, and its stamp: its teaser (or `teaser_template`),
    with what the live script needs to tell it apart (data-item) and to see that it
    changed (data-stamp)."""
    html = teaser(item.object, teaser_template or item.template_name)
    stamp = hashlib.md5(html.encode(), usedforsecurity=False).hexdigest()[:12]
    entry = format_html(
        '<li class="feed-item feed-item--{}" data-item="{}" data-stamp="{}">{}</li>',
        item.kind,
        item.live_id,
        stamp,
        html,
    )
    return entry, stamp


def day_heading_html(item):
    """The heading that opens `item`'s calendar day in a list grouped by day."""
    return format_html(
        '<li class="feed-day"><time datetime="{}">{}</time></li>',
        machine_date(timezone.localtime(item.published_at)),
        # "Tuesday 1 December 2026", "Вівторок, 1 грудня 2026".
        dateformat.format(
            timezone.localtime(item.published_at), pgettext("day heading", "l j F Y")
        ),
    )


def render_updates(request, teaser_template="", **filters):
    """
    What is new since ?since=<cursor> (the newest position a page shows): the stream's
    newest page of items, each with its HTML and whether it came after the cursor.

    The items it shows besides the new ones let a page see what was edited (its stamp
    changed) or withdrawn (it left the newest page); `gap` says more arrived than one
    answer holds, so the page should be reloaded; `breaking` is the breaking-news bar
    every page shows ("" when there is none). No cursor: everything is new.
    """
    since = request.GET.get("since", "")
    try:
        position = decode_cursor(since) if since else None
    except InvalidCursor:
        return JsonResponse({"error": gettext("That cursor is broken or out of date.")}, status=400)
    page = feed_page(**filters)
    answer = {
        "cursor": page.newest_cursor,
        "gap": bool(position)
        and page.has_next
        and all(item.position > position for item in page.items),
        "items": [],
        "breaking": breaking.bar_html(),
    }
    for item in page.items:
        html, stamp = list_entry(item, teaser_template)
        answer["items"].append(
            {
                "id": item.live_id,
                "new": position is None or item.position > position,
                "stamp": stamp,
                "html": html,
                "day": machine_date(timezone.localtime(item.published_at)),
                "heading": day_heading_html(item),
            }
        )
    response = JsonResponse(answer)
    # A CDN may answer pollers for a few seconds: much less than a page's max-age, so an
    # item reaches open pages soon after it is published.
    patch_cache_control(
        response,
        max_age=settings.LIVE_UPDATES_MAX_AGE,
        stale_while_revalidate=settings.LIVE_UPDATES_MAX_AGE,
    )
    return response
