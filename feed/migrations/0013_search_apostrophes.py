"""
The search indexes of quotes, videos and briefs made again from their tables, with ʼ
read as ', as articles/migrations/0023_search_apostrophes.py does for articles (it says
why).

On SQLite the FTS5 tables are made again with their triggers and refilled from the
tables. On PostgreSQL the columns are dropped and added again, which rewrites the tables.
"""

import importlib

from django.db import migrations

article_search = importlib.import_module("articles.migrations.0023_search_apostrophes")
search_document = importlib.import_module("feed.migrations.0003_search_document")
search_fts = importlib.import_module("feed.migrations.0004_search_fts")
brief_search = importlib.import_module("feed.migrations.0006_brief_search")
plain = article_search.plain_apostrophes

# (table, GIN index, SQL of the words weighted A, SQL of those weighted B)
DOCUMENTS = (
    (
        "feed_quote",
        "quote_search_idx",
        "coalesce(text, '')",
        "coalesce(speaker, '') || ' ' || coalesce(context, '')",
    ),
    ("feed_video", "video_search_idx", "coalesce(title, '')", "coalesce(teaser, '')"),
    ("feed_brief", "brief_search_idx", "coalesce(headline, '')", "coalesce(body, '')"),
)
POSTGRESQL_OLD_REMOVE = (*search_document.REMOVE, *brief_search.POSTGRESQL_REMOVE)
POSTGRESQL_ADD = (
    *POSTGRESQL_OLD_REMOVE,
    *(
        statement
        for table, index, title, text in DOCUMENTS
        for statement in (
            f"""
            ALTER TABLE {table} ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', {plain(title)}), 'A')
                || setweight(to_tsvector('english', {plain(text)}), 'B')
            ) STORED,
            ALTER COLUMN search_document SET STORAGE MAIN
            """,
            f"CREATE INDEX {index} ON {table} USING gin (search_document)",
        )
    ),
)
POSTGRESQL_REMOVE = (
    *POSTGRESQL_OLD_REMOVE,
    *search_document.ADD,
    *brief_search.POSTGRESQL_ADD,
)
SQLITE_INDEXES = (*search_fts.INDEXES, brief_search.SQLITE_INDEX)
SQLITE_ADD = tuple(
    statement
    for table, index, document, columns in SQLITE_INDEXES
    for statement in article_search.rebuilt(
        index, search_fts.statements(table, index, document, columns)
    )
)
SQLITE_REMOVE = tuple(
    statement
    for table, index, document, columns in SQLITE_INDEXES
    for statement in (
        *article_search.dropped(index),
        *search_fts.statements(table, index, document, columns),
    )
)


class Migration(migrations.Migration):
    dependencies = [
        ("feed", "0012_edition_labels"),
        ("articles", "0023_search_apostrophes"),
    ]

    operations = [
        migrations.RunPython(
            article_search.run({"postgresql": POSTGRESQL_ADD, "sqlite": SQLITE_ADD}),
            article_search.run({"postgresql": POSTGRESQL_REMOVE, "sqlite": SQLITE_REMOVE}),
            elidable=False,
        ),
    ]
