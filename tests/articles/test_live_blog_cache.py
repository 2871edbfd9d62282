"""A cached live blog page stays exact: a new, edited or moved entry redraws it, and a
CDN is told its address."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.factories import ArticleFactory, BriefFactory

# Pages are refreshed when a change commits, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)

purged = []


def record_purge(urls):
    purged.append(urls)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.CACHE_PURGE_HOOK = ""
    purged.clear()


@pytest.fixture
def blog():
    now = timezone.now()
    return ArticleFactory(
        headline="Election night live", published_at=now - timedelta(hours=2), live_starts_at=now
    )


def test_a_cached_live_blog_shows_a_newly_published_entry(client, blog):
    BriefFactory(live_blog=blog, headline="Polls close")
    first = client.get(blog.get_absolute_url())
    assert "Polls close" in first.text
    assert client.get(blog.get_absolute_url()).has_header("Age")  # served from the cache

    draft = BriefFactory(live_blog=blog, headline="First seat declared", draft=True)
    assert "First seat declared" not in client.get(blog.get_absolute_url()).text

    draft.status = Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.is_key_event = True
    draft.save()

    html = client.get(blog.get_absolute_url()).text
    assert "First seat declared" in html
    assert f'<a href="#entry-{draft.pk}">' in html  # among the key events
    # The JSON-LD, a fragment of its own, has it too.
    assert f'#entry-{draft.pk}"' in html[html.index("application/ld+json") :]
    feed = client.get(reverse("articles:live-rss", kwargs={"slug": blog.slug})).text
    assert "First seat declared" in feed


def test_pinning_an_entry_redraws_the_summary(client, blog):
    entry = BriefFactory(live_blog=blog, headline="Turnout at 64%")
    assert "live-summary" not in client.get(blog.get_absolute_url()).text
    entry.is_pinned = True
    entry.save()
    assert 'class="live-summary"' in client.get(blog.get_absolute_url()).text


def test_ending_the_coverage_redraws_the_badge(client, blog):
    assert ">Live</p>" in client.get(blog.get_absolute_url()).text
    blog.live_ends_at = timezone.now()
    blog.save()
    assert "Ended <time" in client.get(blog.get_absolute_url()).text


def test_a_new_entry_purges_the_live_blogs_address_and_feed(settings, blog):
    settings.CACHE_PURGE_HOOK = "tests.articles.test_live_blog_cache.record_purge"
    entry = BriefFactory(live_blog=blog, headline="Exit poll published")
    urls = purged[-1]
    assert blog.get_absolute_url() in urls
    assert reverse("articles:live-rss", kwargs={"slug": blog.slug}) in urls
    assert entry.get_absolute_url() in urls and reverse("feed:list") in urls


def test_an_entry_let_into_the_news_feed_appears_there(client, blog):
    entry = BriefFactory(live_blog=blog, headline="Recount ordered", in_news_feed=False)
    assert "Recount ordered" not in client.get(reverse("feed:list")).text
    entry.in_news_feed = True
    entry.save()
    assert "Recount ordered" in client.get(reverse("feed:list")).text
