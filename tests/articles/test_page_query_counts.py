"""
Every reader page runs a fixed number of queries, whatever the number of items on it.

Each page is measured with 10 and with 50 items of each kind in the database; the
expected counts are the same, and the docstrings of the numbers say where they go.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import pages
from tests.factories import ArticleFactory, SectionFactory
from tests.newsroom_data import build_newsroom

pytestmark = pytest.mark.django_db

# Pieces shared by most pages: every page's frame, the navigation's sections (1),
# whether any item is breaking news, one UNION across the kinds (1), the footer's
# sections (1), flat pages (1) and newsletter sign-up box (the default list, 1), and the
# support prompts of all the page's places (1) (the sections are the navigation's
# fragment, the box one of its own and the prompts one shared fragment: once cached,
# the frame costs the breaking-news query alone); a feed page or strip is the
# positions of the newest articles, briefs, quotes and videos (4), then the page's
# articles with their photos (1) and bylines (1), briefs with their photos (1) and
# authors (1), quotes (1) and videos with their thumbnails (1).
NAV = 6
FEED = 10

# Queries per reader page (tests.pages), by name.
QUERIES = {
    # which articles (a fragment when cached): featured lead and top stories (1) + the
    # sections (1) + every section's latest (1); then those articles (1) + the sections
    # to show (1) + their bylines (1) + feed strip + nav.
    "home": 6 + FEED + NAV,
    "feed": FEED + NAV,
    # one kind: its items with what their teasers show (1), and the bylines of articles
    # and briefs (1)
    "feed-articles": 2 + NAV,
    "feed-quotes": 1 + NAV,
    "feed-videos": 1 + NAV,
    "feed-briefs": 2 + NAV,
    # tag (1) + feed
    "feed-tag": 1 + FEED + NAV,
    # section (1) + articles (1) + their bylines (1) + feed strip
    "section": 3 + FEED + NAV,
    # tag (1) + feed
    "tag": 1 + FEED + NAV,
    # author (1) + articles (1) + their bylines (1) + feed strip
    "author": 3 + FEED + NAV,
    # no query: the feed strip
    "search-form": FEED + NAV,
    # count (1) + UNION page (1) + the matching articles (1) + their bylines (1); only
    # the articles' standfirsts say "harbour"
    "search": 4 + NAV,
    # article (1) + bylines with their authors (1) + tags (1) + corrections (1) + which
    # related articles: editor's picks (1), else by tag (1); those articles (1) + their
    # bylines (1) + the newsletter sign-up box after it (the default list, 1) + feed
    # strip + nav
    "article": 9 + FEED + NAV,
    # the article's nine + the pinned summary, the key events and the page of entries,
    # each with their photos (1) and authors (1) + the newest entries for the JSON-LD (1)
    # and their authors (1)
    "live-blog": 17 + FEED + NAV,
    # quote with source article (1) + tags (1) + nav
    "quote": 2 + NAV,
    # video with thumbnail (1) + tags (1) + nav
    "video": 2 + NAV,
    # brief with photo (1) + authors (1) + tags (1) + nav
    "brief": 3 + NAV,
    # newsletter (1) + count of its sent issues (1) + a page of them (1) + nav
    "newsletter": 3 + NAV,
    # newsletter (1) + issue (1) + nav
    "newsletter-issue": 2 + NAV,
}


def test_every_html_page_has_a_query_count():
    assert set(QUERIES) == {page.name for page in pages.pages(pages.HTML)}


@pytest.mark.parametrize("items", [10, 50])
@pytest.mark.parametrize("page", QUERIES)
def test_page_query_count_is_fixed(client, django_assert_num_queries, page, items):
    data = build_newsroom(items)
    url = pages.url(page, {**data, "article": data["articles"][5]})
    with django_assert_num_queries(QUERIES[page]):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("sections", [1, 6])
def test_home_query_count_does_not_grow_with_sections(client, django_assert_num_queries, sections):
    build_newsroom(4)
    for number in range(1, sections):
        section = SectionFactory(name=f"Desk {number}", slug=f"desk-{number}")
        ArticleFactory.create_batch(5, section=section)
    with django_assert_num_queries(QUERIES["home"]):
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
