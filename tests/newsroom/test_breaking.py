"""
The breaking-news bar: the item an editor marked, on every page until its mark runs out
or is cleared; the newest mark wins; only editors mark.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, Status
from feed.models import Brief, Quote
from newsroom import breaking
from tests import pages
from tests.admin_data import article_form_data
from tests.factories import ArticleFactory, AuthorFactory, BriefFactory, QuoteFactory
from tests.newsroom_data import build_newsroom

pytestmark = pytest.mark.django_db

BAR = re.compile(
    r'<section class="breaking" aria-label="Breaking news">\s*<p><strong class="breaking-label">'
    r'Breaking</strong> <a href="(?P<url>[^"]+)">(?P<headline>[^<]+)</a></p>'
)


def bar(response):
    """The breaking-news bar of a page as (address, headline), or None when it has none."""
    found = BAR.search(response.content.decode())
    return (found["url"], found["headline"]) if found else None


def reader_home():
    """The home page as an anonymous reader gets it (the admin tests' client is signed in)."""
    return Client().get(reverse("home"))


def mark(item, hours=2):
    item.breaking_until = timezone.now() + timedelta(hours=hours)
    item.save()
    return item


def test_every_reader_page_shows_the_breaking_item(client):
    data = build_newsroom(2)
    story = mark(ArticleFactory(headline="Dam bursts upstream"))
    expected = (story.get_absolute_url(), "Dam bursts upstream")
    for page in pages.pages(pages.HTML):
        url = pages.url(page.name, {**data, "search": "harbour"})
        assert bar(client.get(url)) == expected, page.name
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert bar(missing) == expected


def test_no_bar_when_nothing_is_breaking(client):
    ArticleFactory(headline="Quiet day")
    assert bar(client.get(reverse("home"))) is None
    assert breaking.current() is None


def test_any_kind_can_be_breaking_news(client):
    quote = mark(QuoteFactory(speaker="Mayor", text="Leave the riverbank now, all of you."))
    assert bar(client.get(reverse("home"))) == (
        quote.get_absolute_url(),
        "Mayor: “Leave the riverbank now, all of you.”",
    )


def test_the_newest_mark_wins(client):
    older = mark(ArticleFactory(headline="Dam bursts upstream"), hours=6)
    newer = mark(BriefFactory(headline="Evacuation ordered"))
    assert breaking.current() == newer
    assert bar(client.get(reverse("home")))[1] == "Evacuation ordered"

    # Marking it again (a new time) makes the older item the newest mark.
    mark(Article.objects.get(pk=older.pk), hours=3)
    assert breaking.current() == older
    # Cleared, the other mark shows again while it lasts.
    older.breaking_until = None
    older.save()
    assert breaking.current() == newer


def test_drafts_and_unpublished_items_are_never_breaking_news(client):
    mark(ArticleFactory(draft=True, headline="Draft about the dam"))
    mark(QuoteFactory(status=Status.UNPUBLISHED, text="Withdrawn words"))
    assert bar(client.get(reverse("home"))) is None


def test_a_scheduled_mark_shows_from_the_publication_time(client, time_machine):
    time_machine.move_to(timezone.now())
    mark(ArticleFactory(headline="Earlier mark"), hours=4)
    embargoed = ArticleFactory(
        headline="Report on the dam", published_at=timezone.now() + timedelta(hours=1)
    )
    mark(embargoed, hours=3)
    assert bar(client.get(reverse("home")))[1] == "Earlier mark"

    # Live, it is the newest news: its mark counts from its publication.
    time_machine.shift(timedelta(hours=1, seconds=1))
    assert bar(client.get(reverse("home")))[1] == "Report on the dam"


def test_the_bar_goes_when_the_mark_runs_out(client, time_machine):
    time_machine.move_to(timezone.now())
    mark(BriefFactory(headline="Evacuation ordered"), hours=1)
    assert bar(client.get(reverse("home")))
    time_machine.shift(timedelta(hours=1, seconds=1))
    assert bar(client.get(reverse("home"))) is None


def test_the_bar_adds_one_query_when_nothing_is_breaking(django_assert_num_queries):
    ArticleFactory()
    with django_assert_num_queries(1):
        assert breaking.current() is None
    mark(QuoteFactory())
    with django_assert_num_queries(2):
        assert isinstance(breaking.current(), Quote)


def test_each_edition_shows_its_own_breaking_item(client):
    english = mark(ArticleFactory(headline="Dam bursts upstream"))
    ukrainian = mark(QuoteFactory(language="uk", text="Ми відбудуємо міст"))
    assert bar(client.get(reverse("home")))[0] == english.get_absolute_url()
    with translation.override("uk"):
        ukrainian_bar = re.search(
            r'<section class="breaking".*?<a href="([^"]+)"', client.get(reverse("home")).text, re.S
        )
        assert ukrainian_bar[1] == ukrainian.get_absolute_url()
        assert breaking.current() == ukrainian
    english.breaking_until = None
    english.save()
    assert bar(client.get(reverse("home"))) is None, "the Ukrainian mark is not the English bar"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner")
def test_the_bar_finds_the_marks_by_their_own_index_not_by_walking_an_edition():
    # Without its own index the bar's query reads every row of the edition: at 100,000
    # articles, a quarter of a second on every page drawn without the fragment cache.
    mark(ArticleFactory())
    with CaptureQueriesContext(connection) as queries:
        breaking.current()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + queries.captured_queries[0]["sql"])
        plan = [row[-1] for row in cursor.fetchall()]
    searches = [step for step in plan if step.startswith(("SEARCH", "SCAN"))]
    assert len(searches) == 4, plan
    assert all("_breaking_idx (breaking_until>?)" in step for step in searches), plan


