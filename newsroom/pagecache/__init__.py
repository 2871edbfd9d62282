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

from .fragments import cached_fragment, cached_teaser
from .purge import http_purge, shown_at
from .recording import record, record_list, shown_tags, track
from .versions import invalidate, invalidate_everything, list_tag, object_tag, rows_changed

__all__ = [
    "cached_fragment",
    "cached_teaser",
    "http_purge",
    "invalidate",
    "invalidate_everything",
    "list_tag",
    "object_tag",
    "record",
    "record_list",
    "rows_changed",
    "shown_at",
    "shown_tags",
    "track",
]
