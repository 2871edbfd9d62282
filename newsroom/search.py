"""
Search over the published items of one edition (the active language's, /search/ or
/uk/search/) of the registered kinds (newsroom.kinds) that have a search index, through
the database's full-text index, with the same meaning on PostgreSQL and SQLite: every
word must match (in any form: "flooding" finds "floods", "вибори" finds "виборах"),
"quoted words" match as a phrase, -word excludes, OR gives alternatives. A match in the
headline, quote or video title ranks higher.

PostgreSQL: each table has a stored `search_document` tsvector with a GIN index
(articles/migrations/0006_search_document.py, feed/migrations/0003_search_document.py,
made again by articles/migrations/0023_search_apostrophes.py and feed's 0013),
an English query goes through websearch_to_tsquery, and ts_rank orders the results.

SQLite: each table has an FTS5 index kept in step by triggers
(articles/migrations/0007_search_fts.py, feed/migrations/0004_search_fts.py, made
again by the same two), the words are rewritten as an FTS5 query in which every word is a
quoted string, and bm25 orders the results.

Ukrainian: both indexes hold every word of every edition through the English stemmers
(the 'english' configuration, FTS5's porter), which leave Cyrillic words as they are,
lowercased; ʼ, ’ and ' all break a word the same way. A Ukrainian query's words are
stemmed here (newsroom.stemming: "вибори" is "вибор", "Київ" also "києв") and matched as
prefixes of the indexed words (FTS5 "вибор"*, tsquery 'вибор':*), so the results mean
the same on both databases. A Ukrainian hunspell dictionary (Debian's hunspell-uk) is
more accurate, and was measured: 27 of 28 inflected forms found against the stemmer's
23 (forms with a dropped or changed vowel: дня, ночі, року), but PostgreSQL loads it in
each new connection, 3.2–3.7 s and 59 MB on the first search or save of each; SQLite
has nothing like it; and a hosted PostgreSQL may not let the site install it.

Counting and ranking every match of a common word ("said" is in nine articles out of
ten) means reading some 90,000 rows at 100,000 articles: a third of a second just to
count them on PostgreSQL. Each kind therefore ranks only its newest MATCH_LIMIT
matches, which the database finds through the full-text index when the words are rare
and by walking the (language, status, published_at) index until it has enough when
they are common. A kind with more matches counts as MATCH_LIMIT, and `is_capped` says
the true number is larger. A reader after an older story adds a word, as on any news
site.

One query counts the matches, one cuts the page from the UNION of the kinds'
candidates (none when nothing can match), and the page's objects are fetched with one
query per kind, as in the News Feed.
"""

import itertools
import math
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import CharField, Expression, F, Value
from django.utils.translation import get_language

from . import kinds as registry
from . import stemming
from .stream import hydrate

MAX_QUERY_LENGTH = 200
# Words and phrases a query keeps: each costs an index lookup and a rank, and a hundred
# repeats of one word took seconds to find nothing more.
MAX_TERMS = 10
# Per kind, how many of the newest matches are ranked and counted.
MATCH_LIMIT = 1000
# PostgreSQL's text search configuration for the stored vectors and the queries alike.
SEARCH_CONFIG = "english"
# SQLite: the bm25 weights of each FTS5 table's (title, text) columns.
FTS_WEIGHTS = (10.0, 1.0)
# The editions whose words are matched by their stems' prefixes (newsroom.stemming)
# rather than by the database's English stemmer.
STEMMED_LANGUAGES = {"uk"}
# A phrase of words with several stems matches at most this many of their combinations.
PHRASE_FORMS = 8
# A word of a Ukrainian query, apostrophes plain: letters and digits (no underscore),
# with the apostrophes and hyphens inside it.
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# A quoted phrase (the closing quote may be missing, as websearch_to_tsquery allows),
# or a run of anything else up to a space.
QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


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


def bounded(query):
    """`query` with each word or phrase once, at most MAX_TERMS of them, and no "or" twice
    in a row: the same meaning, at a bounded cost."""
    seen, kept = set(), []
    for match in QUERY_TOKEN.finditer(query):
        token = match.group(0)
        if token.lower() == "or":
            if kept and kept[-1].lower() != "or":
                kept.append(token)
            continue
        if token.lower() in seen:
            continue
        if len(seen) == MAX_TERMS:
            break
        seen.add(token.lower())
        kept.append(token)
    return " ".join(kept)


