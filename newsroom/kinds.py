"""
The registry of item kinds: what the mixed pages (home, News Feed, tags, search), the
mixed syndication feed and the page cache need to know about each kind of item.

The app that owns a kind registers it in its `AppConfig.ready()`; the ground never
imports an app. Adding a kind is its model, its templates, its admin and one `register()`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from newsroom import pagecache


@dataclass(frozen=True)
class Kind:
    # The kind's word in cursors, `?kind=` and template names: "article".
    name: str
    model: type
    # The plural readers see in messages and filters: "articles" (translated, lazily).
    plural: str
    # A number of them in words, "3 articles": count -> text, with the plural forms of
    # the active language (ngettext).
    counted: Callable[[int], str]
    # What its teaser shows besides the row, fetched with it (select_related).
    relations: tuple = ()
    # The many-to-many rows it shows (its byline), one query per kind (prefetch_related).
    prefetches: tuple = ()
    # The partial that draws it in a list of mixed items.
    teaser_template: str = ""
    # SQLite: its FTS5 table (the search migrations make it); "" when it is not searched.
    # PostgreSQL reads the `search_document` column of the model's table.
    search_index: str = ""
    # A newsroom.syndication.FeedEntry subclass: how one item reads in a feed.
    feed_entry: type | None = None
    # The fields whose change moves an item in or out of lists (the page cache). The
    # breaking-news bar is such a list, on every page.
    list_fields: tuple = ("status", "published_at", "breaking_until")
    # Items only their own list shows (a live blog's entries kept out of the News Feed):
    # (the lookup that names that list, a Q matching them). Other lists leave them out.
    kept_to_own_list: tuple = ()


_kinds = {}


def register(kind):
    """Make `kind` part of the stream, search and feeds, and keep pages showing it current."""
    if kind.name in _kinds and _kinds[kind.name] != kind:
        raise ValueError(f"Another kind is already registered as {kind.name!r}.")
    _kinds[kind.name] = kind
    pagecache.track(
        kind.model,
        listed=True,
        list_fields=kind.list_fields,
        # A scheduled publication or a breaking-news mark running out changes pages by itself.
        next_publication=kind.model.objects.next_change_at,
    )


def get(name):
    """The kind registered as `name`; KeyError when there is none."""
    return _kinds[name]


def names():
    """Every registered kind's name, in the order the stream breaks ties by."""
    return tuple(sorted(_kinds))


def registered():
    return [_kinds[name] for name in names()]


def of(instance):
    """The kind of a model instance, or None when its model is not a registered kind."""
    return next((kind for kind in _kinds.values() if isinstance(instance, kind.model)), None)
