"""
Editions: every brief's, quote's and video's language and translation group, the reader
indexes led by the language. SQLite adds the language by rebuilding each table, which
drops the search indexes' triggers (see 0004_search_fts, 0006_brief_search): they are
made again after the rebuild, either way. The indexes and their words are untouched.
"""

import importlib

from django.conf import settings
from django.db import migrations, models

feed_search = importlib.import_module("feed.migrations.0004_search_fts")
brief_search = importlib.import_module("feed.migrations.0006_brief_search")
SEARCH_INDEXES = [*feed_search.INDEXES, brief_search.SQLITE_INDEX]


def remake_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table, index, document, columns in SEARCH_INDEXES:
        for trigger in ("insert", "update", "delete"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {index}_{trigger}")
        for statement in feed_search.statements(table, index, document, columns):
            if statement.startswith("CREATE TRIGGER"):
                schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0019_editions"),
        ("authors", "0002_clean_image_fields"),
        ("feed", "0009_brief_live_blog"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Run backwards, after the columns are removed (another rebuild).
        migrations.RunPython(migrations.RunPython.noop, remake_search_triggers, elidable=False),
        migrations.RemoveIndex(
            model_name="brief",
            name="brief_status_pub_idx",
        ),
        migrations.RemoveIndex(
            model_name="quote",
            name="quote_status_pub_idx",
        ),
        migrations.RemoveIndex(
            model_name="video",
            name="video_status_pub_idx",
        ),
        migrations.AddField(
            model_name="brief",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("uk", "Українська")],
                default="en",
                help_text="The edition the item appears in.",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="brief",
            name="translation_group",
            field=models.UUIDField(
                blank=True,
                editable=False,
                help_text="Items sharing it are one story in different languages, one per language.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="quote",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("uk", "Українська")],
                default="en",
                help_text="The edition the item appears in.",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="quote",
            name="translation_group",
            field=models.UUIDField(
                blank=True,
                editable=False,
                help_text="Items sharing it are one story in different languages, one per language.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="video",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("uk", "Українська")],
                default="en",
                help_text="The edition the item appears in.",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="video",
            name="translation_group",
            field=models.UUIDField(
                blank=True,
                editable=False,
                help_text="Items sharing it are one story in different languages, one per language.",
                null=True,
            ),
        ),
        migrations.AddIndex(
            model_name="brief",
            index=models.Index(
                fields=["language", "status", "-published_at", "-id"], name="brief_edition_pub_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="brief",
            index=models.Index(fields=["translation_group"], name="brief_translation_idx"),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(
                fields=["language", "status", "-published_at", "-id"], name="quote_edition_pub_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(fields=["translation_group"], name="quote_translation_idx"),
        ),
        migrations.AddIndex(
            model_name="video",
            index=models.Index(
                fields=["language", "status", "-published_at", "-id"], name="video_edition_pub_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="video",
            index=models.Index(fields=["translation_group"], name="video_translation_idx"),
        ),
        migrations.AddConstraint(
            model_name="brief",
            constraint=models.UniqueConstraint(
                fields=("translation_group", "language"),
                name="brief_one_translation_per_language",
                violation_error_message="This story already has a version in this language.",
            ),
        ),
        migrations.AddConstraint(
            model_name="quote",
            constraint=models.UniqueConstraint(
                fields=("translation_group", "language"),
                name="quote_one_translation_per_language",
                violation_error_message="This story already has a version in this language.",
            ),
        ),
        migrations.AddConstraint(
            model_name="video",
            constraint=models.UniqueConstraint(
                fields=("translation_group", "language"),
                name="video_one_translation_per_language",
                violation_error_message="This story already has a version in this language.",
            ),
        ),
        migrations.RunPython(remake_search_triggers, migrations.RunPython.noop, elidable=False),
    ]
