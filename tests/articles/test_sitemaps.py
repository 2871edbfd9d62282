from datetime import timedelta

import defusedxml.ElementTree as ET
import pytest
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, VideoFactory

pytestmark = pytest.mark.django_db

# The index: each sitemap's count (articles, sections, tags, authors, videos, briefs,
# newsletters, newsletter issues) and latest change (articles, authors, videos, briefs,
# newsletter issues; the sections' and newsletters' lists carry their own), the page
# cache's versions and next publication, and the sites framework's site for the host
# (loaded once per process; each test starts without it).
NUM_INDEX_QUERIES = 16

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert "xml" in response["Content-Type"]
    return ET.fromstring(response.content)


def locations(root):
    return [loc.text for loc in root.iterfind(".//sm:loc", NS)]


def test_sitemap_index_lists_each_kind(client):
    ArticleFactory().tags.add("Energy")
    AuthorFactory()
    VideoFactory()
    root = xml(client, reverse("sitemap-index"))
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    listed = locations(root)
    for kind in ("articles", "sections", "tags", "authors", "videos"):
        assert any(f"sitemap-{kind}.xml" in url for url in listed), kind


def test_article_sitemap_has_only_published_articles_with_lastmod(client):
    live = ArticleFactory()
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True)
    root = xml(client, "/sitemap-articles.xml")
    urls = locations(root)
    assert f"http://testserver{live.get_absolute_url()}" in urls
    assert not any(item.slug in url for item in (draft, scheduled) for url in urls)
    assert root.find(".//sm:lastmod", NS) is not None


def test_sitemaps_split_into_pages(client, monkeypatch):
    from articles.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    ArticleFactory.create_batch(5)
    index = locations(xml(client, reverse("sitemap-index")))
    assert sum("sitemap-articles.xml" in url for url in index) == 3
    assert len(locations(xml(client, "/sitemap-articles.xml?p=3"))) == 1
    assert client.get("/sitemap-articles.xml?p=9").status_code == 404


def test_section_tag_author_and_video_sitemaps(client):
    section = SectionFactory(slug="world")
    ArticleFactory(section=section).tags.add("Energy")
    author = AuthorFactory()
    video = VideoFactory()
    assert "http://testserver/sections/world/" in locations(xml(client, "/sitemap-sections.xml"))
    assert any("energy" in url for url in locations(xml(client, "/sitemap-tags.xml")))
    assert f"http://testserver{author.get_absolute_url()}" in locations(
        xml(client, "/sitemap-authors.xml")
    )
    assert f"http://testserver{video.get_absolute_url()}" in locations(
        xml(client, "/sitemap-videos.xml")
    )


def test_news_sitemap_has_only_the_last_two_days(client):
    fresh = ArticleFactory(headline="Fresh & new", published_at=timezone.now() - timedelta(hours=5))
    ArticleFactory(headline="Old news", published_at=timezone.now() - timedelta(days=3))
    ArticleFactory(headline="Not yet", scheduled=True)
    root = xml(client, reverse("news-sitemap"))
    assert locations(root) == [f"http://testserver{fresh.get_absolute_url()}"]
    news = root.find(".//news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS)
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert news.findtext("news:title", namespaces=NS) == "Fresh & new"
    published = news.findtext("news:publication_date", namespaces=NS)
    assert published.startswith(
        str(fresh.published_at.astimezone(timezone.get_current_timezone()).year)
    )


def test_robots_txt_names_the_sitemaps_and_hides_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/news-sitemap.xml" in text
    assert "Disallow: /admin/" in text


@pytest.mark.parametrize("count", [3, 30])
def test_the_index_finds_each_sitemaps_latest_change_without_loading_every_row(
    client, django_assert_num_queries, count
):
    """The latest change of a sitemap is one aggregate, not every row loaded to take the
    maximum (seconds at 100,000 articles)."""
    edited = ArticleFactory(published_at=timezone.now() - timedelta(days=3))
    ArticleFactory.create_batch(count, published_at=timezone.now() - timedelta(days=5))
    ArticleFactory(scheduled=True)
    type(edited).objects.filter(pk=edited.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    with django_assert_num_queries(NUM_INDEX_QUERIES) as queries:
        root = xml(client, reverse("sitemap-index"))
    row_loads = [
        query["sql"]
        for query in queries.captured_queries
        if 'FROM "articles_article"' in query["sql"]
        and "COUNT(" not in query["sql"]
        and "MAX(" not in query["sql"]
    ]
    assert row_loads == []
    articles = next(
        entry for entry in root.iterfind("sm:sitemap", NS) if "sitemap-articles" in entry[0].text
    )
    lastmod = articles.find("sm:lastmod", NS).text
    latest = type(edited).objects.published().aggregate(latest=Max("updated_at"))["latest"]
    assert lastmod.startswith(timezone.localtime(latest).strftime("%Y-%m-%d"))
