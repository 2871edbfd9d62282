"""
The live updates endpoint: what is new in the News Feed since the cursor a page names,
answered from the page cache when nothing changed.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from newsroom.stream import feed_page
from tests.factories import ArticleFactory, BriefFactory, QuoteFactory, VideoFactory

# Answers are refreshed when a change commits, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)

UPDATES = reverse("feed:updates")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHE_PURGE_HOOK = ""


def ago(minutes):
    return timezone.now() - timedelta(minutes=minutes)


@pytest.fixture
def feed():
    """Three items a minute apart, the quote newest."""
    article = ArticleFactory(headline="Bridge reopens", published_at=ago(30))
    video = VideoFactory(title="Storm over the bay", published_at=ago(20))
    quote = QuoteFactory(text="We will rebuild", published_at=ago(10))
    return article, video, quote


def newest_cursor():
    return feed_page().newest_cursor


def answer(client, **params):
    response = client.get(UPDATES, params)
    assert response.status_code == 200, response.content
    return response.json()


def ids(answer, new=None):
    return [item["id"] for item in answer["items"] if new is None or item["new"] is new]


def test_without_a_cursor_everything_is_new_newest_first(client, feed):
    article, video, quote = feed
    got = answer(client)
    assert ids(got) == [f"quote-{quote.pk}", f"video-{video.pk}", f"article-{article.pk}"]
    assert ids(got, new=False) == []
    assert got["cursor"] == newest_cursor()


def test_an_item_published_after_the_cursor_is_new_and_the_others_are_not(client, feed):
    article, video, quote = feed
    since = newest_cursor()
    assert ids(answer(client, since=since), new=True) == []

    brief = BriefFactory(headline="Ferry cancelled", published_at=ago(1))
    got = answer(client, since=since)
    assert ids(got, new=True) == [f"brief-{brief.pk}"]
    assert ids(got, new=False) == [
        f"quote-{quote.pk}",
        f"video-{video.pk}",
        f"article-{article.pk}",
    ]
    # The next poll asks from the new item on.
    assert got["cursor"] == newest_cursor() != since
    assert ids(answer(client, since=got["cursor"]), new=True) == []


def test_an_entry_is_the_markup_the_page_shows(client, feed):
    """The script compares entries by their stamp and puts the answer's HTML in the page:
    it must be what a reload would show."""
    page = client.get(reverse("feed:list")).text
    for item in answer(client)["items"]:
        assert item["html"] in page
        assert f'data-item="{item["id"]}" data-stamp="{item["stamp"]}"' in item["html"]


@pytest.fixture
def midday():
    """The clock at today's noon, local time: half an hour later is still today, so a
    teaser's "14:05" stays what it was (after midnight it becomes "Yesterday, 14:05")."""
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    with time_machine.travel(noon, tick=True):
        yield


def test_an_edit_changes_the_stamp_and_says_updated(midday, client, feed):
    _article, _video, quote = feed
    since = newest_cursor()
    before = {item["id"]: item for item in answer(client, since=since)["items"]}
    with time_machine.travel(timezone.now() + timedelta(minutes=30), tick=False):
        quote.text = "We will rebuild the bridge"
        quote.save()
        after = {item["id"]: item for item in answer(client, since=since)["items"]}
        edited = after[f"quote-{quote.pk}"]
        assert edited["stamp"] != before[f"quote-{quote.pk}"]["stamp"]
        assert not edited["new"]
        assert "We will rebuild the bridge" in edited["html"]
        update_time = timezone.localtime(quote.updated_at).strftime("%H:%M")
        # Edited today: the time alone.
        assert re.search(
            rf"Updated <time datetime=\"[^\"]+\" title=\"[^\"]+\">{update_time}</time>",
            edited["html"],
        )
        unchanged = f"video-{feed[1].pk}"
        assert after[unchanged]["stamp"] == before[unchanged]["stamp"]


def test_an_unpublished_item_leaves_the_answer(client, feed):
    _article, video, _quote = feed
    assert f"video-{video.pk}" in ids(answer(client))
    video.status = Status.UNPUBLISHED
    video.save()
    assert f"video-{video.pk}" not in ids(answer(client))


def test_drafts_and_review_items_never_reach_pollers(client, feed):
    BriefFactory(headline="Secret draft", status=Status.DRAFT, published_at=None)
    BriefFactory(headline="Waiting for review", status=Status.REVIEW, published_at=None)
    got = answer(client, since=newest_cursor())
    assert ids(got, new=True) == []
    assert "Secret draft" not in str(got) and "Waiting for review" not in str(got)


def test_a_scheduled_item_reaches_pollers_at_its_time_although_the_answer_is_cached(client, feed):
    since = newest_cursor()
    brief = BriefFactory(headline="Polls close", published_at=timezone.now() + timedelta(minutes=5))
    assert ids(answer(client, since=since), new=True) == []
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert ids(answer(client, since=since), new=True) == [f"brief-{brief.pk}"]