def normalized(query):
    """What a reader's query is searched as (and shown as): single spaces, each term once
    (bounded), at most MAX_QUERY_LENGTH characters, cut between words."""
    query = bounded(" ".join(query.split()))
    if len(query) > MAX_QUERY_LENGTH:
        query = query[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0][:MAX_QUERY_LENGTH]
    return query


def _groups(query):
    """
    The alternatives of `query` (its parts between ORs) as (wanted, unwanted) lists of
    the words and phrases as typed. A group of only -excluded words is dropped later,
    as FTS5 cannot ask for "everything but".
    """
    groups = [([], [])]
    for minus, phrase, word in QUERY_TOKEN.findall(query):
        if word.lower() == "or":
            groups.append(([], []))
            continue
        if word.startswith("-"):
            minus, word = "-", word[1:]
        text = phrase or word
        if text:
            wanted, unwanted = groups[-1]
            (unwanted if minus else wanted).append(text)
    return groups


def _word_forms(word):
    """The alternative token lists, each a list of (token, is_prefix), that find the
    lowercased `word` (apostrophes plain) in a Ukrainian query."""
    *head, last = word.split("-")
    if not all(map(stemming.is_ukrainian, [*head, last])):
        # Left whole for the database's tokenizer, which reads "covid-19" in the query
        # as it read it in the text.
        return [[(token, False) for token in word.split("'")]]
    # Only the last part of a compound takes an ending: "північно-східний".
    tokens = [(token, False) for part in head for token in part.split("'")]
    is_prefix = len(last.replace("'", "")) >= stemming.MIN_STEM
    forms = []
    for stem in stemming.stems(last):
        *start, end = stem.split("'")
        forms.append([*tokens, *((token, False) for token in start), (end, is_prefix)])
    return forms


def _ukrainian_forms(text):
    """
    What the Ukrainian word or phrase `text` matches: a list of alternative phrases,
    each a list of (token, is_prefix).

    Each Cyrillic word becomes its stems (newsroom.stemming), matched as prefixes of the
    indexed words; other words match themselves. A word with an apostrophe is two
    tokens to both databases' tokenizers, hence a phrase. A phrase of words with several
    stems matches any of their combinations, up to PHRASE_FORMS of them.
    """
    words = WORD.findall(text.lower().translate(stemming.APOSTROPHES))
    if not words:
        return []
    return [
        [token for tokens in combination for token in tokens]
        for combination in itertools.islice(
            itertools.product(*map(_word_forms, words)), PHRASE_FORMS
        )
    ]


def _rendered_groups(query, term):
    """The (wanted, unwanted) groups of `query` with each word or phrase rendered by
    `term`, leaving out those it renders as "" and the groups left wanting nothing."""
    rendered = []
    for wanted, unwanted in _groups(query):
        wanted = [text for text in map(term, wanted) if text]
        if wanted:
            rendered.append((wanted, [text for text in map(term, unwanted) if text]))
    return rendered


def _fts5_term(text):
    return '"' + text.replace('"', '""') + '"'


def _fts5_ukrainian_term(text):
    forms = [
        " + ".join(f'"{token}"' + ("*" if is_prefix else "") for token, is_prefix in form)
        for form in _ukrainian_forms(text)
    ]
    if len(forms) > 1:
        return f"({' OR '.join(forms)})"
    return forms[0] if forms else ""


def fts5_query(query, language=None):
    """
    `query` as an FTS5 query meaning what websearch_to_tsquery makes of it (tsquery()
    for a `language` in STEMMED_LANGUAGES), or "" when it asks for nothing FTS5 can find.

    Every word and phrase goes in as a quoted string with its quotes doubled, so nothing
    a reader types is read as FTS5 syntax (AND, NEAR, *, ^, column filters) and no input
    can make the query fail. The stemmed words of a Ukrainian query are letters only.
    """
    stemmed = language in STEMMED_LANGUAGES
    clauses = []
    for wanted, unwanted in _rendered_groups(
        query, _fts5_ukrainian_term if stemmed else _fts5_term
    ):
        # FTS5 reads a space as AND only between two phrases, not after a bracket.
        clause = (" AND " if stemmed else " ").join(wanted)
        if unwanted:
            clause = f"({clause}) NOT ({' OR '.join(unwanted)})"
        clauses.append(f"({clause})")
    return " OR ".join(clauses)


