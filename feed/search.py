"""
Search over published articles, quotes and videos.

On PostgreSQL the database's full-text search ranks the results (websearch syntax:
"quoted phrases", OR, -excluded). Elsewhere (SQLite) every word of the query must
appear somewhere in the item, and items with the words in their headline or title
rank first, then newer items.

Either way each kind contributes (kind, pk, published_at, rank) rows to one UNION,
and the page's objects are fetched with one query per kind, as in the News Feed.
"""

import math
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, CharField, F, IntegerField, Q, Value, When

from articles.models import Article

from .models import Quote, Video
from .stream import hydrate

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10

# Per kind: the field that counts as its headline, and the other fields searched.
FIELDS = {
    "article": (Article, "headline", ("standfirst", "body")),
    "quote": (Quote, "text", ("speaker", "context")),
    "video": (Video, "title", ("teaser",)),
}


@dataclass
class SearchResults:
    items: list
    count: int
    number: int
    per_page: int

    @property
    def pages(self):
        return max(1, math.ceil(self.count / self.per_page))

    @property
    def has_next(self):
        return self.number < self.pages

    @property
    def has_previous(self):
        return self.number > 1


def _contains_rows(kind, terms, query):
    model, title, others = FIELDS[kind]
    queryset = model.objects.published()
    for term in terms:
        matches = Q(**{f"{title}__icontains": term})
        for name in others:
            matches |= Q(**{f"{name}__icontains": term})
        queryset = queryset.filter(matches)
    # A headline holding the whole query beats one holding some words, which beats none.
    rank = Case(
        When(**{f"{title}__icontains": query}, then=Value(len(terms) + 1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    for term in terms:
        rank = rank + Case(
            When(**{f"{title}__icontains": term}, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return queryset.annotate(rank=rank)


def _postgres_rows(kind, query):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    model, title, others = FIELDS[kind]
    vector = SearchVector(title, weight="A") + SearchVector(*others, weight="B")
    search_query = SearchQuery(query, search_type="websearch")
    return (
        model.objects.published()
        .annotate(document=vector)
        .filter(document=search_query)
        .annotate(rank=SearchRank(F("document"), search_query))
    )


def search(query, page=1, per_page=20):
    """Page `page` of the items matching `query`, best first."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    terms = list(dict.fromkeys(query.lower().split()))[:MAX_TERMS]
    rows = []
    for kind in FIELDS:
        if connection.vendor == "postgresql":
            queryset = _postgres_rows(kind, query)
        else:
            queryset = _contains_rows(kind, terms, query)
        rows.append(
            queryset.order_by()
            .annotate(kind=Value(kind, output_field=CharField()))
            .values_list("kind", "pk", "published_at", "rank")
        )
    first, *rest = rows
    merged = first.union(*rest, all=True)
    count = merged.count()
    start = (page - 1) * per_page
    page_rows = list(
        merged.order_by("-rank", "-published_at", "-kind", "-pk")[start : start + per_page]
    )
    return SearchResults(items=hydrate(page_rows), count=count, number=page, per_page=per_page)
