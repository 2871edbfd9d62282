"""The admin history in words: each save through the admin says what it did, in the
revision reversion keeps and in Django's log alike; a save that changes nothing leaves
neither; times are to the second, in the site's zone; comparing two versions names the
tags and authors that differ."""

import logging
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.concurrent_edits import version_of
from articles.models import Article, Status
from feed.models import Quote
from tests.admin_data import article_form_data, opened_version, publish_time_fields
from tests.factories import AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def revision_comments(obj):
    """The item's revision comments, newest first."""
    return [version.revision.comment for version in Version.objects.get_for_object(obj)]


def log_messages(obj):
    """Django's admin log for the item, newest first."""
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).order_by("-action_time", "-pk")
    return [entry.get_change_message() for entry in entries]


def said(obj):
    """What the latest save said, checked to be the same in the revision and the log."""
    comment, message = revision_comments(obj)[0], log_messages(obj)[0]
    assert comment == message
    return comment


def as_shown(moment, seconds=True):
    """`moment` as the history shows it, e.g. "1 Dec 2026, 13:31:37 EET" (written out
    here with strftime, not the format the code uses)."""
    local = timezone.localtime(moment)
    clock = local.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{local.day} {local:%b %Y}, {clock} {local.tzname()}"


@pytest.fixture
def section():
    return SectionFactory()


@pytest.fixture
def add_article(editor_client, section):
    def add(client=editor_client, **fields):
        response = client.post(
            reverse("admin:articles_article_add"),
            article_form_data(section=section, **fields),
        )
        assert response.status_code == 302, response.text[:2000]
        return Article.objects.latest("pk")

    return add


def save(client, article, **fields):
    article.refresh_from_db()
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(article, **fields),
    )
    assert response.status_code == 302, response.text[:2000]
    article.refresh_from_db()


def test_a_new_article_says_created(add_article):
    article = add_article(authors=[AuthorFactory()])
    assert said(article) == "Created."


def test_an_edit_names_the_fields_it_changed(editor_client, add_article):
    article = add_article(authors=[AuthorFactory()])
    save(editor_client, article, headline="Bridge shut again", body="<p>Cracks were found.</p>")
    assert said(article) == "Edited headline and body."


def test_a_contributor_submitting_for_review_says_so(contributor_client, add_article):
    article = add_article(client=contributor_client)
    save(contributor_client, article, _workflow=Status.REVIEW)
    assert article.status == Status.REVIEW
    assert said(article) == "Submitted for review."


def test_publishing_says_published_and_not_changed_status(editor_client, add_article):
    article = add_article(authors=[AuthorFactory()])
    save(editor_client, article, _workflow=Status.PUBLISHED)
    assert article.is_live
    assert said(article) == "Published."


def test_scheduling_says_when_with_the_zone(editor_client, add_article):
    article = add_article(authors=[AuthorFactory()])
    when = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    save(editor_client, article, _workflow=Status.PUBLISHED, **publish_time_fields(when))
    assert article.is_scheduled
    assert said(article) == f"Scheduled for {as_shown(when, seconds=False)}."


def test_unpublishing_and_returning_to_draft_say_so(editor_client, add_article):
    article = add_article(authors=[AuthorFactory()])
    save(editor_client, article, _workflow=Status.PUBLISHED)
    save(editor_client, article, _workflow=Status.UNPUBLISHED)
    assert said(article) == "Unpublished."
    save(editor_client, article, _workflow=Status.DRAFT)
    assert said(article) == "Returned to draft."


def test_an_edit_and_a_step_together_say_both(editor_client, add_article):
    article = add_article(authors=[AuthorFactory()])
    save(editor_client, article, headline="Bridge reopens at last", _workflow=Status.PUBLISHED)
    assert said(article) == "Edited headline. Published."


def test_a_correction_says_correction_added(editor_client, add_article):
    article = add_article(authors=[AuthorFactory()])
    save(editor_client, article, _workflow=Status.PUBLISHED)
    now = timezone.localtime()
    save(
        editor_client,
        article,
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": "correction",
            "corrections-0-note": "An earlier version gave the wrong river.",
            "corrections-0-noted_at_0": now.strftime("%Y-%m-%d"),
            "corrections-0-noted_at_1": now.strftime("%H:%M:%S"),
        },
    )
    assert said(article) == "Correction added."


def test_a_new_author_says_byline_changed(editor_client, add_article):
    article = add_article(authors=[AuthorFactory()])
    save(editor_client, article, authors=[AuthorFactory()])
    assert len(article.byline) == 2
    assert said(article) == "Byline changed."


