import pytest
from django.urls import reverse

from newsroom.stream import PAGE_SIZE as FEED_PAGE_SIZE
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def test_author_page_shows_the_full_profile(client):
    author = AuthorFactory(
        name="Marta Kowalczyk",
        role="Head of North America desk",
        bio="word " * 120,
        x_handle="marta",
        email="marta@example.com",
    )
    html = client.get(author.get_absolute_url()).content.decode()
    assert '<h1 id="author-name">Marta Kowalczyk</h1>' in html
    assert "Head of North America desk" in html
    assert html.count("word") >= 120
    assert 'href="https://x.com/marta"' in html and "mailto:marta@example.com" in html


def test_author_articles_are_cursor_paginated(client):
    author = AuthorFactory()
    other = ArticleFactory(headline="Someone else's story")
    for _ in range(FEED_PAGE_SIZE + 3):
        ArticleFactory(authors=[author])
    html = client.get(author.get_absolute_url()).content.decode()
    # The author's list, not the News Feed strip beside it.
    articles, strip = html.split('class="layout-aside"')
    assert articles.count('class="feed-item ') == FEED_PAGE_SIZE
    assert other.headline not in articles
    more = html.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    assert more.startswith(author.get_absolute_url() + "?cursor=")
    assert client.get(more).content.decode().count('class="feed-item ') == 3


def test_unknown_author_is_404(client):
    assert client.get(reverse("authors:detail", kwargs={"slug": "nobody"})).status_code == 404


def test_bad_cursor_on_author_page_is_400(client):
    author = AuthorFactory()
    assert client.get(author.get_absolute_url(), {"cursor": "bogus"}).status_code == 400
