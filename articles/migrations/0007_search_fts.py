"""
SQLite only: an FTS5 index of articles (headline in one column, standfirst and the
body's text in another), kept in step with articles_article by triggers, for
feed/search.py.

Triggers follow every write path (admin saves, bulk_create, queryset.update(), the
importers, raw SQL). The body is HTML, so the triggers index its text without the tags
and the few entities the sanitiser writes: link addresses and alt texts are not words
of the article. SQLite has no function for that, hence the recursive query, which
drops one tag per step.

The index is contentless (content=''): a copy of every article's text would grow the
database by 40% at 100,000 articles. FTS5 then removes a row by being told the words
it indexed, which the triggers recompute from the old row with the same expression. A
migration that changes the expression must therefore rebuild the index ('delete-all',
then the INSERT ... SELECT below) rather than only replace the triggers.

Django rebuilds a SQLite table to alter most columns (a new table, copied, renamed),
and the triggers are dropped with the old table. A later migration that does so for
articles_article must run this migration's SQL again; the search tests fail until it
does.
"""

from django.db import migrations

TABLE = "articles_article"
INDEX = "article_search"


def plain_text(html):
    """SQL for the text of the HTML in the expression `html`: tags become spaces."""
    return f"""(
        WITH RECURSIVE markup(done, rest) AS (
            SELECT '', {html}
            UNION ALL
            SELECT done || substr(rest, 1, instr(rest, '<') - 1) || ' ',
                   substr(rest, instr(rest, '<') + instr(substr(rest, instr(rest, '<')), '>'))
            FROM markup
            WHERE instr(rest, '<') > 0 AND instr(substr(rest, instr(rest, '<')), '>') > 0
        )
        SELECT replace(replace(replace(replace(done || rest,
            '&amp;', ' '), '&nbsp;', ' '), '&lt;', ' '), '&gt;', ' ')
        FROM markup
        WHERE NOT (instr(rest, '<') > 0 AND instr(substr(rest, instr(rest, '<')), '>') > 0)
    )"""


def document(row):
    """SQL for the indexed (title, text) of the articles_article row named `row`."""
    return f"{row}.headline, {row}.standfirst || ' ' || {plain_text(f'{row}.body')}"


ADD = (
    # porter: English stemming, as PostgreSQL's 'english' configuration does.
    f"""CREATE VIRTUAL TABLE {INDEX} USING fts5(
        title, text, content = '', tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    f"INSERT INTO {INDEX}(rowid, title, text) SELECT id, {document(TABLE)} FROM {TABLE}",
    f"""CREATE TRIGGER {INDEX}_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {INDEX}(rowid, title, text) VALUES (new.id, {document("new")});
    END""",
    f"""CREATE TRIGGER {INDEX}_update AFTER UPDATE OF headline, standfirst, body ON {TABLE}
    BEGIN
        INSERT INTO {INDEX}({INDEX}, rowid, title, text) VALUES ('delete', old.id, {document("old")});
        INSERT INTO {INDEX}(rowid, title, text) VALUES (new.id, {document("new")});
    END""",
    f"""CREATE TRIGGER {INDEX}_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {INDEX}({INDEX}, rowid, title, text) VALUES ('delete', old.id, {document("old")});
    END""",
)

REMOVE = (
    f"DROP TRIGGER IF EXISTS {INDEX}_insert",
    f"DROP TRIGGER IF EXISTS {INDEX}_update",
    f"DROP TRIGGER IF EXISTS {INDEX}_delete",
    f"DROP TABLE IF EXISTS {INDEX}",
)


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in ADD:
            schema_editor.execute(statement)


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in REMOVE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_search_document"),
    ]

    operations = [
        migrations.RunPython(add_search_index, remove_search_index, elidable=False),
    ]
