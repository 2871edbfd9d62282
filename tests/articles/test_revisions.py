"""History: every admin save keeps a version that can be looked at and restored."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Photo
from authors.models import Author
from feed.models import Quote, Video
from tests.admin_data import article_form_data, opened_version, publish_time_fields
from tests.factories import AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_admin_saves_keep_revisions_with_who_and_when(editor_client, editor):
    section = SectionFactory()
    editor_client.post(
        reverse("admin:articles_article_add"),
        article_form_data(section=section, authors=[AuthorFactory()]),
    )
    article = Article.objects.get()
    editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(article, body="<p>Second draft.</p>"),
    )

    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    assert {version.revision.user for version in versions} == {editor}
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200
    assert "edith" in history.text


def test_two_versions_can_be_compared_field_by_field(editor_client):
    section = SectionFactory()
    editor_client.post(
        reverse("admin:articles_article_add"),
        article_form_data(section=section, authors=[AuthorFactory()], body="<p>Calm seas.</p>"),
    )
    article = Article.objects.get()
    editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(article, body="<p>Rough seas.</p>"),
    )
    newer, older = Version.objects.get_for_object(article)
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert "compare" in history.text.lower()

    response = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    )
    assert response.status_code == 200
    assert "Calm" in response.text and "Rough" in response.text


def test_restoring_an_old_version_brings_back_its_text(editor_client):
    section, author = SectionFactory(), AuthorFactory()
    editor_client.post(
        reverse("admin:articles_article_add"),
        article_form_data(section=section, authors=[author], body="<p>The original wording.</p>"),
    )
    article = Article.objects.get()
    change = reverse("admin:articles_article_change", args=[article.pk])
    editor_client.post(change, article_form_data(article, body="<p>A clumsy rewrite.</p>"))
    first = Version.objects.get_for_object(article).last()

    revision_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = editor_client.get(revision_url)
    assert "The original wording." in page.text
    article.refresh_from_db()
    assert "clumsy" in article.body, "looking at an old version changes nothing"

    response = editor_client.post(
        revision_url,
        article_form_data(article, body=first.field_dict["body"])
        | {"opened_version": opened_version(page)},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>The original wording.</p>"
    assert article.byline == [author]


def test_deleted_article_can_be_recovered(editor_client):
    section = SectionFactory()
    editor_client.post(
        reverse("admin:articles_article_add"),
        article_form_data(section=section, authors=[AuthorFactory()], headline="Lost and found"),
    )
    article = Article.objects.get()
    editor_client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert not Article.objects.exists()

    recover_list = editor_client.get(reverse("admin:articles_article_recoverlist"))
    assert "Lost and found" in recover_list.text
    deleted = Version.objects.get_deleted(Article).get()
    recover_url = reverse("admin:articles_article_recover", args=[deleted.pk])
    page = editor_client.get(recover_url)
    response = editor_client.post(
        recover_url,
        article_form_data(headline="Lost and found", section=section)
        | {"opened_version": opened_version(page)},
    )
    assert response.status_code == 302
    assert Article.objects.get().headline == "Lost and found"


def test_contributors_cannot_recover_deleted_items(contributor_client):
    assert contributor_client.get(reverse("admin:articles_article_recoverlist")).status_code == 403


@pytest.mark.parametrize("model", [Article, Quote, Video, Author, Photo])
def test_every_editorial_model_keeps_history(model):
    import reversion

    assert reversion.is_registered(model)


def test_restoring_an_older_version_keeps_later_corrections_and_addresses(editor_client, client):
    section, author = SectionFactory(), AuthorFactory()
    editor_client.post(
        reverse("admin:articles_article_add"),
        article_form_data(
            section=section, authors=[author], slug="dam-breach", _workflow="published"
        )
        | publish_time_fields(timezone.now() - timedelta(hours=1)),
    )
    article = Article.objects.get()
    change = reverse("admin:articles_article_change", args=[article.pk])
    editor_client.post(change, article_form_data(article, slug="dam-holds"))
    article.refresh_from_db()
    editor_client.post(
        change,
        article_form_data(article, slug="dam-holds")
        | {
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": "correction",
            "corrections-0-note": "An earlier version said the dam had failed.",
            "corrections-0-noted_at_0": timezone.localtime().strftime("%Y-%m-%d"),
            "corrections-0-noted_at_1": timezone.localtime().strftime("%H:%M:%S"),
        },
    )
    assert article.corrections.count() == 1
    first = Version.objects.get_for_object(article).last()
    assert first.field_dict["slug"] == "dam-breach"

    revision = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = editor_client.get(revision)
    assert page.status_code == 200
    article.refresh_from_db()
    response = editor_client.post(
        revision,
        article_form_data(article, slug="dam-breach") | {"opened_version": opened_version(page)},
    )
    assert response.status_code == 302

    page = client.get("/articles/dam-breach/")
    assert page.status_code == 200
    assert "An earlier version said the dam had failed." in page.text
    assert client.get("/articles/dam-holds/")["Location"] == "/articles/dam-breach/"
    assert article.byline == [author]
