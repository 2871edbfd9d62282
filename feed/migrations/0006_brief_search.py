"""
The search index of briefs (headline in the first column, the body's text in the
second), as feed/migrations/0003_search_document.py and 0004_search_fts.py make those of
quotes and videos: on PostgreSQL a stored tsvector with a GIN index, on SQLite an FTS5
index kept in step by triggers. The body is HTML, indexed without its tags as the
articles' is (articles/migrations/0006_search_document.py, 0007_search_fts.py).
"""

from importlib import import_module

from django.db import migrations

article_search = import_module("articles.migrations.0007_search_fts")
feed_search = import_module("feed.migrations.0004_search_fts")

POSTGRESQL_ADD = (
    """
    ALTER TABLE feed_brief ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(headline, '')), 'A')
        || setweight(to_tsvector('english', coalesce(body, '')), 'B')
    ) STORED,
    ALTER COLUMN search_document SET STORAGE MAIN
    """,
    "CREATE INDEX brief_search_idx ON feed_brief USING gin (search_document)",
)

POSTGRESQL_REMOVE = (
    "DROP INDEX IF EXISTS brief_search_idx",
    "ALTER TABLE feed_brief DROP COLUMN IF EXISTS search_document",
)

SQLITE_INDEX = (
    "feed_brief",
    "brief_search",
    "{row}.headline, " + article_search.plain_text("{row}.body"),
    "headline, body",
)


def add_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = POSTGRESQL_ADD
    elif vendor == "sqlite":
        statements = feed_search.statements(*SQLITE_INDEX)
    else:
        statements = ()
    for statement in statements:
        schema_editor.execute(statement)


def remove_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for statement in POSTGRESQL_REMOVE:
            schema_editor.execute(statement)
    elif vendor == "sqlite":
        for trigger in ("insert", "update", "delete"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS brief_search_{trigger}")
        schema_editor.execute("DROP TABLE IF EXISTS brief_search")


class Migration(migrations.Migration):
    dependencies = [
        ("feed", "0005_brief"),
        ("articles", "0007_search_fts"),
    ]

    operations = [
        migrations.RunPython(add_search_index, remove_search_index, elidable=False),
    ]
