"""Old slugs move to the redirects app, which keeps every item's earlier addresses."""

from django.db import migrations


def slugs_to_redirects(apps, schema_editor):
    ArticleSlugHistory = apps.get_model("articles", "ArticleSlugHistory")
    Redirect = apps.get_model("redirects", "Redirect")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="articles", model="article")
    for history in ArticleSlugHistory.objects.all():
        # The article page's address when the slug was recorded.
        Redirect.objects.get_or_create(
            old_path=f"/articles/{history.old_slug}/",
            defaults={"content_type": content_type, "object_id": history.article_id},
        )


def redirects_to_slugs(apps, schema_editor):
    ArticleSlugHistory = apps.get_model("articles", "ArticleSlugHistory")
    Redirect = apps.get_model("redirects", "Redirect")
    prefix = "/articles/"
    for redirect in Redirect.objects.filter(
        content_type__app_label="articles",
        content_type__model="article",
        old_path__startswith=prefix,
    ):
        slug = redirect.old_path[len(prefix) :].strip("/")
        if slug and "/" not in slug:
            ArticleSlugHistory.objects.get_or_create(
                old_slug=slug, defaults={"article_id": redirect.object_id}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_search_fts"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("redirects", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(slugs_to_redirects, redirects_to_slugs),
        migrations.DeleteModel(name="ArticleSlugHistory"),
    ]
