from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction, Status
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BriefFactory,
    QuoteFactory,
    SectionFactory,
)

# Pages are refreshed when a change commits, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)

purged = []
purged_tags = []


def record_purge(urls):
    purged.append(urls)


def record_purge_with_tags(urls, tags):
    purged.append(urls)
    purged_tags.append(tags)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHE_PURGE_HOOK = ""
    settings.CACHE_TAG_HEADER = ""
    purged.clear()
    purged_tags.clear()


@pytest.fixture
def story():
    author = AuthorFactory(name="Ana Lopes")
    article = ArticleFactory(headline="Bridge reopens", authors=[author])
    article.tags.add("Transport")
    return article


def content_queries(queries):
    """The captured queries that read content (not the cache's own version table)."""
    return [q["sql"] for q in queries.captured_queries if "cache_versions" not in q["sql"]]


def test_a_second_visit_is_served_from_the_cache(client, story, django_assert_max_num_queries):
    first = client.get(story.get_absolute_url())
    assert first.status_code == 200
    # At most one lookup (in the database's version table; none with Redis): has anything
    # changed since the page was stored? No content is read.
    with django_assert_max_num_queries(1) as queries:
        second = client.get(story.get_absolute_url())
    assert content_queries(queries) == []
    assert second.content == first.content
    assert second.has_header("Age")


def test_editing_an_article_refreshes_its_page_and_the_lists_showing_it(client, story):
    home = reverse("home")
    assert "Bridge reopens" in client.get(story.get_absolute_url()).text
    assert "Bridge reopens" in client.get(home).text

    story.headline = "Bridge reopens after repairs"
    story.save()

    assert "Bridge reopens after repairs" in client.get(story.get_absolute_url()).text
    assert "Bridge reopens after repairs" in client.get(home).text


def test_an_edit_leaves_pages_that_do_not_show_the_item_cached(
    client, story, django_assert_max_num_queries
):
    """The page of another tag shows no trace of the story (it has no News Feed strip,
    which would): no re-render."""
    QuoteFactory().tags.add("Weather")
    url = reverse("feed:tag", kwargs={"slug": "weather"})
    client.get(url)
    Article.objects.filter(pk=story.pk).first().save()  # an edit, nothing moves in lists
    # The epoch moved, so the page's own versions are compared; no content is read.
    with django_assert_max_num_queries(2) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert content_queries(queries) == []


def test_publishing_shows_the_article_everywhere_at_once(client, story):
    section = story.section
    draft = ArticleFactory(draft=True, headline="Storm warning issued", section=section)
    pages = [reverse("home"), reverse("feed:list"), section.get_absolute_url()]
    for url in pages:
        assert "Storm warning issued" not in client.get(url).text

    draft.status, draft.published_at = Status.PUBLISHED, timezone.now()
    draft.save()

    for url in pages:
        assert "Storm warning issued" in client.get(url).text, url


def test_unpublishing_removes_the_page_at_once(client, story):
    assert client.get(story.get_absolute_url()).status_code == 200
    story.status = Status.UNPUBLISHED
    story.save()
    assert client.get(story.get_absolute_url()).status_code == 404
    assert "Bridge reopens" not in client.get(reverse("home")).text


def test_bulk_publishing_from_the_admin_list_refreshes_pages(client, story):
    draft = ArticleFactory(draft=True, headline="Council approves budget")
    assert "Council approves budget" not in client.get(reverse("home")).text
    Article.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED, published_at=timezone.now())
    assert "Council approves budget" in client.get(reverse("home")).text


def test_a_new_byline_or_correction_refreshes_the_article(client, story):
    url = story.get_absolute_url()
    client.get(url)
    Correction.objects.create(article=story, note="An earlier version misstated the date.")
    assert "misstated the date" in client.get(url).text


def test_renaming_an_author_refreshes_articles_that_show_the_byline(client, story):
    client.get(story.get_absolute_url())
    author = story.byline[0]
    author.name = "Ana Lopes-Silva"
    author.save()
    assert "Ana Lopes-Silva" in client.get(story.get_absolute_url()).text


