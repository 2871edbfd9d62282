import re

import pytest
from django.urls import reverse

from tests.factories import PhotoFactory, QuoteFactory, VideoFactory

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
