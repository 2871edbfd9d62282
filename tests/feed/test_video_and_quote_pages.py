import re

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, PhotoFactory, QuoteFactory, VideoFactory

pytestmark = pytest.mark.django_db


def test_video_page_loads_nothing_from_the_host_until_play(client):
    video = VideoFactory(
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", thumbnail=PhotoFactory()
    )
    html = client.get(video.get_absolute_url()).content.decode()
    assert "<iframe" not in html
    assert not re.search(r'\s(?:src|srcset|poster)="https?://', html)
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert '<a class="play-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://youtu.be/dQw4w9WgXcQ",
            ("iframe", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ),
        (
            "https://vimeo.com/76979871",
            ("iframe", "https://player.vimeo.com/video/76979871?autoplay=1"),
        ),
        ("https://cdn.example.com/clip.mp4", ("video", "https://cdn.example.com/clip.mp4")),
        ("https://example.com/some/page", ("", "")),
        ('https://www.youtube.com/watch?v=bad"id', ("", "")),
    ],
)
def test_players_are_recognised(url, embed):
    assert VideoFactory.build(video_url=url).embed == embed


def test_quote_permalink_has_its_own_meta(client):
    quote = QuoteFactory(text="Peace is built in villages", speaker="Bishop Otieno")
    quote.tags.add("Kenya")
    html = client.get(quote.get_absolute_url()).content.decode()
    assert "<title>Bishop Otieno: “Peace is built in villages” |" in html
    assert (
        '<meta property="og:description" content="“Peace is built in villages” — Bishop Otieno">'
        in html
    )
    assert '<link rel="canonical" href="http://testserver/quotes/' in html
    assert 'href="/tags/kenya/"' in html


def test_tag_page_lists_every_kind(client):
    for factory in (QuoteFactory, VideoFactory):
        factory().tags.add("Floods")
    html = client.get(reverse("feed:tag", kwargs={"slug": "floods"})).content.decode()
    assert "feed-item--quote" in html and "feed-item--video" in html
    assert client.get(reverse("feed:tag", kwargs={"slug": "nope"})).status_code == 404


def test_a_quote_does_not_reveal_the_draft_it_comes_from(client):
    draft = ArticleFactory(draft=True, headline="Secret merger talks", slug="secret-merger")
    quote = QuoteFactory(text="We have nothing to announce", source_article=draft)
    for url in (quote.get_absolute_url(), reverse("feed:list"), reverse("home")):
        html = client.get(url).content.decode()
        assert "Secret merger talks" not in html, url
        assert "secret-merger" not in html, url


def test_a_quote_links_its_published_story(client):
    story = ArticleFactory(headline="Merger agreed", slug="merger-agreed")
    quote = QuoteFactory(text="A good day for both companies", source_article=story)
    html = client.get(quote.get_absolute_url()).content.decode()
    assert 'href="/articles/merger-agreed/">Merger agreed</a>' in html
    assert "http://testserver/articles/merger-agreed/" in html, "isBasedOn in the JSON-LD"