def _tsquery_ukrainian_term(text):
    forms = [
        " <-> ".join(f"'{token}'" + (":*" if is_prefix else "") for token, is_prefix in form)
        for form in _ukrainian_forms(text)
    ]
    return f"({' | '.join(forms)})" if forms else ""


def tsquery(query):
    """
    PostgreSQL: the Ukrainian `query` as to_tsquery() text meaning what fts5_query()
    makes of it, or "" when it asks for nothing. Each lexeme is a quoted run of letters,
    digits and hyphens, so no input can make the query fail.
    """
    clauses = []
    for wanted, unwanted in _rendered_groups(query, _tsquery_ukrainian_term):
        clause = " & ".join(wanted)
        if unwanted:
            clause = f"{clause} & !({' | '.join(unwanted)})"
        clauses.append(f"({clause})")
    return " | ".join(clauses)


class StoredDocument(Expression):
    """PostgreSQL: the `search_document` column the search migrations add. The models
    do not declare it, as SQLite has no tsvector type."""

    output_field = SearchVectorField()

    def __init__(self, model):
        super().__init__()
        self.table = model._meta.db_table

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.table)}.search_document", []


class FullTextMatches(Expression):
    """SQLite: the ids of the rows whose FTS5 entry matches an FTS5 query, for `pk__in`."""

    def __init__(self, kind, query):
        super().__init__()
        self.table = registry.get(kind).search_index
        self.query = query

    def as_sql(self, compiler, connection):
        sql = f"(SELECT rowid FROM {self.table} WHERE {self.table} MATCH %s)"  # noqa: S608 - our table
        return sql, [self.query]


def _searched():
    """{kind name: model} of the kinds that have a search index."""
    return {kind.name: kind.model for kind in registry.registered() if kind.search_index}


def _compiled(queryset):
    return queryset.query.get_compiler(connection=connection).as_sql()


def _union_sql(parts):
    """
    SQL and params of the UNION ALL of (sql, params) parts, each of which may have a
    LIMIT (SQLite accepts one only inside a subquery).

    The parts are Django's compilations of querysets, or SQL naming only our tables and
    columns; whatever the reader typed is among the params, never in the SQL.
    """
    sql = " UNION ALL ".join(
        f"SELECT * FROM ({part_sql}) AS part_{number}"  # noqa: S608 - see the docstring
        for number, (part_sql, _) in enumerate(parts)
    )
    return sql, [param for _, part_params in parts for param in part_params]


def _count(parts):
    """How many rows of each kind the (sql, params) parts select, as {kind: number}."""
    sql, params = _union_sql(parts)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT kind, count(*) FROM ({sql}) AS matches GROUP BY kind", params)  # noqa: S608
        return dict(cursor.fetchall())


def _postgres_search(query, language, start, stop):
    """(page rows, {kind: number of matches up to MATCH_LIMIT + 1}) on PostgreSQL."""
    if language in STEMMED_LANGUAGES:
        query = tsquery(query)
        if not query:
            return [], {}
        search_query = SearchQuery(query, search_type="raw", config=SEARCH_CONFIG)
    else:
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    matches = [
        model.objects.published()
        .in_edition(language)
        .annotate(kind=Value(kind, output_field=CharField()), document=StoredDocument(model))
        .filter(document=search_query)
        .order_by("-published_at", "-pk")
        for kind, model in _searched().items()
    ]
    # One past the limit tells whether a kind has more matches than are ranked. Any
    # MATCH_LIMIT + 1 matches would do, but without the ORDER BY PostgreSQL may choose a
    # sequential scan, which reads whole rows and is slower than either index.
    counts = _count(
        [_compiled(queryset.values_list("kind")[: MATCH_LIMIT + 1]) for queryset in matches]
    )
    first, *rest = [
        queryset.annotate(rank=SearchRank(F("document"), search_query)).values_list(
            "kind", "pk", "published_at", "rank"
        )[:MATCH_LIMIT]
        for queryset in matches
    ]
    merged = first.union(*rest, all=True)
    rows = list(merged.order_by("-rank", "-published_at", "-kind", "-pk")[start:stop])
    return rows, counts


