"""Bodies keep no non-breaking space where a writer typed a space, whatever stored them:
the admin's form, an import, or the migration that cleans bodies stored before."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from tests.admin_data import article_form_data
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

# What the editor posted while every typed space became a non-breaking one.
TYPED = "<p>The&nbsp;council&nbsp;met&nbsp;on&nbsp;Tuesday.&nbsp;</p><p>Residents&nbsp; left.</p>"
PLAIN = "<p>The council met on Tuesday. </p><p>Residents  left.</p>"

MIGRATION = ("articles", "0013_plain_spaces_in_bodies")
migration = importlib.import_module(f"{MIGRATION[0]}.migrations.{MIGRATION[1]}")


@pytest.fixture
def migration_apps():
    """The models as the migration sees them (plain managers, no signals of ours)."""
    return MigrationLoader(connection).project_state(MIGRATION).apps


def test_a_body_posted_in_the_admin_is_stored_with_plain_spaces(contributor_client):
    data = article_form_data(section=SectionFactory(), body=TYPED)
    response = contributor_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302
    assert Article.objects.get(slug="bridge-reopens").body == PLAIN


def stored_as_before(body, **fields):
    """An article whose body was stored by an earlier release, bypassing save()."""
    article = ArticleFactory(**fields)
    Article.objects.filter(pk=article.pk).update(body=body, reading_time=1)
    article.refresh_from_db()
    return article


def test_the_migration_gives_stored_bodies_plain_spaces_and_their_reading_time(migration_apps):
    long_body = "<p>" + "&nbsp;".join(["word"] * 500) + "</p>"
    article = stored_as_before(long_body)

    assert migration.plain_spaces_in_bodies(migration_apps, None) == 1

    cleaned = Article.objects.get(pk=article.pk)
    assert cleaned.body == "<p>" + " ".join(["word"] * 500) + "</p>"
    # 500 words at 230 a minute; as one unbroken "word" it had been one minute.
    assert cleaned.reading_time == 3
    # The words are the same: no "Updated" line, no newer date in feeds and sitemaps.
    assert cleaned.updated_at == article.updated_at


def test_the_migration_reads_bodies_a_batch_at_a_time_and_leaves_clean_ones_alone(
    migration_apps,
):
    typed = [stored_as_before(TYPED) for _ in range(5)]
    clean = stored_as_before("<p>Already plain.</p>")
    ampersand = stored_as_before("<p>Fish &#38; chips&nbsp;</p>")

    with CaptureQueriesContext(connection) as queries:
        changed = migration.plain_spaces_in_bodies(migration_apps, None, batch_size=2)

    assert changed == 6
    bodies = dict(Article.objects.values_list("pk", "body"))
    assert {bodies[article.pk] for article in typed} == {PLAIN}
    assert bodies[ampersand.pk] == "<p>Fish &#38; chips </p>"
    assert bodies[clean.pk] == "<p>Already plain.</p>"
    reads = [query["sql"] for query in queries if query["sql"].startswith("SELECT")]
    # Six candidates in batches of two, and the empty read that ends the loop; the clean
    # body is never read.
    assert len(reads) == 4
    assert all("LIMIT 2" in sql for sql in reads)
