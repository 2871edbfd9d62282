import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from newsroom.stream import PAGE_SIZE as FEED_PAGE_SIZE
from tests.factories import ArticleFactory, QuoteFactory, VideoFactory

pytestmark = pytest.mark.django_db


def show_more_href(html):
    match = re.search(r'<a href="([^"]+)" rel="next">Show More</a>', html)
    return match and match.group(1).replace("&amp;", "&")


def item_links(html):
    return re.findall(r'href="(/(?:articles|quotes|videos)/[^"]+/)"', html)


def test_show_more_is_a_plain_link_to_the_next_page(client):
    now = timezone.now()
    quotes = [QuoteFactory(published_at=now - timedelta(minutes=n)) for n in range(30)]
    first = client.get(reverse("feed:list")).content.decode()
    href = show_more_href(first)
    assert href.startswith("/feed/?cursor=")

    second = client.get(href).content.decode()

    shown = [*item_links(first), *item_links(second)]
    assert shown == [quote.get_absolute_url() for quote in quotes]
    assert show_more_href(second) is None
    assert "data-stream-items" in first and 'aria-live="polite"' in first


def test_partial_page_is_a_fragment_the_script_can_append(client):
    for _ in range(FEED_PAGE_SIZE + 1):
        QuoteFactory()
    href = show_more_href(client.get(reverse("feed:list")).content.decode())
    response = client.get(href + "&partial=1")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<header" not in html
    assert html.count('class="feed-item ') == 1
    assert "partial" not in (show_more_href(html) or "")


def test_kind_filter_keeps_the_filter_in_show_more(client):
    for _ in range(FEED_PAGE_SIZE + 2):
        QuoteFactory()
        VideoFactory()
    html = client.get(reverse("feed:list"), {"kind": "video"}).content.decode()
    assert all(link.startswith("/videos/") for link in item_links(html))
    assert "kind=video" in show_more_href(html)


def test_items_are_rendered_as_their_kind(client):
    ArticleFactory(headline="Rates held")
    QuoteFactory(text="We will not sign", speaker="Agnieszka Wrona", context="said in parliament")
    VideoFactory(title="Inside the flood zone", duration_seconds=263)
    html = client.get(reverse("feed:list")).content.decode()
    assert "<blockquote><p>“We will not sign”</p></blockquote>" in html
    assert "Agnieszka Wrona</span>, said in parliament" in html
    assert 'Video · <span class="duration">4:23</span>' in html
    assert "min read" in html and "Rates held" in html
    assert 'class="feed-day"' in html


def test_no_inline_script_or_style_on_feed_pages(client):
    ArticleFactory()
    QuoteFactory()
    html = client.get(reverse("feed:list")).content.decode()
    # A JSON data block (the script's words) is never run, so CSP has nothing to allow.
    assert not re.search(r'<script(?![^>]*\b(?:src=|type="application/json"))', html)
    assert " style=" not in html and "<style" not in html
    assert re.search(r'<script src="/static/js/site\.js" defer>', html)


@pytest.mark.parametrize(
    "query",
    [
        {"cursor": "not-a-cursor"},
        {"cursor": "x" * 4000},
        {"cursor": "W10:1tqm1A:forged"},
        {"kind": "poll"},
        {"kind": ["quote", "video"], "cursor": "\x00"},
    ],
)
def test_bad_feed_addresses_get_a_400_page(client, query):
    response = client.get(reverse("feed:list"), query)
    assert response.status_code == 400
    assert b"Start the News Feed from the latest items" in response.content
    assert b'class="site-header"' in response.content


def test_a_forged_host_gets_the_400_page(client):
    """The page cannot be made absolute on that host, but the 400 page still renders."""
    response = client.get(reverse("feed:list"), headers={"host": "evil.example"})
    assert response.status_code == 400
    assert b'class="site-header"' in response.content
    assert b"evil.example" not in response.content


def test_unknown_tag_filter_is_a_404(client):
    assert client.get(reverse("feed:list"), {"tag": "no-such-tag"}).status_code == 404


def test_feed_refuses_writes(client):
    assert client.post(reverse("feed:list")).status_code == 405
