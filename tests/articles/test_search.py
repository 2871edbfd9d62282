import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, QuoteFactory, VideoFactory

pytestmark = pytest.mark.django_db


def result_links(html):
    return re.findall(r'<h3><a href="(/[^"]+/)">', html) + re.findall(
        r'<a href="(/quotes/[^"]+/)" aria-label', html
    )


def test_headline_matches_rank_before_body_matches(client):
    old_headline = ArticleFactory(
        headline="Harbour strike ends", published_at=timezone.now() - timedelta(days=9)
    )
    new_body_only = ArticleFactory(headline="Port news", body="<p>The harbour strike ended.</p>")
    html = client.get(reverse("feed:search"), {"q": "harbour strike"}).content.decode()
    assert result_links(html) == [old_headline.get_absolute_url(), new_body_only.get_absolute_url()]


def test_search_covers_quotes_and_videos(client):
    quote = QuoteFactory(text="The glaciers are retreating")
    video = VideoFactory(title="Glaciers from the air")
    html = client.get(reverse("feed:search"), {"q": "glaciers"}).content.decode()
    assert quote.get_absolute_url() in html and video.get_absolute_url() in html
    assert "2 results for “glaciers”" in html


def test_the_query_stays_in_the_box(client):
    html = client.get(reverse("feed:search"), {"q": "  rates   <b>"}).content.decode()
    assert 'value="rates &lt;b&gt;"' in html


def test_every_word_must_match(client):
    ArticleFactory(headline="Rates held steady")
    html = client.get(reverse("feed:search"), {"q": "rates volcano"}).content.decode()
    assert "Nothing found" in html


@pytest.mark.parametrize("query", ["", "   ", "a" * 5000, "%", "_", "' OR 1=1 --", "\u00e9t\u00e9"])
def test_odd_queries_are_handled(client, query):
    response = client.get(reverse("feed:search"), {"q": query})
    assert response.status_code == 200


def test_results_are_paginated(client):
    for number in range(25):
        ArticleFactory(headline=f"Budget story {number}")
    first = client.get(reverse("feed:search"), {"q": "budget"}).content.decode()
    assert "Page 1 of 2" in first and 'rel="next"' in first
    second = client.get(reverse("feed:search"), {"q": "budget", "page": "2"})
    assert len(result_links(second.content.decode())) == 5


@pytest.mark.parametrize(
    "page",
    # "²" passes str.isdigit() but not int(); 5,000 digits pass neither int() nor
    # the database's 64-bit OFFSET.
    ["0", "-1", "abc", "99", "1e3", "²", "٣", "9" * 20, "9" * 5000],
)
def test_bad_page_numbers_are_404(client, page):
    ArticleFactory(headline="Budget story")
    response = client.get(reverse("feed:search"), {"q": "budget", "page": page})
    assert response.status_code == 404
