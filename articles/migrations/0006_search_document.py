"""
PostgreSQL only: a stored tsvector of each article (headline weighted A, standfirst and
body B) and a GIN index on it, for feed/search.py.

A generated column is recomputed by PostgreSQL on every INSERT and UPDATE, so admin
saves, bulk_create, queryset.update() and the importers all keep it current without
triggers or save() hooks. The model does not declare the column (SQLite has no tsvector),
so Django never selects or writes it. The body is HTML: PostgreSQL's parser reads each
tag, attributes and all, as one token the english configuration leaves out, so link
addresses and alt texts are not searchable words.

The vector stays in the row (STORAGE MAIN) and the body moves to the TOAST table
instead: a search tests the vectors of thousands of rows, and fetching each from TOAST
made that two to three times slower, while bodies are read only for the page shown.

Adding the column rewrites the table under an exclusive lock: about half a minute at
100,000 articles. While the column exists PostgreSQL refuses to change the type of
headline, standfirst or body (e.g. a longer max_length): such a migration must drop
the column first and run this one's SQL again after.
"""

from django.db import migrations

# 'english' is explicit (not default_text_search_config) so that the expression is
# immutable, as a generated column requires, and matches the queries in feed/search.py.
ADD = (
    """
    ALTER TABLE articles_article ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(headline, '')), 'A')
        || setweight(to_tsvector('english', coalesce(standfirst, '') || ' ' || coalesce(body, '')), 'B')
    ) STORED,
    ALTER COLUMN search_document SET STORAGE MAIN
    """,
    "CREATE INDEX article_search_idx ON articles_article USING gin (search_document)",
)

REMOVE = (
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_document",
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
        ("articles", "0005_photo_renditions_on_photo"),
    ]

    operations = [
        migrations.RunPython(add_search_document, remove_search_document, elidable=False),
    ]
