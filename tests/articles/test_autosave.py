"""Autosave keeps a draft's text as a revision, never moves its status, and never saves
over someone else's newer version."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from articles.concurrent_edits import version_of
from articles.models import Status
from tests.admin_data import article_form_data
from tests.factories import ArticleFactory, AuthorFactory


def autosave_url(article):
    return reverse("admin:articles_article_autosave", args=[article.pk])


@pytest.fixture
def own_draft(contributor):
    with reversion.create_revision():
        return ArticleFactory(
            draft=True,
            headline="Tram line delayed",
            created_by=contributor,
            authors=[contributor.author_profile],
        )


def comments(article):
    return [version.revision.comment for version in Version.objects.get_for_object(article)]


def test_a_draft_is_kept_as_a_revision(contributor_client, own_draft):
    answer = contributor_client.post(
        autosave_url(own_draft), article_form_data(own_draft, headline="Tram line delayed to 2028")
    ).json()

    own_draft.refresh_from_db()
    assert own_draft.headline == "Tram line delayed to 2028"
    assert own_draft.status == Status.DRAFT
    assert answer == {"saved": True, "version": version_of(own_draft), "at": answer["at"]}
    assert comments(own_draft)[0] == "Saved automatically: edited headline."


def test_autosave_never_moves_the_status(editor_client, editor):
    with reversion.create_revision():
        article = ArticleFactory(draft=True, authors=[AuthorFactory()])

    editor_client.post(
        autosave_url(article),
        article_form_data(article, headline="Changed", _workflow=Status.PUBLISHED),
    )

    article.refresh_from_db()
    assert (article.headline, article.status) == ("Changed", Status.DRAFT)


def test_nothing_changed_keeps_no_revision(contributor_client, own_draft):
    before = comments(own_draft)

    answer = contributor_client.post(autosave_url(own_draft), article_form_data(own_draft)).json()

    assert answer == {"saved": False, "version": version_of(own_draft)}
    assert comments(own_draft) == before


def test_autosave_over_a_newer_version_is_refused(contributor_client, own_draft):
    data = article_form_data(own_draft, headline="Mine")
    own_draft.standfirst = "Someone else's"
    own_draft.save()

    response = contributor_client.post(autosave_url(own_draft), data)

    assert response.status_code == 409
    assert "saved a newer version" in response.json()["error"]
    own_draft.refresh_from_db()
    assert own_draft.headline == "Tram line delayed"


def test_published_items_are_not_saved_automatically(editor_client):
    article = ArticleFactory(authors=[AuthorFactory()])

    response = editor_client.post(autosave_url(article), article_form_data(article, headline="X"))

    assert response.status_code == 409
    article.refresh_from_db()
    assert article.headline != "X"


def test_autosave_follows_the_editing_rules(contributor_client):
    others = ArticleFactory(draft=True, authors=[AuthorFactory()])

    response = contributor_client.post(
        autosave_url(others), article_form_data(others, headline="X")
    )

    assert response.status_code == 403
    assert contributor_client.get(autosave_url(others)).status_code == 405
