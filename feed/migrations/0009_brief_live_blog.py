"""
A brief as a live blog's entry: its live blog, key event, pinned summary (one per live
blog) and whether it is also in the News Feed. SQLite adds the columns by rebuilding
feed_brief, which drops the search index's triggers (see 0006_brief_search): they are
made again after the rebuild, either way. The index and its words are untouched.
"""

import importlib

import django.db.models.deletion
from django.db import migrations, models

brief_search = importlib.import_module("feed.migrations.0006_brief_search")
feed_search = importlib.import_module("feed.migrations.0004_search_fts")
MAKE_TRIGGERS = [
    sql
    for sql in feed_search.statements(*brief_search.SQLITE_INDEX)
    if sql.startswith("CREATE TRIGGER")
]


def remake_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for trigger in ("insert", "update", "delete"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS brief_search_{trigger}")
        for statement in MAKE_TRIGGERS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0017_live_blog"),
        ("feed", "0008_breaking_news"),
    ]

    operations = [
        # Run backwards, after the columns are removed (another rebuild).
        migrations.RunPython(migrations.RunPython.noop, remake_search_triggers, elidable=False),
        migrations.AddField(
            model_name='brief',
            name='in_news_feed',
            field=models.BooleanField(default=True, help_text="A live blog's entry also appears in the News Feed, home and tag pages, linking to the live blog. Untick to keep it to the live blog.", verbose_name='also in the News Feed'),
        ),
        migrations.AddField(
            model_name='brief',
            name='is_key_event',
            field=models.BooleanField(default=False, help_text='Listed under “Key events” at the top of the live blog.', verbose_name='key event'),
        ),
        migrations.AddField(
            model_name='brief',
            name='is_pinned',
            field=models.BooleanField(default=False, help_text='Shown as the summary at the top of the live blog; a live blog has one.', verbose_name='pinned summary'),
        ),
        migrations.AddField(
            model_name='brief',
            name='live_blog',
            field=models.ForeignKey(blank=True, help_text='Makes the brief an entry of this live blog, shown there with its time.', limit_choices_to={'live_starts_at__isnull': False}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='live_entries', to='articles.article'),
        ),
        migrations.AddIndex(
            model_name='brief',
            index=models.Index(fields=['live_blog', 'status', '-published_at', '-id'], name='brief_live_blog_pub_idx'),
        ),
        migrations.AddConstraint(
            model_name='brief',
            constraint=models.UniqueConstraint(condition=models.Q(('is_pinned', True)), fields=('live_blog',), name='brief_one_pinned_per_live_blog', violation_error_message='This live blog already has a pinned summary: unpin that one first.'),
        ),
        migrations.RunPython(remake_search_triggers, migrations.RunPython.noop, elidable=False),
    ]
