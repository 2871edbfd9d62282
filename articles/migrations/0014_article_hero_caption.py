"""
Article.hero_caption. SQLite adds the column by rebuilding articles_article, which drops
the search index's triggers (see 0007_search_fts): they are made again after the rebuild,
either way. The index itself is untouched, and so are the words it holds.
"""

import importlib

from django.db import migrations, models

search_fts = importlib.import_module("articles.migrations.0007_search_fts")
DROP_TRIGGERS = [sql for sql in search_fts.REMOVE if sql.startswith("DROP TRIGGER")]
MAKE_TRIGGERS = [sql for sql in search_fts.ADD if sql.startswith("CREATE TRIGGER")]


def remake_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in [*DROP_TRIGGERS, *MAKE_TRIGGERS]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_plain_spaces_in_bodies"),
    ]

    operations = [
        # Run backwards, after the column is removed (another rebuild).
        migrations.RunPython(migrations.RunPython.noop, remake_search_triggers, elidable=False),
        migrations.AddField(
            model_name="article",
            name="hero_caption",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Replaces the photo's own caption in this article only; the photo's credit "
                    "is always shown. Left empty, the photo's caption is used."
                ),
                verbose_name="hero photo caption",
            ),
        ),
        migrations.RunPython(remake_search_triggers, migrations.RunPython.noop, elidable=False),
    ]
