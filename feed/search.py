"""
Search over published articles, quotes and videos.

On PostgreSQL each table has a stored `search_document` tsvector with a GIN index
(articles/migrations/0006_search_document.py, feed/migrations/0003_search_document.py):
the headline, quote or video title weighted A, the other fields B, stemmed with the
'english' configuration. The reader's words go through websearch_to_tsquery, so
"quoted phrases", OR and -excluded words work, and results are ranked by ts_rank.

Counting and ranking every match of a common word ("said" is in nine articles out of
ten) means reading some 90,000 rows at 100,000 articles: a third of a second just to
count them. Each kind therefore ranks only its newest MATCH_LIMIT matches, which
PostgreSQL finds through the GIN index when the words are rare and by walking the
(status, published_at) index until it has enough when they are common. A kind with
more matches counts as MATCH_LIMIT, and `is_capped` says the true number is larger.
A reader after an older story adds a word, as with any news site's search.

Elsewhere (SQLite) every word of the query must appear somewhere in the item, and
items with the words in their headline or title rank first, then newer items.

Either way each kind contributes (kind, pk, published_at, rank) rows to one UNION, the
page's rows are cut from it in one query after one counting query, and the page's
objects are fetched with one query per kind, as in the News Feed.
"""

import math
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Case, CharField, Expression, F, IntegerField, Q, Value, When

from articles.models import Article

from .models import Quote, Video
from .stream import hydrate

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# Per kind, how many of the newest matches are ranked and counted (PostgreSQL).
MATCH_LIMIT = 1000
# The text search configuration of the stored vectors; queries must use the same one.
SEARCH_CONFIG = "english"

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
    # True when a kind had more than MATCH_LIMIT matches: `count` is then a lower bound.
    is_capped: bool = False

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


def _contains_search(query, start, stop):
    terms = list(dict.fromkeys(query.lower().split()))[:MAX_TERMS]
    rows = [
        _contains_rows(kind, terms, query)
        .order_by()
        .annotate(kind=Value(kind, output_field=CharField()))
        .values_list("kind", "pk", "published_at", "rank")
        for kind in FIELDS
    ]
    first, *rest = rows
    merged = first.union(*rest, all=True)
    count = merged.count()
    page_rows = list(merged.order_by("-rank", "-published_at", "-kind", "-pk")[start:stop])
    return page_rows, count, False


class StoredDocument(Expression):
    """The `search_document` column the search migrations add on PostgreSQL. The models
    do not declare it, as SQLite has no tsvector type."""

    output_field = SearchVectorField()

    def __init__(self, model):
        super().__init__()
        self.table = model._meta.db_table

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.table)}.search_document", []


def _newest_matches(kind, query):
    """`kind`'s published items matching `query`, newest first, with their rank."""
    model = FIELDS[kind][0]
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    return (
        model.objects.published()
        .annotate(document=StoredDocument(model))
        .filter(document=search_query)
        .annotate(
            kind=Value(kind, output_field=CharField()),
            rank=SearchRank(F("document"), search_query),
        )
        .order_by("-published_at", "-pk")
    )


def _postgres_search(query, start, stop):
    matches = [_newest_matches(kind, query) for kind in FIELDS]
    # One past the limit tells whether a kind has more matches than are ranked. Without
    # an ORDER BY any MATCH_LIMIT + 1 matches will do, which the database finds cheaply.
    counted = [
        queryset.order_by()
        .values_list("kind")[: MATCH_LIMIT + 1]
        .query.get_compiler(connection=connection)
        .as_sql()
        for queryset in matches
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            # Django compiled each part; the reader's words are among the parameters.
            "SELECT kind, count(*) FROM ("  # noqa: S608
            + " UNION ALL ".join(f"({sql})" for sql, _ in counted)
            + ") AS matches GROUP BY kind",
            [param for _, params in counted for param in params],
        )
        counts = dict(cursor.fetchall())
    first, *rest = [
        queryset.values_list("kind", "pk", "published_at", "rank")[:MATCH_LIMIT]
        for queryset in matches
    ]
    merged = first.union(*rest, all=True)
    page_rows = list(merged.order_by("-rank", "-published_at", "-kind", "-pk")[start:stop])
    count = sum(min(number, MATCH_LIMIT) for number in counts.values())
    is_capped = any(number > MATCH_LIMIT for number in counts.values())
    return page_rows, count, is_capped


def search(query, page=1, per_page=20):
    """Page `page` of the items matching `query`, best first."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    start = (page - 1) * per_page
    if connection.vendor == "postgresql":
        page_rows, count, is_capped = _postgres_search(query, start, start + per_page)
    else:
        page_rows, count, is_capped = _contains_search(query, start, start + per_page)
    return SearchResults(
        items=hydrate(page_rows),
        count=count,
        number=page,
        per_page=per_page,
        is_capped=is_capped,
    )
