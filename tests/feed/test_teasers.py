"""What the teasers in the News Feed, the strip and the home page's cards carry: the
byline of articles and briefs, the speaker's role, a video's length and play mark."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, AuthorFactory, BriefFactory, QuoteFactory, VideoFactory

pytestmark = pytest.mark.django_db


def entry(html, marker):
    """The list entry (or card) of `html` that holds `marker`."""
    before, after = html.split(marker, 1)
    return before.rsplit("<li", 1)[1] + marker + after.split("</li>", 1)[0]


def test_news_feed_teasers_carry_bylines_roles_and_lengths(client):
    marta, ana = AuthorFactory(name="Marta Kowalczyk"), AuthorFactory(name="Ana Lopes")
    ArticleFactory(headline="Bridge reopens", authors=[marta, ana])
    BriefFactory(headline="Tram budget approved").authors.add(ana)
    QuoteFactory(speaker="Iryna Kovalenko", context="mayor of Kharkiv, said on X")
    VideoFactory(title="Inside the flood zone", duration_seconds=263)
    html = client.get(reverse("feed:list")).text
    assert "By Marta Kowalczyk and Ana Lopes" in entry(html, "Bridge reopens")
    assert "By Ana Lopes" in entry(html, "Tram budget approved")
    assert "Iryna Kovalenko</span>, mayor of Kharkiv, said on X" in html
    video = entry(html, "Inside the flood zone")
    assert '<span class="duration">4:23</span>' in video
    assert 'class="play-mark" aria-hidden="true"' in video


def test_home_page_cards_carry_bylines(client):
    marta = AuthorFactory(name="Marta Kowalczyk")
    # The newest featured article leads; the one before it is a top story.
    ArticleFactory(headline="Second story", is_featured=True, authors=[marta])
    ArticleFactory(headline="Lead story", is_featured=True, authors=[marta])
    html = client.get(reverse("home")).text
    card = html.split('class="top-stories"', 1)[1].split("</section>", 1)[0]
    assert "Second story" in card and "By Marta Kowalczyk" in card
