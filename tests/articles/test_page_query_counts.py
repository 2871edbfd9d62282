"""
Every reader page runs a fixed number of queries, whatever the number of items on it.

Each page is measured with 10 and with 50 items of each kind in the database; the
expected counts are the same, and the docstrings of the numbers say where they go.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from feed.models import Quote, Video
from tests.factories import ArticleFactory, SectionFactory
from tests.pages import build_newsroom

pytestmark = pytest.mark.django_db

# Pieces shared by most pages: the navigation's sections (1); a feed page or strip is
# the positions of the newest articles, quotes and videos (3), then the page's articles
# with their photos (1), quotes (1) and videos with their thumbnails (1).
NAV = 1
FEED = 6

PAGES = {
    # which articles (a fragment when cached): featured lead and top stories (1) + the
    # sections (1) + every section's latest (1); then those articles (1) + the sections
    # to show (1) + feed strip + nav.
    "home": (lambda data: reverse("home"), 5 + FEED + NAV),
    "feed": (lambda data: reverse("feed:list"), FEED + NAV),
    # only quotes (1)
    "feed-quotes": (lambda data: reverse("feed:list") + "?kind=quote", 1 + NAV),
    # section (1) + articles (1)
    "section": (lambda data: data["section"].get_absolute_url(), 2 + NAV),
    # tag (1) + feed
    "tag": (lambda data: reverse("feed:tag", kwargs={"slug": "climate"}), 1 + FEED + NAV),
    # author (1) + articles (1)
    "author": (lambda data: data["authors"][0].get_absolute_url(), 2 + NAV),
    # count (1) + UNION page (1) + the matching articles (1); only the articles'
    # standfirsts say "harbour"
    "search": (lambda data: reverse("feed:search") + "?q=harbour", 3 + NAV),
    # article (1) + bylines with their authors (1) + tags (1) + corrections (1) + which
    # related articles: editor's picks (1), else by tag (1); those articles (1) + feed
    # strip + nav
    "article": (lambda data: data["articles"][5].get_absolute_url(), 7 + FEED + NAV),
    # quote with source article (1) + tags (1) + nav
    "quote": (lambda data: Quote.objects.published().first().get_absolute_url(), 2 + NAV),
    # video with thumbnail (1) + tags (1) + nav
    "video": (lambda data: Video.objects.published().first().get_absolute_url(), 2 + NAV),
}


@pytest.mark.parametrize("items", [10, 50])
@pytest.mark.parametrize("page", PAGES)
def test_page_query_count_is_fixed(client, django_assert_num_queries, page, items):
    data = build_newsroom(items)
    url, expected = PAGES[page][0](data), PAGES[page][1]
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("sections", [1, 6])
def test_home_query_count_does_not_grow_with_sections(client, django_assert_num_queries, sections):
    build_newsroom(4)
    for number in range(1, sections):
        section = SectionFactory(name=f"Desk {number}", slug=f"desk-{number}")
        ArticleFactory.create_batch(5, section=section)
    with django_assert_num_queries(PAGES["home"][1]):
        response = client.get(reverse("home"))
    assert response.text.count('class="section-latest"') == sections


def test_home_shows_each_sections_newest_articles_but_not_the_featured_ones(client):
    now = timezone.now()
    world, sport = SectionFactory(name="World"), SectionFactory(name="Sport")
    lead = ArticleFactory(section=world, headline="Lead story", is_featured=True)
    world_news = [
        ArticleFactory(section=world, headline=f"World {n}", published_at=now - timedelta(hours=n))
        for n in range(1, 6)
    ]
    sport_news = [
        ArticleFactory(section=sport, headline=f"Sport {n}", published_at=now - timedelta(hours=n))
        for n in range(1, 6)
    ]
    response = client.get(reverse("home"))
    sections = {section.name: section.latest_articles for section in response.context["sections"]}
    assert sections["World"] == world_news[:3]
    assert sections["Sport"] == sport_news[:3]
    assert lead not in sections["World"]
