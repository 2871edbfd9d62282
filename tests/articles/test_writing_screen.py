"""The article form as a writer meets it: the publishing panel, what each step says it did,
and the byline where it stands on the page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from tests.admin_data import article_form_data, publish_time_fields
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

ADD_URL = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_a_new_article_offers_saving_a_draft_review_and_publishing(editor_client):
    page = editor_client.get(ADD_URL)

    assert page.context["publication_state"] == "New: nothing is saved yet."
    assert [label for _, label in page.context["workflow_steps"]] == [
        "Submit for review",
        "Publish now",
    ]
    assert "Save draft" in page.text
    assert "Times are Europe/Kyiv time (EET, UTC+02:00)." in page.text


def test_a_draft_with_a_time_to_come_offers_scheduling(editor_client):
    later = timezone.now() + timedelta(days=2)
    article = ArticleFactory(draft=True, published_at=later, authors=[AuthorFactory()])

    page = editor_client.get(change_url(article))

    when = timezone.localtime(later).strftime("%-d %b %Y, %H:%M")
    assert ("published", f"Schedule for {when}") in page.context["workflow_steps"]
    assert page.context["publication_state"] == "Draft: only staff can see it."


def test_publishing_says_where_the_article_is_live_and_stays_on_it(editor_client):
    article = ArticleFactory(draft=True, authors=[AuthorFactory()])

    response = editor_client.post(
        change_url(article), article_form_data(article, _workflow=Status.PUBLISHED), follow=True
    )

    assert response.redirect_chain[-1][0] == change_url(article)
    address = f"http://testserver{article.get_absolute_url()}"
    assert messages_of(response) == [
        f'Published “{article.headline}”. It is live at <a href="{address}">{address}</a>.'
    ]
    assert response.context["live_url"] == address
    assert response.context["publication_state"].startswith("Live since ")


def test_scheduling_names_the_time_and_its_zone(editor_client):
    article = ArticleFactory(draft=True, authors=[AuthorFactory()])
    later = timezone.now().replace(microsecond=0) + timedelta(days=1)

    response = editor_client.post(
        change_url(article),
        article_form_data(article, _workflow=Status.PUBLISHED, **publish_time_fields(later)),
        follow=True,
    )

    when = timezone.localtime(later).strftime("%-d %b %Y, %H:%M")
    assert messages_of(response) == [
        f"Scheduled “{article.headline}”: it goes live on {when} "
        "(Europe/Kyiv time (EET, UTC+02:00))."
    ]
    assert response.context["publication_state"] == f"Scheduled: goes live on {when}."


def test_submitting_for_review_says_so(contributor_client, contributor):
    article = ArticleFactory(
        draft=True, created_by=contributor, authors=[contributor.author_profile]
    )

    response = contributor_client.post(
        change_url(article), article_form_data(article, _workflow=Status.REVIEW), follow=True
    )

    assert messages_of(response) == [
        f"Submitted “{article.headline}” for review; editors find it on their desk."
    ]
    assert response.context["publication_state"] == "Ready for review: waiting for an editor."


def test_saving_a_new_draft_says_only_staff_see_it(editor_client):
    response = editor_client.post(
        ADD_URL,
        article_form_data(section=SectionFactory(), authors=[AuthorFactory()], _continue="1"),
        follow=True,
    )

    assert messages_of(response) == [
        "Saved “Bridge reopens after repairs” as a draft. Only staff can see it."
    ]
    assert Article.objects.get().status == Status.DRAFT


def test_unpublishing_says_readers_no_longer_see_it(editor_client):
    article = ArticleFactory(authors=[AuthorFactory()])

    response = editor_client.post(
        change_url(article), article_form_data(article, _workflow=Status.UNPUBLISHED), follow=True
    )

    assert messages_of(response) == [f"Unpublished “{article.headline}”: readers no longer see it."]


def test_the_byline_stands_between_the_standfirst_and_the_body(editor_client):
    article = ArticleFactory(authors=[AuthorFactory(), AuthorFactory()])

    html = editor_client.get(change_url(article)).text

    assert html.index('id="id_standfirst"') < html.index('id="credits-group"')
    assert html.index('id="credits-group"') < html.index('id="id_body"')


def test_a_byline_has_no_empty_rows_once_it_has_authors(editor_client):
    article = ArticleFactory(authors=[AuthorFactory(), AuthorFactory()])

    page = editor_client.get(change_url(article))
    byline = page.context["inline_admin_formsets"][0].formset

    assert len(byline.forms) == 2
    assert len(editor_client.get(ADD_URL).context["inline_admin_formsets"][0].formset.forms) == 1


def test_a_contributor_saves_a_draft_before_choosing_a_section(contributor_client, contributor):
    response = contributor_client.post(
        ADD_URL, article_form_data(authors=[contributor.author_profile]), follow=True
    )

    article = Article.objects.get()
    assert article.section is None
    preview = contributor_client.get(reverse("articles:preview", kwargs={"pk": article.pk}))
    assert preview.status_code == 200
    assert response.status_code == 200


def test_publishing_needs_a_section(editor_client):
    article = ArticleFactory(draft=True, section=None, authors=[AuthorFactory()])

    response = editor_client.post(
        change_url(article), article_form_data(article, _workflow=Status.PUBLISHED)
    )

    assert "Cannot publish yet: It needs a section." in response.text
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_no_path_stores_a_published_article_without_a_section(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(section=None)