def test_a_scheduled_item_appears_at_its_time_although_pages_are_cached(
    client, story, time_machine
):
    time_machine.move_to(timezone.now())
    ArticleFactory(headline="Embargoed report", published_at=timezone.now() + timedelta(minutes=5))
    QuoteFactory(text="Later words", published_at=timezone.now() + timedelta(minutes=7))
    first = client.get(reverse("home"))
    assert "Embargoed report" not in first.text
    max_age = int(first["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age <= 5 * 60, "browsers and CDNs may not keep it past the publication time"

    time_machine.shift(timedelta(minutes=5, seconds=1))
    assert "Embargoed report" in client.get(reverse("home")).text


def test_pages_are_cached_again_once_a_scheduled_item_has_gone_live(
    client, story, time_machine, django_assert_max_num_queries
):
    """The next publication bounds cache lifetimes only until it has happened."""
    time_machine.move_to(timezone.now())
    ArticleFactory(headline="Embargoed report", published_at=timezone.now() + timedelta(minutes=5))
    ArticleFactory(headline="Later report", published_at=timezone.now() + timedelta(hours=2))
    client.get(reverse("home"))

    time_machine.shift(timedelta(minutes=6))
    live = client.get(reverse("home"))
    assert "Embargoed report" in live.text
    max_age = int(live["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age > 0, "the page may be kept again until the next publication"
    with django_assert_max_num_queries(1) as queries:
        again = client.get(reverse("home"))
    assert content_queries(queries) == []
    assert again.content == live.content


def test_reader_pages_tell_browsers_and_cdns_how_long_to_keep_them(client, story):
    response = client.get(story.get_absolute_url())
    control = response["Cache-Control"]
    for part in ("public", "max-age=", "stale-while-revalidate=", "stale-if-error="):
        assert part in control
    assert response.has_header("ETag")


def test_a_cached_page_answers_a_conditional_request_with_304(client, story):
    etag = client.get(story.get_absolute_url())["ETag"]
    response = client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_a_conditional_request_for_a_dropped_page_keeps_it_for_the_next(
    client, story, django_assert_max_num_queries
):
    # A poller sends the ETag of its last answer; the page it names was dropped (its
    # lifetime ran out, or a worker started afresh) though nothing in it changed.
    url = reverse("feed:updates")
    etag = client.get(url)["ETag"]
    cache.clear()

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with django_assert_max_num_queries(1) as queries:
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert content_queries(queries) == [], "the first conditional request kept the page"
    assert client.get(url, HTTP_IF_NONE_MATCH='W/"other"').status_code == 200


def test_parameters_no_page_reads_neither_change_it_nor_skip_the_cache(client, story):
    client.get(reverse("feed:list"), {"kind": "article"})
    response = client.get(reverse("feed:list"), {"kind": "article", "utm_source": "mail"})
    assert response.has_header("Age"), "served from the cache"
    assert "utm_source" not in response.text


def test_the_order_of_parameters_makes_no_other_page(client, story):
    client.get(reverse("feed:list") + "?kind=article&tag=transport")
    response = client.get(reverse("feed:list") + "?tag=transport&kind=article")
    assert response.has_header("Age")


def test_every_parameter_a_reader_page_reads_is_kept():
    """A parameter a view reads but the cache drops would be lost for every reader."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    read = set()
    for app in ("newsroom", "redirects", "authors", "articles", "feed"):
        for path in (root / app).rglob("*.py"):
            if not path.name.endswith("admin.py"):
                read |= set(re.findall(r'GET\.get(?:list)?\("([^"]+)"', path.read_text()))
    assert read and read <= set(settings.PAGE_CACHE_QUERY_PARAMETERS)


def test_a_made_up_session_cookie_does_not_skip_the_cache(client, story):
    client.get(story.get_absolute_url())
    client.cookies[settings.SESSION_COOKIE_NAME] = "made-up-to-skip-the-cache"
    response = client.get(story.get_absolute_url())
    assert response.has_header("Age"), "served from the cache"


def test_staff_with_a_session_see_fresh_pages(admin_client, story, django_assert_max_num_queries):
    admin_client.get(story.get_absolute_url())
    response = admin_client.get(story.get_absolute_url())
    assert "public" not in response.get("Cache-Control", "")
    assert not response.has_header("Age")


def test_previews_are_never_cached(admin_client):
    draft = ArticleFactory(draft=True)
    response = admin_client.get(reverse("articles:preview", kwargs={"pk": draft.pk}))
    assert "no-store" in response["Cache-Control"]


def test_purge_hook_receives_the_addresses_a_change_affects(settings, story):
    settings.CACHE_PURGE_HOOK = "tests.newsroom.test_page_cache.record_purge"
    story.headline = "Bridge reopens to traffic"
    story.save()
    urls = purged[-1]
    for expected in (
        story.get_absolute_url(),
        reverse("home"),
        reverse("feed:list"),
        story.section.get_absolute_url(),
        story.byline[0].get_absolute_url(),
        reverse("feed:tag", kwargs={"slug": "transport"}),
        reverse("articles:feed-rss"),
    ):
        assert expected in urls


def test_a_page_kept_past_midnight_does_not_call_yesterday_today(client, settings, time_machine):
    """Lists say "14:05" for today's items and "Yesterday, 14:05" the next day: no page,
    fragment or teaser drawn before midnight is served after it."""
    settings.FRAGMENT_CACHE_ENABLED = True
    evening = timezone.make_aware(datetime(2026, 12, 1, 23, 59, 30))
    time_machine.move_to(evening, tick=False)
    QuoteFactory(text="We will rebuild", published_at=evening - timedelta(hours=2))
    assert ">21:59</time>" in client.get(reverse("feed:list")).text
    assert ">21:59</time>" in client.get(reverse("home")).text
    # Nor does a browser or CDN keep it past midnight.
    response = client.get(reverse("feed:list"))
    assert "max-age=60" not in response["Cache-Control"]

    # Five minutes on: well within the cache's timeout, but the next day.
    time_machine.move_to(evening + timedelta(minutes=5), tick=False)
    for url in (reverse("feed:list"), reverse("home")):
        html = client.get(url).text
        assert ">Yesterday, 21:59</time>" in html
        assert ">21:59</time>" not in html


def test_pages_carry_no_cache_tags_unless_asked(client, story):
    assert not any(
        name.lower() in ("surrogate-key", "cache-tag") for name in client.get("/").headers
    )


@pytest.mark.parametrize("header, separator", [("Surrogate-Key", " "), ("Cache-Tag", ",")])
def test_one_purge_by_tag_reaches_every_article_page_a_new_brief_changes(
    client, settings, story, header, separator
):
    """A new item changes the News Feed strip of every article page: no list of
    addresses can name them all, one tag does."""
    settings.CACHE_PURGE_HOOK = "tests.newsroom.test_page_cache.record_purge_with_tags"
    settings.CACHE_TAG_HEADER = header
    other = ArticleFactory(headline="Harbour wall repaired")
    pages = [story.get_absolute_url(), other.get_absolute_url(), reverse("home")]
    tags_of = {}
    for url in pages:
        rendered, replayed = client.get(url), client.get(url)
        assert rendered[header] == replayed[header]
        tags_of[url] = set(rendered[header].split(separator))
    assert f"articles.article:{story.pk}" in tags_of[story.get_absolute_url()]
    assert f"articles.article:{other.pk}" in tags_of[other.get_absolute_url()]

    BriefFactory(headline="Ferry cancelled")
    bumped = set(purged_tags[-1])
    assert "list:feed.brief" in bumped
    for url in pages:
        assert "list:feed.brief" in tags_of[url], f"no purged tag reaches {url}"
    # The addresses are still named, for CDNs that purge by address only.
    assert reverse("feed:list") in purged[-1]


def test_http_purge_sends_the_tags_in_the_configured_header(settings, story):
    import http.server
    import threading

    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            received.append((self.path, self.headers.get("Surrogate-Key")))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.CACHE_PURGE_HOOK = "newsroom.pagecache.http_purge"
        settings.CACHE_PURGE_URL = f"http://127.0.0.1:{server.server_port}"
        settings.CACHE_TAG_HEADER = "Surrogate-Key"
        story.headline = "Bridge reopens to traffic"
        story.save()
    finally:
        server.shutdown()
    assert (story.get_absolute_url(), None) in received
    [(path, keys)] = [(path, keys) for path, keys in received if keys]
    assert path == "/"
    assert f"articles.article:{story.pk}" in keys.split(" ")


def test_pages_are_served_when_the_cache_server_is_down(client, settings, story):
    unreachable = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    settings.CACHES = {"default": unreachable, "versions": unreachable}
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert "Bridge reopens" in response.text


def test_an_edit_while_the_cache_is_away_saves_and_reaches_readers_when_it_is_back(
    client, story, monkeypatch
):
    from newsroom.pagecache import versions

    url = story.get_absolute_url()
    assert "Bridge reopens" in client.get(url).text  # now cached
    working = versions.bump

    def stalled(tags):
        raise ConnectionError("the cache server does not answer")

    monkeypatch.setattr(versions, "bump", stalled)
    story.headline = "Bridge closes again"
    story.save()  # the admin's save: it must not fail because the cache did
    monkeypatch.setattr(versions, "bump", working)
    assert "Bridge closes again" in client.get(url).text


def test_sections_added_later_appear_in_every_cached_page(client, story):
    client.get(reverse("home"))
    SectionFactory(name="Sport", slug="sport")
    assert "Sport" in client.get(reverse("home")).text


def test_shared_fragments_are_reused_across_pages_and_stay_exact(
    client, settings, django_assert_max_num_queries
):
    """With whole pages off, the News Feed strip and navigation are still kept once for
    all pages, and a new quote still shows in the strip of a page rendered after it."""
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = True
    first, second = ArticleFactory(), ArticleFactory()
    # The very first page also gives every row it shows a first version (in the database
    # here; one round trip with Redis), its footer's flat pages a first list version, and
    # keeps the newsletter sign-up boxes' default list, the support prompts, and the drawn
    # navigation and footer (4 or so each: the rows, their versions, the epoch and the
    # next publication, as the fragment is stored).
    with django_assert_max_num_queries(98) as cold:
        client.get(first.get_absolute_url())
    with django_assert_max_num_queries(40) as warm:
        client.get(second.get_absolute_url())
    assert len(warm.captured_queries) < len(cold.captured_queries) - 3

    QuoteFactory(text="Fresh words from the mayor")
    assert "Fresh words from the mayor" in client.get(first.get_absolute_url()).text


def test_pages_are_sent_compressed_to_browsers_that_accept_gzip(client, story):
    import gzip

    responses = [
        client.get(story.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip, br") for _ in range(2)
    ]  # rendered and stored, then replayed from the cache
    plain = client.get(story.get_absolute_url())
    assert "Content-Encoding" not in plain
    assert int(plain["Content-Length"]) == len(plain.content)
    for response in responses:
        assert response["Content-Encoding"] == "gzip"
        assert int(response["Content-Length"]) == len(response.content)
        assert gzip.decompress(response.content) == plain.content
        assert "Accept-Encoding" in response["Vary"]


def test_featuring_an_article_makes_it_the_lead_at_once(client, story):
    older = ArticleFactory(
        headline="Tunnel plans unveiled", published_at=timezone.now() - timedelta(days=3)
    )
    # Enough newer stories in its section that it shows nowhere on the front page.
    ArticleFactory.create_batch(12, section=older.section)
    assert "Tunnel plans unveiled" not in client.get(reverse("home")).text
    older.is_featured = True
    older.save()
    assert "Tunnel plans unveiled" in lead_story(client.get(reverse("home")).text)


def lead_story(html):
    return html.split('class="lead-story"')[1].split("</article>")[0]