# The admin ----------------------------------------------------------------------------


def change_url(item):
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])


def breaking_fields(moment):
    local = timezone.localtime(moment)
    return {
        "breaking_until_0": local.strftime("%Y-%m-%d"),
        "breaking_until_1": local.strftime("%H:%M:%S"),
    }


def test_editor_marks_an_article_in_its_form_and_clears_it(editor_client):
    article = ArticleFactory(headline="Dam bursts upstream", authors=[AuthorFactory()])
    page = editor_client.get(change_url(article))
    assert "Breaking news until, date" in page.text

    until = timezone.now() + timedelta(hours=2)
    response = editor_client.post(
        change_url(article), article_form_data(article, **breaking_fields(until))
    )
    assert response.status_code == 302
    assert bar(reader_home())[1] == "Dam bursts upstream"

    article.refresh_from_db()
    response = editor_client.post(
        change_url(article), article_form_data(article, breaking_until_0="", breaking_until_1="")
    )
    assert response.status_code == 302
    assert bar(reader_home()) is None


def test_a_new_mark_in_the_past_is_refused(editor_client):
    article = ArticleFactory(authors=[AuthorFactory()])
    response = editor_client.post(
        change_url(article),
        article_form_data(article, **breaking_fields(timezone.now() - timedelta(minutes=5))),
    )
    assert response.status_code == 200
    assert "That time has passed" in response.text
    article.refresh_from_db()
    assert article.breaking_until is None


def test_editor_marks_for_two_hours_and_clears_from_the_list(editor_client):
    brief = BriefFactory(headline="Evacuation ordered")
    changelist = reverse("admin:feed_brief_changelist")
    editor_client.post(changelist, {"action": "mark_breaking", "_selected_action": [brief.pk]})
    brief.refresh_from_db()
    assert brief.breaking_until - timezone.now() == pytest.approx(
        timedelta(hours=2), abs=timedelta(minutes=1)
    )
    assert bar(reader_home())[1] == "Evacuation ordered"

    editor_client.post(changelist, {"action": "clear_breaking", "_selected_action": [brief.pk]})
    assert bar(reader_home()) is None


def test_a_form_opened_before_the_mark_cannot_undo_it_unseen(editor_client):
    article = ArticleFactory(authors=[AuthorFactory()])
    opened = article_form_data(article)
    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "mark_breaking", "_selected_action": [article.pk]},
    )
    response = editor_client.post(change_url(article), opened)
    assert response.status_code == 200
    assert "after you opened it" in response.text
    article.refresh_from_db()
    assert article.breaking_until is not None


def test_the_list_action_marks_one_item_only(editor_client):
    briefs = [BriefFactory(), BriefFactory()]
    response = editor_client.post(
        reverse("admin:feed_brief_changelist"),
        {"action": "mark_breaking", "_selected_action": [b.pk for b in briefs]},
        follow=True,
    )
    assert "only one is breaking news at a time" in response.text
    assert not Brief.objects.filter(breaking_until__isnull=False).exists()


