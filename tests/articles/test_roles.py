"""Who may do what in the admin, checked with real POSTs as a browser (or an attacker) sends them."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.concurrent_edits import version_of
from articles.models import Article, Status
from feed.models import Quote
from tests.admin_data import article_form_data, publish_time_fields
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def own_draft(user, **kwargs):
    return ArticleFactory(draft=True, created_by=user, authors=[user.author_profile], **kwargs)


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_roles_are_created_with_least_privilege():
    contributor, editor, admin = codenames("Contributor"), codenames("Editor"), codenames("Admin")
    assert {
        "add_article",
        "change_article",
        "view_article",
        "add_brief",
        "change_brief",
    } <= contributor
    assert (
        not {
            "publish_article",
            "delete_article",
            "publish_quote",
            "publish_brief",
            "change_author",
        }
        & contributor
    )
    assert {"publish_article", "publish_quote", "publish_video", "publish_brief"} <= editor
    assert "add_correction" in editor
    assert not {"change_user", "change_group"} & editor
    assert {"change_user", "change_group", "publish_article"} <= admin


# Contributors -------------------------------------------------------------------


def test_contributor_new_article_is_a_draft_under_their_byline(contributor_client, contributor):
    response = contributor_client.post(ADD_URL, article_form_data(section=SectionFactory()))

    assert response.status_code == 302
    article = Article.objects.get(slug="bridge-reopens")
    assert article.status == Status.DRAFT
    assert article.byline == [contributor.author_profile]
    assert article.created_by == contributor


def test_contributor_add_page_offers_their_byline(contributor_client, contributor):
    response = contributor_client.get(ADD_URL)
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.forms[0].initial["author"] == contributor.author_profile.pk


def test_contributor_add_page_offers_review_but_not_publishing(contributor_client):
    response = contributor_client.get(ADD_URL)
    assert [status for status, _ in response.context["workflow_steps"]] == [Status.REVIEW]
    assert "Publish now" not in response.text


def test_contributor_crafted_publish_post_is_refused(contributor_client, contributor):
    data = article_form_data(
        section=SectionFactory(),
        authors=[contributor.author_profile],
        _workflow=Status.PUBLISHED,
        **publish_time_fields(timezone.now()),
    )
    response = contributor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert "Only editors can publish" in response.text
    assert not Article.objects.exists()


def test_contributor_posting_a_status_field_changes_nothing(contributor_client, contributor):
    """The status is the workflow buttons' to set: a crafted status field is ignored."""
    data = article_form_data(
        section=SectionFactory(), authors=[contributor.author_profile], status=Status.PUBLISHED
    )
    contributor_client.post(ADD_URL, data)

    assert Article.objects.get().status == Status.DRAFT