def test_a_poll_when_nothing_changed_is_a_304_from_the_cache(
    client, feed, django_assert_max_num_queries
):
    since = newest_cursor()
    first = client.get(UPDATES, {"since": since})
    assert first.status_code == 200 and first["ETag"]
    rendered = []
    template_rendered.connect(
        lambda **kwargs: rendered.append(kwargs["template"].name), weak=False, dispatch_uid="t"
    )
    try:
        # At most the version check (the database's version table; none with Redis).
        with django_assert_max_num_queries(1) as queries:
            again = client.get(UPDATES, {"since": since}, HTTP_IF_NONE_MATCH=first["ETag"])
    finally:
        template_rendered.disconnect(dispatch_uid="t")
    assert again.status_code == 304
    assert again.content == b""
    assert rendered == []
    assert all("cache_versions" in query["sql"] for query in queries.captured_queries)


def test_a_cdn_may_keep_an_answer_a_few_seconds_only(client, feed, settings):
    settings.LIVE_UPDATES_MAX_AGE = 5
    for response in (client.get(UPDATES), client.get(UPDATES)):  # rendered, then replayed
        control = response["Cache-Control"]
        assert "public" in control and "max-age=5" in control
        assert "stale-while-revalidate=5" in control
    # Pages keep their own lifetime.
    assert "max-age=60" in client.get(reverse("feed:list"))["Cache-Control"]


def test_a_change_after_the_answer_was_cached_is_not_a_304(client, feed):
    since = newest_cursor()
    first = client.get(UPDATES, {"since": since})
    BriefFactory(headline="Ferry cancelled", published_at=ago(1))
    again = client.get(UPDATES, {"since": since}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Ferry cancelled" in str(again.json())


@pytest.mark.parametrize("since", ["nonsense", "x" * 400, "WyIyMDI2Il0:abc"])
def test_a_bad_cursor_gets_400(client, feed, since):
    response = client.get(UPDATES, {"since": since})
    assert response.status_code == 400
    assert "cursor" in response.json()["error"]


def test_an_unknown_kind_gets_400_and_an_unknown_tag_404(client, feed):
    assert client.get(UPDATES, {"kind": "poll"}).status_code == 400
    assert client.get(UPDATES, {"tag": "no-such-tag"}).status_code == 404


def test_kind_and_tag_narrow_the_answer_like_the_page(client, feed):
    _article, video, quote = feed
    quote.tags.add("Storms")
    assert ids(answer(client, kind="video")) == [f"video-{video.pk}"]
    assert ids(answer(client, tag="storms")) == [f"quote-{quote.pk}"]


def test_more_new_items_than_one_answer_holds_is_a_gap(client, feed):
    since = newest_cursor()
    assert answer(client, since=since)["gap"] is False
    for minute in range(21):
        BriefFactory(published_at=ago(5 - minute / 10))
    got = answer(client, since=since)
    assert got["gap"] is True
    assert len(got["items"]) == 20 and all(item["new"] for item in got["items"])


@pytest.mark.parametrize("count", [3, 30])
def test_the_answer_takes_a_fixed_number_of_queries(
    client, settings, count, django_assert_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = False
    for minute in range(count):
        BriefFactory(published_at=ago(minute + 1))
        QuoteFactory(published_at=ago(minute + 1))
        ArticleFactory(published_at=ago(minute + 1))
        VideoFactory(published_at=ago(minute + 1))
    # Each kind's newest positions, then the page's items of each kind (with their
    # relations), then the bylines of articles and briefs, which their teasers show; and
    # whether anything is breaking news.
    with django_assert_num_queries(11):
        assert len(answer(client)["items"]) == min(20, 4 * count)


def live_attributes(html, element):
    match = re.search(rf"<{element}[^>]*data-live=\"([^\"]+)\"[^>]*>", html)
    return match and match.group(0)


def test_the_pages_say_where_to_ask_and_from_where(client, feed):
    since = newest_cursor()
    feed_list = client.get(reverse("feed:list")).text
    assert f'data-live="{UPDATES}" data-live-since="{since}"' in live_attributes(feed_list, "div")
    assert (
        'data-live="/feed/updates/?kind=quote"'
        in client.get(reverse("feed:list"), {"kind": "quote"}).text
    )
    home = client.get(reverse("home")).text
    assert f'data-live-since="{since}" data-live-limit="8"' in live_attributes(home, "section")
    article_page = client.get(feed[0].get_absolute_url()).text
    assert live_attributes(article_page, "section")
    tag = feed[2].tags.add("Storms") or feed[2].tags.get()
    assert "data-live=" in client.get(reverse("feed:tag", kwargs={"slug": tag.slug})).text


def test_earlier_pages_do_not_update_themselves(client, feed):
    for minute in range(25):
        BriefFactory(published_at=ago(40 + minute))
    first = client.get(reverse("feed:list")).text
    next_link = re.search(r'href="([^"]+cursor=[^"]+)" rel="next"', first).group(1)
    later = client.get(next_link.replace("&amp;", "&")).text
    assert "data-live=" not in later


def test_the_answer_brings_the_breaking_news_bar_and_its_end(client, feed):
    _article, _video, quote = feed
    since = newest_cursor()
    assert answer(client, since=since)["breaking"] == ""
    quote.breaking_until = timezone.now() + timedelta(hours=1)
    quote.save()
    bar = answer(client, since=since)["breaking"]
    assert 'aria-label="Breaking news"' in bar and quote.get_absolute_url() in bar
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        assert answer(client, since=since)["breaking"] == ""