def test_contributor_cannot_mark_breaking_news(contributor_client, contributor):
    draft = ArticleFactory(draft=True, created_by=contributor, authors=[contributor.author_profile])
    page = contributor_client.get(change_url(draft))
    assert "breaking_until" not in page.text

    until = timezone.now() + timedelta(hours=2)
    contributor_client.post(change_url(draft), article_form_data(draft, **breaking_fields(until)))
    draft.refresh_from_db()
    assert draft.breaking_until is None

    live = BriefFactory()
    changelist = reverse("admin:feed_brief_changelist")
    assert "mark_breaking" not in contributor_client.get(changelist).text
    contributor_client.post(changelist, {"action": "mark_breaking", "_selected_action": [live.pk]})
    live.refresh_from_db()
    assert live.breaking_until is None


# Cached pages --------------------------------------------------------------------------

cached = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page_cache(settings):
    # Pages are refreshed when a change commits, so these tests commit for real.
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.CACHE_PURGE_HOOK = ""


def max_age(response):
    return int(response["Cache-Control"].split("max-age=")[1].split(",")[0])


@pytest.fixture
def pages_without_the_story():
    """Cached pages that show nothing of the story but its bar: another author's page,
    another section's, a quote's."""
    other = ArticleFactory(headline="Council meets", authors=[AuthorFactory()])
    return [
        other.byline[0].get_absolute_url(),
        other.section.get_absolute_url(),
        QuoteFactory().get_absolute_url(),
    ]


@cached
def test_cached_pages_show_a_mark_its_edits_and_its_clearing_at_once(
    client, page_cache, pages_without_the_story
):
    story = ArticleFactory(headline="Dam bursts upstream", authors=[AuthorFactory()])
    urls = pages_without_the_story
    for url in urls:
        assert bar(client.get(url)) is None
        assert client.get(url).has_header("Age"), "served from the cache"

    mark(story)
    for url in urls:
        assert bar(client.get(url)) == (story.get_absolute_url(), "Dam bursts upstream"), url

    story.headline = "Dam bursts: villages evacuated"
    story.save()
    for url in urls:
        assert bar(client.get(url))[1] == "Dam bursts: villages evacuated", url

    # The list action clears with a bulk update, which bypasses save().
    Article.objects.filter(pk=story.pk).update(breaking_until=None, breaking_marked_at=None)
    for url in urls:
        assert bar(client.get(url)) is None, url


@cached
def test_cached_pages_drop_the_bar_when_the_mark_runs_out(
    client, settings, page_cache, pages_without_the_story, time_machine
):
    settings.PAGE_CACHE_MAX_AGE = 3600
    time_machine.move_to(timezone.now())
    mark(BriefFactory(headline="Evacuation ordered"), hours=0.1)
    for url in pages_without_the_story:
        first = client.get(url)
        assert bar(first)[1] == "Evacuation ordered"
        assert max_age(first) <= 6 * 60, "browsers and CDNs may not keep it past the expiry"
        assert client.get(url).has_header("Age")

    # Within the page cache's own timeout: only the expiry can drop the pages.
    time_machine.shift(timedelta(minutes=6, seconds=1))
    for url in pages_without_the_story:
        assert bar(client.get(url)) is None, url


@cached
def test_a_newer_mark_replaces_the_bar_on_cached_pages(client, page_cache):
    mark(ArticleFactory(headline="Dam bursts upstream"))
    assert bar(client.get(reverse("home")))[1] == "Dam bursts upstream"
    mark(QuoteFactory(speaker="Mayor", text="Leave now."))
    assert bar(client.get(reverse("home")))[1] == "Mayor: “Leave now.”"


purged = []


def record_purge(urls):
    purged.append(urls)


@cached
def test_marking_purges_the_item_home_and_news_feed(settings):
    settings.CACHE_PURGE_HOOK = "tests.newsroom.test_breaking.record_purge"
    purged.clear()
    brief = BriefFactory()
    purged.clear()
    mark(brief)
    assert {brief.get_absolute_url(), reverse("home"), reverse("feed:list")} <= set(purged[-1])
