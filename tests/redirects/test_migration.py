"""Old slugs and imported old addresses recorded before the redirects app keep working."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("articles", "0007_search_fts"),
    ("importers", "0001_initial"),
    ("redirects", "0001_initial"),
]
AFTER = [
    ("articles", "0008_old_slugs_to_redirects"),
    ("importers", "0002_legacy_paths_to_redirects"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_old_slugs_and_legacy_paths_become_redirects():
    apps = migrate(BEFORE)
    Section = apps.get_model("articles", "Section")
    Article = apps.get_model("articles", "Article")
    ContentType = apps.get_model("contenttypes", "ContentType")
    article = Article.objects.create(
        headline="Ferry strike ends", slug="ferry-strike-ends", section=Section.objects.create(
            name="City", slug="city"
        ), status="published",
    )  # fmt: skip
    apps.get_model("articles", "ArticleSlugHistory").objects.create(
        old_slug="ferry-strike-over", article=article
    )
    content_type, _ = ContentType.objects.get_or_create(app_label="articles", model="article")
    apps.get_model("importers", "LegacyPath").objects.create(
        path="/?p=10", content_type=content_type, object_id=article.pk
    )

    apps = migrate(AFTER)
    redirects = apps.get_model("redirects", "Redirect").objects.order_by("old_path")
    assert [(r.old_path, r.object_id) for r in redirects] == [
        ("/?p=10", article.pk),
        ("/articles/ferry-strike-over/", article.pk),
    ]

    # And back: the old tables get their rows again (a legacy path may redirect any
    # address, so every redirect becomes one).
    apps = migrate(BEFORE)
    assert apps.get_model("articles", "ArticleSlugHistory").objects.get().old_slug == (
        "ferry-strike-over"
    )
    paths = apps.get_model("importers", "LegacyPath").objects.values_list("path", flat=True)
    assert "/?p=10" in paths


@pytest.fixture(autouse=True)
def latest_schema_afterwards():
    yield
    # Every app's latest, not AFTER: tests run later on this database need the whole schema.
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
