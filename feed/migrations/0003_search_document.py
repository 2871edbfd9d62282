"""
PostgreSQL only: stored tsvectors of quotes (the words A, speaker and context B) and
videos (title A, teaser B), with GIN indexes, for feed/search.py.

Generated columns follow every write path without triggers; see
articles/migrations/0006_search_document.py for what they cost and forbid.
"""

from django.db import migrations

ADD = (
    """
    ALTER TABLE feed_quote ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(text, '')), 'A')
        || setweight(to_tsvector('english', coalesce(speaker, '') || ' ' || coalesce(context, '')), 'B')
    ) STORED,
    ALTER COLUMN search_document SET STORAGE MAIN
    """,
    "CREATE INDEX quote_search_idx ON feed_quote USING gin (search_document)",
    """
    ALTER TABLE feed_video ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(teaser, '')), 'B')
    ) STORED,
    ALTER COLUMN search_document SET STORAGE MAIN
    """,
    "CREATE INDEX video_search_idx ON feed_video USING gin (search_document)",
)

REMOVE = (
    "DROP INDEX IF EXISTS quote_search_idx",
    "ALTER TABLE feed_quote DROP COLUMN IF EXISTS search_document",
    "DROP INDEX IF EXISTS video_search_idx",
    "ALTER TABLE feed_video DROP COLUMN IF EXISTS search_document",
)


def add_search_document(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in ADD:
            schema_editor.execute(statement)


def remove_search_document(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in REMOVE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("feed", "0002_editorial_workflow"),
    ]

    operations = [
        migrations.RunPython(add_search_document, remove_search_document, elidable=False),
    ]
