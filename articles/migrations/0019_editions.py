"""
Editions: every article's language and translation group, the reader index led by the
language. SQLite adds the language by rebuilding articles_article, which drops the search
index's triggers (see 0007_search_fts): they are made again after the rebuild, either
way. The index and its words are untouched.
"""

import importlib

from django.conf import settings
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
        ("articles", "0018_live_blog_times"),
        ("authors", "0002_clean_image_fields"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Run backwards, after the columns are removed (another rebuild).
        migrations.RunPython(migrations.RunPython.noop, remake_search_triggers, elidable=False),
        migrations.RemoveIndex(
            model_name="article",
            name="article_status_pub_idx",
        ),
        migrations.RemoveIndex(
            model_name="article",
            name="article_section_pub_idx",
        ),
        migrations.RemoveIndex(
            model_name="article",
            name="article_featured_idx",
        ),
        migrations.AddField(
            model_name="article",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("uk", "Українська")],
                default="en",
                help_text="The edition the item appears in.",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="translation_group",
            field=models.UUIDField(
                blank=True,
                editable=False,
                help_text="Items sharing it are one story in different languages, one per language.",
                null=True,
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["language", "status", "-published_at", "-id"],
                name="article_edition_pub_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["translation_group"], name="article_translation_idx"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["section", "language", "status", "-published_at", "-id"],
                name="article_section_pub_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["is_featured", "language", "status", "-published_at"],
                name="article_featured_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("translation_group", "language"),
                name="article_one_translation_per_language",
                violation_error_message="This story already has a version in this language.",
            ),
        ),
        migrations.RunPython(remake_search_triggers, migrations.RunPython.noop, elidable=False),
    ]
