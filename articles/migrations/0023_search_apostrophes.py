"""
The articles' search index made again from the table, so that a Ukrainian word is the
same tokens whichever apostrophe it is written with (newsroom/search.py).

Both databases' tokenizers break a word at ' and ’ ("м'ясо" is "м", "ясо") but read
the modifier letter ʼ, the apostrophe Ukrainian typography prefers, as a letter
("мʼясо" is one token). PostgreSQL's column now reads ʼ as ', and SQLite's FTS5 table
takes ʼ as a separator. The query side does the same (newsroom.stemming.APOSTROPHES).

On SQLite the FTS5 table is made again with its triggers and refilled from the table.

On PostgreSQL the column is dropped and added again, which rewrites the table as
0006_search_document did (about half a minute at 100,000 articles).
"""

import importlib

from django.db import migrations

search_document = importlib.import_module("articles.migrations.0006_search_document")
search_fts = importlib.import_module("articles.migrations.0007_search_fts")

# Porter stemming for English, as before; Ukrainian words pass through it unchanged.
TOKENIZER = "porter unicode61 remove_diacritics 2 separators 'ʼ'"


def plain_apostrophes(sql):
    """PostgreSQL: the text of the expression `sql` with ʼ written as '."""
    return f"translate({sql}, 'ʼ', '''')"


def dropped(index):
    """SQLite: the statements that drop the FTS5 table `index` and its triggers."""
    return (
        *(
            f"DROP TRIGGER IF EXISTS {index}_{trigger}"
            for trigger in ("insert", "update", "delete")
        ),
        f"DROP TABLE IF EXISTS {index}",
    )


def rebuilt(index, statements):
    """SQLite: the statements that make the FTS5 table `index` and its triggers again
    as a search migration's `statements` (its CREATE VIRTUAL TABLE, the INSERT that
    fills the table and the CREATE TRIGGERs) did, but with TOKENIZER."""
    return (
        *dropped(index),
        f"""CREATE VIRTUAL TABLE {index} USING fts5(
            title, text, content = '', tokenize = "{TOKENIZER}"
        )""",
        *statements[1:],
    )


POSTGRESQL_ADD = (
    *search_document.REMOVE,
    f"""
    ALTER TABLE articles_article ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', {plain_apostrophes("coalesce(headline, '')")}), 'A')
        || setweight(to_tsvector('english', {
        plain_apostrophes("coalesce(standfirst, '') || ' ' || coalesce(body, '')")
    }), 'B')
    ) STORED,
    ALTER COLUMN search_document SET STORAGE MAIN
    """,
    "CREATE INDEX article_search_idx ON articles_article USING gin (search_document)",
)
POSTGRESQL_REMOVE = (*search_document.REMOVE, *search_document.ADD)
SQLITE_ADD = rebuilt(search_fts.INDEX, search_fts.ADD)
SQLITE_REMOVE = (*dropped(search_fts.INDEX), *search_fts.ADD)


def run(statements_by_vendor):
    """A RunPython function running the statements for the database's vendor."""

    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_edition_labels"),
    ]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRESQL_ADD, "sqlite": SQLITE_ADD}),
            run({"postgresql": POSTGRESQL_REMOVE, "sqlite": SQLITE_REMOVE}),
            elidable=False,
        ),
    ]
