"""
Drafts may wait for a section; published articles must have one. Making the column
nullable rebuilds articles_article on SQLite, which drops the search index's triggers:
they are made again after, as in 0014.
"""

import importlib

import django.db.models.deletion
from django.db import migrations, models

hero_caption = importlib.import_module("articles.migrations.0014_article_hero_caption")


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0014_article_hero_caption'),
    ]

    operations = [
        migrations.RunPython(
            migrations.RunPython.noop, hero_caption.remake_search_triggers, elidable=False
        ),
        migrations.AlterField(
            model_name='article',
            name='section',
            field=models.ForeignKey(blank=True, help_text='Where the article is filed. A draft may wait for one; publishing needs it.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='articles', to='articles.section'),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'published'), _negated=True), ('section__isnull', False), _connector='OR'), name='article_published_has_section'),
        ),
        migrations.RunPython(
            hero_caption.remake_search_triggers, migrations.RunPython.noop, elidable=False
        ),
    ]