def test_contributor_publish_button_is_refused(contributor_client, contributor):
    article = own_draft(contributor)
    data = article_form_data(article, _workflow=Status.PUBLISHED)
    response = contributor_client.post(change_url(article), data)

    assert response.status_code == 200
    assert "Only editors can publish" in response.text
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_contributor_submits_own_draft_for_review(contributor_client, contributor):
    article = own_draft(contributor)
    page = contributor_client.get(change_url(article))
    assert "Submit for review" in page.text
    assert "Publish now" not in page.text

    response = contributor_client.post(
        change_url(article), article_form_data(article, _workflow=Status.REVIEW)
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_contributor_cannot_set_the_publication_time(contributor_client, contributor):
    article = own_draft(contributor)
    later = timezone.now() + timedelta(days=3)
    contributor_client.post(
        change_url(article), article_form_data(article, **publish_time_fields(later))
    )
    article.refresh_from_db()
    assert article.published_at is None


def test_contributor_cannot_change_someone_elses_draft(contributor_client):
    article = ArticleFactory(draft=True, headline="Editor's scoop", authors=[AuthorFactory()])
    page = contributor_client.get(change_url(article))
    assert page.status_code == 200, "they may read it"
    assert "Submit for review" not in page.text

    response = contributor_client.post(
        change_url(article), article_form_data(article, headline="Hijacked")
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Editor's scoop"


def test_contributor_reads_someone_elses_published_body_as_text_not_markup(contributor_client):
    article = ArticleFactory(authors=[AuthorFactory()])
    # Stored by a path that skips save(): the page sanitises what it shows.
    Article.objects.filter(pk=article.pk).update(
        body="<h2>At dawn</h2><p>Ferries <strong>ran</strong>.</p><script>alert(1)</script>"
    )
    page = contributor_client.get(change_url(article))

    assert page.status_code == 200
    assert '<div class="readonly"><h2>At dawn</h2><p>Ferries <strong>ran</strong>.</p></div>' in (
        page.text
    )
    assert "&lt;p&gt;" not in page.text and "alert(1)" not in page.text
    assert 'name="body"' not in page.text, "nothing to edit"


def test_contributor_cannot_change_own_article_once_published(contributor_client, contributor):
    article = ArticleFactory(created_by=contributor, authors=[contributor.author_profile])
    response = contributor_client.post(
        change_url(article), article_form_data(article, _workflow=Status.DRAFT)
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.is_live


def test_contributor_cannot_use_the_publish_action(contributor_client, contributor):
    article = own_draft(contributor)
    changelist = contributor_client.get(reverse("admin:articles_article_changelist"))
    assert "publish_now" not in changelist.text

    contributor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_contributor_cannot_delete(contributor_client, contributor):
    article = own_draft(contributor)
    response = contributor_client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_contributor_cannot_revert_a_published_article_to_an_old_draft(
    contributor_client, contributor
):
    """Reverting checks the article as it is now, not the old version being restored."""
    import reversion
    from reversion.models import Version

    with reversion.create_revision():
        article = own_draft(contributor)
    old_version = Version.objects.get_for_object(article).get()
    article.status, article.published_at = Status.PUBLISHED, timezone.now()
    article.save()

    url = reverse("admin:articles_article_revision", args=[article.pk, old_version.pk])
    assert contributor_client.get(url).status_code == 403
    response = contributor_client.post(url, article_form_data(article, _workflow=Status.DRAFT))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.is_live


def test_contributor_cannot_publish_a_quote(contributor_client, contributor):
    quote = QuoteFactory(draft=True, created_by=contributor)
    response = contributor_client.post(
        reverse("admin:feed_quote_change", args=[quote.pk]),
        {
            "text": quote.text,
            "speaker": quote.speaker,
            "context": "",
            "_workflow": Status.PUBLISHED,
            "tags": "",
            "slug": quote.slug,
            "source_url": "",
            "source_article": "",
            "opened_version": version_of(quote),
        },
    )
    assert response.status_code == 200
    assert "Only editors can publish" in response.text
    quote.refresh_from_db()
    assert quote.status == Status.DRAFT
    assert not Quote.objects.published().exists()


# Editors ------------------------------------------------------------------------


def test_editor_publishes_an_article_in_review(editor_client):
    article = ArticleFactory(draft=True, status=Status.REVIEW, authors=[AuthorFactory()])
    page = editor_client.get(change_url(article))
    assert "Publish now" in page.text

    response = editor_client.post(
        change_url(article), article_form_data(article, _workflow=Status.PUBLISHED)
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_live


def test_editor_schedules_with_a_future_time(editor_client):
    article = ArticleFactory(draft=True, authors=[AuthorFactory()])
    later = timezone.now() + timedelta(hours=5)
    response = editor_client.post(
        change_url(article),
        article_form_data(article, _workflow=Status.PUBLISHED, **publish_time_fields(later)),
        follow=True,
    )
    article.refresh_from_db()
    assert article.is_scheduled
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert "goes live on" in response.text


def test_editor_unpublishes(editor_client):
    article = ArticleFactory(authors=[AuthorFactory()])
    editor_client.post(
        change_url(article), article_form_data(article, _workflow=Status.UNPUBLISHED)
    )
    article.refresh_from_db()
    assert article.status == Status.UNPUBLISHED and not article.is_live


def test_publishing_needs_an_author(editor_client):
    article = ArticleFactory(draft=True)
    response = editor_client.post(
        change_url(article), article_form_data(article, _workflow=Status.PUBLISHED)
    )
    assert response.status_code == 200
    assert "needs at least one author" in response.text
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_publishing_needs_hero_alt_text_and_credit(editor_client):
    photo = PhotoFactory(alt_text="", photographer="", agency="")
    article = ArticleFactory(draft=True, hero_photo=photo, authors=[AuthorFactory()])
    response = editor_client.post(
        change_url(article), article_form_data(article, _workflow=Status.PUBLISHED)
    )
    assert response.status_code == 200
    assert "hero photo needs alt text" in response.text
    assert "hero photo needs a credit" in response.text
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_publish_action_skips_articles_that_are_not_ready(editor_client):
    ready = ArticleFactory(draft=True, authors=[AuthorFactory()])
    bylineless = ArticleFactory(draft=True, headline="No byline yet")
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [ready.pk, bylineless.pk]},
        follow=True,
    )
    ready.refresh_from_db()
    bylineless.refresh_from_db()
    assert ready.is_live
    assert bylineless.status == Status.DRAFT
    assert "Not published: “No byline yet”" in response.text


def test_editor_changes_anyones_draft(editor_client):
    article = ArticleFactory(draft=True, authors=[AuthorFactory()])
    response = editor_client.post(
        change_url(article), article_form_data(article, headline="Sharper headline")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Sharper headline"