def test_restoring_says_which_version(editor_client, add_article):
    article = add_article(authors=[AuthorFactory()], headline="Bridge reopens")
    save(editor_client, article, headline="Bridge reopens, briefly")
    first = Version.objects.get_for_object(article).last()

    revision = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = editor_client.get(revision)
    assert page.status_code == 200
    response = editor_client.post(
        revision,
        article_form_data(article, headline="Bridge reopens")
        | {"opened_version": opened_version(page)},
    )
    assert response.status_code == 302

    article.refresh_from_db()
    assert article.headline == "Bridge reopens"
    restored_at = as_shown(first.revision.date_created)
    assert said(article) == f"Restored from the version of {restored_at}."


def test_a_save_that_changes_nothing_keeps_no_version_and_no_log(editor_client, add_article):
    """The form posts the body as the editor writes it and leaves the derived SEO
    description empty: both are as stored once the model has sanitised and filled them."""
    article = add_article(
        authors=[AuthorFactory()],
        body='<p>See <a href="https://example.com/works">the works</a>.</p>',
        tags="bridges, rivers",
    )
    assert article.body == (
        '<p>See <a href="https://example.com/works" rel="noopener noreferrer">the works</a>.</p>'
    )
    versions, entries = len(revision_comments(article)), len(log_messages(article))

    save(
        editor_client,
        article,
        body='<p>See <a target="_blank" href="https://example.com/works">the works</a>.</p>',
        seo_description="",
        tags="rivers, bridges",
    )

    assert len(revision_comments(article)) == versions == 1
    assert len(log_messages(article)) == entries == 1


def test_history_times_are_to_the_second_with_the_zone(editor_client, add_article):
    article = add_article(authors=[AuthorFactory()])
    save(editor_client, article, headline="Bridge shut again")
    save(editor_client, article, headline="Bridge reopens again")

    page = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))

    assert page.status_code == 200
    times = [version.revision.date_created for version in Version.objects.get_for_object(article)]
    for moment in times:
        assert as_shown(moment) in page.text
    assert "Europe/Kyiv" in page.text
    assert "Edited headline." in page.text


def test_compare_shows_tags_and_authors_of_each_version_without_errors(
    editor_client, add_article, caplog
):
    ada, ben = AuthorFactory(name="Ada Field"), AuthorFactory(name="Ben Ford")
    article = add_article(authors=[ada], tags="bridges")
    save(editor_client, article, authors=[ben], tags="bridges, floods")
    newer, older = Version.objects.get_for_object(article)

    with caplog.at_level(logging.INFO):
        response = editor_client.get(
            reverse("admin:articles_article_compare", args=[article.pk]),
            {"version_id1": older.pk, "version_id2": newer.pk},
        )

    assert response.status_code == 200
    text = response.text
    assert "<del>- bridges</del>" in text and "<ins>+ bridges, floods</ins>" in text
    assert "<del>- Ada Field</del>" in text and "<ins>+ Ada Field, Ben Ford</ins>" in text
    for noise in ("not under reversion control", "add:", "Created by", "Updated at"):
        assert noise not in text
    assert [record for record in caplog.records if record.levelno >= logging.INFO] == []


def test_compare_leaves_out_what_did_not_change(editor_client, add_article):
    """Only the headline changed: the times the model keeps itself (created, updated) and
    the unchanged section, byline and tags are not listed."""
    article = add_article(authors=[AuthorFactory()], tags="bridges")
    save(editor_client, article, headline="Bridge shut again", tags="bridges")
    newer, older = Version.objects.get_for_object(article)

    response = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    )

    headings = [line.strip() for line in response.text.splitlines() if "<h3>" in line]
    assert headings == ["<h3>Headline</h3>"]


def test_quotes_say_what_happened_too(editor_client):
    form = {
        "text": "We will rebuild the bridge.",
        "speaker": "Mayor Ivanova",
        "context": "",
        "slug": "rebuild-bridge",
        "tags": "bridges",
        "source_article": "",
        "source_url": "",
    }
    editor_client.post(reverse("admin:feed_quote_add"), form)
    quote = Quote.objects.get()
    change = reverse("admin:feed_quote_change", args=[quote.pk])
    editor_client.post(
        change, form | {"_workflow": Status.PUBLISHED, "opened_version": version_of(quote)}
    )
    quote.refresh_from_db()
    editor_client.post(
        change,
        form
        | publish_time_fields(quote.published_at)
        | {"context": "said on radio", "opened_version": version_of(quote)},
    )

    assert revision_comments(quote) == ["Edited context.", "Published.", "Created."]
