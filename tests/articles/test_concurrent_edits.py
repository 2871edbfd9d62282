"""Two people on one story: a save over a newer version is refused, shown and not lost,
and each sees who else has the item open."""

from datetime import timedelta

import pytest
import reversion
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.concurrent_edits import version_of
from articles.models import Article, EditSession, Status
from feed.models import Quote
from tests.admin_data import article_form_data, opened_version, publish_time_fields
from tests.conftest import _staff_in_group
from tests.factories import ArticleFactory, AuthorFactory, QuoteFactory


def change_url(item):
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])


def presence_url(item):
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_presence", args=[item.pk])


@pytest.fixture
def second_editor_client(db):
    client = Client()
    client.force_login(_staff_in_group("olena", "Editor"))
    return client


def test_a_save_over_a_newer_version_is_refused_showing_what_changed(
    editor_client, second_editor_client
):
    with reversion.create_revision():
        article = ArticleFactory(
            headline="Dam holds", standfirst="Water levels fall.", authors=[AuthorFactory()]
        )
    mine = editor_client.get(change_url(article))
    theirs = second_editor_client.get(change_url(article))

    second_editor_client.post(
        change_url(article),
        article_form_data(article, headline="Dam holds after night of rain")
        | {"opened_version": opened_version(theirs)},
    )
    response = editor_client.post(
        change_url(article),
        article_form_data(article, standfirst="Water levels fall by a metre.")
        | {"opened_version": opened_version(mine)},
    )

    assert response.status_code == 200
    assert "Olena saved this item at" in response.text
    conflict = response.context["edit_conflict"]
    assert [(d.label, d.theirs, d.yours) for d in conflict.differences] == [
        ("Headline", "Dam holds after night of rain", "Dam holds")
    ], "only what the other person changed, beside what this form holds"
    form = response.context["adminform"].form
    assert form["standfirst"].value() == "Water levels fall by a metre.", "nothing typed is lost"
    article.refresh_from_db()
    assert article.headline == "Dam holds after night of rain"
    assert article.standfirst == "Water levels fall."

    # Having seen the difference, the editor keeps their headline and saves again.
    merged = article_form_data(
        article,
        headline="Dam holds after night of rain",
        standfirst="Water levels fall by a metre.",
    ) | {"opened_version": opened_version(response)}
    assert editor_client.post(change_url(article), merged).status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.standfirst) == (
        "Dam holds after night of rain",
        "Water levels fall by a metre.",
    )


def test_a_form_posted_without_its_version_is_refused(editor_client):
    article = ArticleFactory(headline="Dam holds", authors=[AuthorFactory()])
    data = article_form_data(article, headline="Overwritten")
    del data["opened_version"]

    response = editor_client.post(change_url(article), data)

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.headline == "Dam holds"


def test_a_bulk_action_since_opening_counts_as_a_newer_version(editor_client):
    article = ArticleFactory(draft=True, authors=[AuthorFactory()])
    page = editor_client.get(change_url(article))
    Article.objects.filter(pk=article.pk).update(status=Status.REVIEW)

    response = editor_client.post(
        change_url(article), article_form_data(article) | {"opened_version": opened_version(page)}
    )

    assert response.status_code == 200
    assert "after you opened it" in response.text
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_quotes_are_guarded_too(editor_client, second_editor_client):
    with reversion.create_revision():
        quote = QuoteFactory(text="We will rebuild.", speaker="The mayor")
    opened = version_of(quote)
    data = publish_time_fields(quote.published_at) | {
        "text": quote.text,
        "speaker": quote.speaker,
        "context": "",
        "tags": "",
        "slug": quote.slug,
        "source_url": "",
        "source_article": "",
        "opened_version": opened,
    }
    assert (
        second_editor_client.post(
            change_url(quote), data | {"speaker": "Mayor Klitschko"}
        ).status_code
        == 302
    )

    response = editor_client.post(change_url(quote), data | {"text": "We will rebuild the bridge."})

    assert response.status_code == 200
    assert [d.label for d in response.context["edit_conflict"].differences] == ["Speaker"]
    assert Quote.objects.get().text == "We will rebuild."


def test_the_form_says_who_else_has_the_item_open(editor_client, second_editor_client):
    article = ArticleFactory(authors=[AuthorFactory()])
    second_editor_client.get(change_url(article))

    page = editor_client.get(change_url(article))

    assert page.context["others_editing"][0][0] == "Olena"
    assert "Also open by Olena" in page.text


def test_the_heartbeat_answers_with_the_others_and_the_version(editor_client, second_editor_client):
    article = ArticleFactory(authors=[AuthorFactory()])
    second_editor_client.get(change_url(article))

    answer = editor_client.post(presence_url(article)).json()

    assert [other["name"] for other in answer["others"]] == ["Olena"]
    assert answer["version"] == version_of(article)


def test_someone_gone_quiet_is_no_longer_shown(editor_client, second_editor_client):
    article = ArticleFactory(authors=[AuthorFactory()])
    second_editor_client.get(change_url(article))
    EditSession.objects.update(seen_at=timezone.now() - timedelta(minutes=5))

    assert editor_client.post(presence_url(article)).json()["others"] == []


def test_the_heartbeat_is_for_those_who_may_edit(contributor_client, client):
    article = ArticleFactory(authors=[AuthorFactory()])

    assert contributor_client.post(presence_url(article)).status_code == 403
    assert contributor_client.get(presence_url(article)).status_code == 405
    assert not EditSession.objects.exists()
    client.logout()
    assert client.post(presence_url(article)).status_code == 302, "to the login page"
