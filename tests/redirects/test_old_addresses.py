"""Every earlier public address of an item redirects to where it lives now, whatever
changed its slug (the admin, a revision restore, the shell) — and nothing leaks."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Status
from redirects.models import Redirect
from tests.admin_data import article_form_data, opened_version
from tests.factories import ArticleFactory, AuthorFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def redirected_to(client, url):
    response = client.get(url)
    assert response.status_code == 301, f"{url} answered {response.status_code}"
    return response["Location"]


def test_changing_a_published_slug_in_the_admin_keeps_the_old_address(editor_client, client):
    article = ArticleFactory(slug="bridge-colapses", authors=[AuthorFactory()])
    old_url = article.get_absolute_url()
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(article, slug="bridge-collapses"),
        follow=True,
    )
    assert "The old address /articles/bridge-colapses/ now redirects here." in response.text
    assert redirected_to(client, old_url) == "/articles/bridge-collapses/"
    assert client.get("/articles/bridge-collapses/").status_code == 200


def test_a_slug_changed_in_the_shell_keeps_every_earlier_address(client):
    article = ArticleFactory(slug="first")
    for slug in ("second", "third"):
        article.slug = slug
        article.save()
    assert redirected_to(client, "/articles/first/") == "/articles/third/"
    assert redirected_to(client, "/articles/second/") == "/articles/third/"


def test_going_back_to_an_old_slug_serves_it_and_redirects_the_newer_one(client):
    article = ArticleFactory(slug="first")
    article.slug = "second"
    article.save()
    article.slug = "first"
    article.save()
    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/articles/second/"]
    assert client.get("/articles/first/").status_code == 200
    assert redirected_to(client, "/articles/second/") == "/articles/first/"


def test_restoring_a_revision_with_an_older_slug_redirects_the_newer_address(editor_client, client):
    article = ArticleFactory(slug="flood-warning", authors=[AuthorFactory()])
    change = reverse("admin:articles_article_change", args=[article.pk])
    # A save that changes nothing keeps no version: this one edits the headline.
    editor_client.post(change, article_form_data(article, headline="Flood warning for the valley"))
    article.refresh_from_db()
    editor_client.post(change, article_form_data(article, slug="flood-warning-lifted"))
    first = Version.objects.get_for_object(article).last()
    assert first.field_dict["slug"] == "flood-warning"

    revision = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = editor_client.get(revision)
    article.refresh_from_db()
    response = editor_client.post(
        revision,
        article_form_data(article, slug="flood-warning") | {"opened_version": opened_version(page)},
    )
    assert response.status_code == 302
    assert client.get("/articles/flood-warning/").status_code == 200
    assert redirected_to(client, "/articles/flood-warning-lifted/") == "/articles/flood-warning/"


def test_draft_slug_changes_leave_no_redirect(editor_client):
    article = ArticleFactory(draft=True, slug="working-title")
    editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(article, slug="final-title"),
    )
    assert not Redirect.objects.exists()


def test_old_address_of_an_unpublished_article_is_a_404(client):
    article = ArticleFactory(slug="old-slug")
    article.slug = "new-slug"
    article.save()
    Article.objects.filter(pk=article.pk).update(status=Status.UNPUBLISHED)
    assert client.get(reverse("articles:detail", args=["old-slug"])).status_code == 404
    assert client.get(reverse("articles:detail", args=["never-existed"])).status_code == 404


def test_quotes_keep_their_old_addresses_too(client):
    quote = QuoteFactory(slug="mayor-on-floods")
    quote.slug = "mayor-on-the-floods"
    quote.save()
    assert redirected_to(client, "/quotes/mayor-on-floods/") == quote.get_absolute_url()


def test_the_admin_lists_old_addresses(admin_client):
    article = ArticleFactory(slug="before")
    article.slug = "after"
    article.save()
    response = admin_client.get(reverse("admin:redirects_redirect_changelist"))
    assert response.status_code == 200
    assert "/articles/before/" in response.text
