"""
The News Feed: published articles, quotes and videos merged into one stream.

Each kind contributes (kind, pk, published_at) rows to one UNION query ordered by
time; the objects themselves are then fetched with one query per kind. The number
of queries is fixed whatever the number of items.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import CharField, Value

from articles.models import Article

from .models import Quote, Video


@dataclass(frozen=True)
class FeedItem:
    kind: str
    object: object
    published_at: datetime

    @property
    def template_name(self):
        return f"feed/_item_{self.kind}.html"


def _sources():
    return {
        "article": Article.objects.published()
        .select_related("section", "hero_photo")
        .prefetch_related("credits__author"),
        "quote": Quote.objects.published().select_related("source_article"),
        "video": Video.objects.published().select_related("thumbnail"),
    }


def latest_items(limit):
    """The newest `limit` published items of every kind, newest first."""
    sources = _sources()
    rows = [
        queryset.order_by()
        .annotate(kind=Value(kind, output_field=CharField()))
        .values_list("kind", "pk", "published_at")
        for kind, queryset in sources.items()
    ]
    first, *rest = rows
    merged = list(first.union(*rest, all=True).order_by("-published_at", "-kind", "-pk")[:limit])
    objects = {}
    for kind, queryset in sources.items():
        pks = [pk for row_kind, pk, _ in merged if row_kind == kind]
        objects[kind] = queryset.in_bulk(pks) if pks else {}
    return [
        FeedItem(kind, objects[kind][pk], published_at)
        for kind, pk, published_at in merged
        if pk in objects[kind]
    ]