def _sqlite_search(query, language, start, stop):
    """(page rows, {kind: number of matches up to MATCH_LIMIT + 1}) on SQLite."""
    query = fts5_query(query, language)
    if not query:
        return [], {}
    # Each kind's matches as seen from its FTS5 table: the matching rows of the index,
    # joined to their published items (published()'s own conditions, compiled). CROSS
    # JOIN makes SQLite read the index first and look the items up; the other way round
    # it would run MATCH once per item.
    matches = {}
    for kind, model in _searched().items():
        published = model.objects.published().in_edition(language)
        where, where_params = published.query.get_compiler(connection=connection).compile(
            published.query.where
        )
        index = registry.get(kind).search_index
        table = connection.ops.quote_name(model._meta.db_table)
        matches[kind] = (
            f"FROM {index} CROSS JOIN {table} ON {table}.id = {index}.rowid "
            f"WHERE {index} MATCH %s AND {where}",
            [query, *where_params],
        )
    counts = _count(
        [
            (f"SELECT %s AS kind {sql} LIMIT %s", [kind, *params, MATCH_LIMIT + 1])
            for kind, (sql, params) in matches.items()
        ]
    )
    parts = []
    for kind, number in counts.items():
        sql, params = matches[kind]
        index, model = registry.get(kind).search_index, registry.get(kind).model
        select = (
            f"SELECT %s AS kind, {index}.rowid AS pk, published_at, -bm25({index}, %s, %s) AS rank"
        )
        if number > MATCH_LIMIT:
            # Only the newest MATCH_LIMIT, found by walking the (language, status,
            # published_at) index. The unary plus keeps SQLite from looking each of
            # them up in the FTS5 index one by one: it scans the matches once and keeps
            # these.
            newest_sql, newest_params = _compiled(
                model.objects.published()
                .in_edition(language)
                .filter(pk__in=FullTextMatches(kind, query))
                .order_by("-published_at", "-pk")
                .values_list("pk")[:MATCH_LIMIT]
            )
            sql = f"{sql} AND +{index}.rowid IN ({newest_sql})"
            params = [*params, *newest_params]
        parts.append((f"{select} {sql}", [kind, *FTS_WEIGHTS, *params]))
    if not parts:
        return [], counts
    sql, params = _union_sql(parts)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT kind, pk, published_at, rank FROM ({sql}) AS candidates "  # noqa: S608
            "ORDER BY rank DESC, published_at DESC, kind DESC, pk DESC LIMIT %s OFFSET %s",
            [*params, stop - start, start],
        )
        rows = cursor.fetchall()
    # A column of a UNION has no declared type, so SQLite hands back text.
    convert = connection.ops.convert_datetimefield_value
    return [(kind, pk, convert(at, None, connection), rank) for kind, pk, at, rank in rows], counts


def folds_cyrillic_case(using=connection):
    """Whether the database's index lowercases Cyrillic words, as the Ukrainian search
    needs: PostgreSQL does so only in a database with a UTF-8 LC_CTYPE (C.UTF-8,
    uk_UA.UTF-8), not in one made with the C locale; SQLite's FTS5 always does."""
    if using.vendor != "postgresql":
        return True
    with using.cursor() as cursor:
        cursor.execute("SELECT to_tsvector(%s, 'Київ')::text", [SEARCH_CONFIG])
        return cursor.fetchone()[0] == "'київ':1"


def search(query, page=1, per_page=20, language=None):
    """Page `page` of the items of the `language` edition (by default the active
    language's) matching `query`, best first."""
    query = normalized(query)
    language = language or get_language()
    start = (page - 1) * per_page
    if connection.vendor == "postgresql":
        rows, counts = _postgres_search(query, language, start, start + per_page)
    else:
        rows, counts = _sqlite_search(query, language, start, start + per_page)
    return SearchResults(
        items=hydrate(rows),
        count=sum(min(number, MATCH_LIMIT) for number in counts.values()),
        number=page,
        per_page=per_page,
        is_capped=any(number > MATCH_LIMIT for number in counts.values()),
    )
