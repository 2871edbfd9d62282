"""The article, quote and video lists: few columns, with status, liveness and time in one."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, QuoteFactory, VideoFactory

pytestmark = pytest.mark.django_db


def column_headers(html):
    return re.findall(r'<th scope="col" class="[^"]*column-(\w+)', html)


def test_the_article_list_shows_one_status_column_with_the_time(editor_client):
    soon = timezone.now() + timedelta(days=2)
    ArticleFactory(headline="Tomorrow's budget", published_at=soon)
    ArticleFactory(headline="Harbour reopens", is_featured=True)
    ArticleFactory(headline="Unfinished piece", draft=True)

    html = editor_client.get(reverse("admin:articles_article_changelist")).text

    assert column_headers(html) == [
        "preview",
        "headline",
        "section",
        "authors_list",
        "article_state",
        "languages",
    ]
    local = timezone.localtime(soon)
    assert re.search(
        rf'<span class="list-state list-state--scheduled">Scheduled</span><time datetime="{re.escape(local.isoformat())}">',
        html,
    )
    assert re.search(
        r'list-state--live">Live</span><time [^>]*>[^<]*</time><span class="list-badge">Featured',
        html,
    )
    assert 'list-state--draft">Draft</span></td>' in html


def test_the_quote_and_video_lists_fold_publication_into_the_status(editor_client):
    QuoteFactory(text="We will not sign anything that leaves our farmers worse off.")
    VideoFactory(title="Election night in ninety seconds")

    quotes = editor_client.get(reverse("admin:feed_quote_changelist")).text
    videos = editor_client.get(reverse("admin:feed_video_changelist")).text

    assert column_headers(quotes) == ["words", "speaker", "state", "tag_list", "languages"]
    assert ">We will not sign anything that leaves our farmers worse off.</a>" in quotes
    assert column_headers(videos) == ["preview", "title", "length", "state", "languages"]
    assert 'list-state--live">Live</span>' in quotes and 'list-state--live">Live</span>' in videos


def test_the_lists_sort_by_publication_time_through_the_status_column(editor_client):
    older = ArticleFactory(headline="Older story", published_at=timezone.now() - timedelta(days=3))
    newer = ArticleFactory(headline="Newer story")
    status_column = 5  # after the photo, headline, section and authors

    html = editor_client.get(
        reverse("admin:articles_article_changelist"), {"o": status_column}
    ).text

    assert html.index(older.headline) < html.index(newer.headline)
