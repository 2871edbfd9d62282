"""
Article.live_starts_at and live_ends_at: an article with a start is a live blog. SQLite
adds the check on them by rebuilding articles_article, which drops the search index's
triggers (see 0007_search_fts): they are made again after the rebuild, either way.
"""

import importlib

from django.db import migrations, models

hero_caption = importlib.import_module("articles.migrations.0014_article_hero_caption")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0016_breaking_news"),
    ]

    operations = [
        # Run backwards, after the columns are removed (another rebuild).
        migrations.RunPython(
            migrations.RunPython.noop, hero_caption.remake_search_triggers, elidable=False
        ),
        migrations.AddField(
            model_name='article',
            name='live_ends_at',
            field=models.DateTimeField(blank=True, help_text='From this time the live blog says “Ended”. Left empty, it stays live.', null=True, verbose_name='live coverage ends'),
        ),
        migrations.AddField(
            model_name='article',
            name='live_starts_at',
            field=models.DateTimeField(blank=True, help_text='Makes the article a live blog: its entries (briefs attached to it) show under it, newest first. Until this time the page says when coverage starts.', null=True, verbose_name='live coverage starts'),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.CheckConstraint(condition=models.Q(('live_ends_at__isnull', True), models.Q(('live_starts_at__isnull', False), ('live_starts_at__lte', models.F('live_ends_at'))), _connector='OR'), name='article_live_ends_after_start', violation_error_message='Live coverage needs a start, no later than its end.'),
        ),
        migrations.RunPython(
            hero_caption.remake_search_triggers, migrations.RunPython.noop, elidable=False
        ),
    ]
