"""
Bodies written while the editor stored typed spaces as non-breaking ones get plain
spaces, as every save now gives them (newsroom.sanitize.breakable_spaces), and the
reading time those spaces hid: "the&nbsp;council&nbsp;met" counted as one word.

Rows are read a batch at a time in primary-key order, so memory stays flat however
many articles there are, and written with bulk_update, which leaves `updated_at` alone:
the words are the same, so no article gains an "Updated" line, a newer date in the
sitemap or the feeds. The search indexes follow the new bodies by themselves (SQLite's
triggers, PostgreSQL's generated column), and cached pages were stored under the
previous release's stamp, which this file changes.

Nothing is undone on the way back: which spaces were non-breaking is not kept.
"""

from django.db import migrations
from django.db.models import Q

from articles.models import reading_time_minutes
from newsroom.sanitize import breakable_spaces

BATCH_SIZE = 500
# Where a body may hold a non-breaking space, so the other rows are not read at all.
MAY_HOLD_NON_BREAKING_SPACE = (
    Q(body__contains="&nbsp;") | Q(body__contains="&#") | Q(body__contains="\N{NO-BREAK SPACE}")
)


def plain_spaces_in_bodies(apps, schema_editor, batch_size=BATCH_SIZE):
    """Apply breakable_spaces to every stored body; return how many articles changed."""
    Article = apps.get_model("articles", "Article")
    candidates = (
        Article.objects.filter(MAY_HOLD_NON_BREAKING_SPACE)
        .order_by("pk")
        .only("pk", "body", "reading_time")
    )
    changed = 0
    last_pk = 0
    while batch := list(candidates.filter(pk__gt=last_pk)[:batch_size]):
        last_pk = batch[-1].pk
        cleaned = []
        for article in batch:
            body = breakable_spaces(article.body)
            if body != article.body:
                article.body = body
                article.reading_time = reading_time_minutes(body)
                cleaned.append(article)
        Article.objects.bulk_update(cleaned, ["body", "reading_time"])
        changed += len(cleaned)
    return changed


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_edit_sessions"),
    ]

    operations = [
        migrations.RunPython(plain_spaces_in_bodies, migrations.RunPython.noop, elidable=True),
    ]
