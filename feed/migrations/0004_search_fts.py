"""
SQLite only: FTS5 indexes of quotes (the words in one column, speaker and context in
another) and videos (title, teaser), kept in step by triggers, for feed/search.py.

Contentless, like the articles' index: see articles/migrations/0007_search_fts.py
for why, and for what a later migration that rebuilds these tables, or changes what
is indexed, must do.
"""

from django.db import migrations

# (table, index, its two columns as SQL over the row named {row}, the table's columns)
INDEXES = (
    (
        "feed_quote",
        "quote_search",
        "{row}.text, {row}.speaker || ' ' || {row}.context",
        "text, speaker, context",
    ),
    ("feed_video", "video_search", "{row}.title, {row}.teaser", "title, teaser"),
)


def statements(table, index, document, columns):
    return (
        # porter: English stemming, as PostgreSQL's 'english' configuration does.
        f"""CREATE VIRTUAL TABLE {index} USING fts5(
            title, text, content = '', tokenize = 'porter unicode61 remove_diacritics 2'
        )""",
        f"INSERT INTO {index}(rowid, title, text) "
        f"SELECT id, {document.format(row=table)} FROM {table}",
        f"""CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN
            INSERT INTO {index}(rowid, title, text) VALUES (new.id, {document.format(row="new")});
        END""",
        f"""CREATE TRIGGER {index}_update AFTER UPDATE OF {columns} ON {table} BEGIN
            INSERT INTO {index}({index}, rowid, title, text)
                VALUES ('delete', old.id, {document.format(row="old")});
            INSERT INTO {index}(rowid, title, text) VALUES (new.id, {document.format(row="new")});
        END""",
        f"""CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN
            INSERT INTO {index}({index}, rowid, title, text)
                VALUES ('delete', old.id, {document.format(row="old")});
        END""",
    )


def add_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for table, index, document, columns in INDEXES:
            for statement in statements(table, index, document, columns):
                schema_editor.execute(statement)


def remove_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for _, index, _, _ in INDEXES:
            for trigger in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {index}_{trigger}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {index}")


class Migration(migrations.Migration):
    dependencies = [
        ("feed", "0003_search_document"),
    ]

    operations = [
        migrations.RunPython(add_search_indexes, remove_search_indexes, elidable=False),
    ]
