import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Correction
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    PhotoFactory,
    QuoteFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def graph(response):
    blocks = JSON_LD.findall(response.content.decode())
    assert len(blocks) == 1, "one JSON-LD block per page"
    return {node["@type"]: node for node in json.loads(blocks[0])["@graph"]}


def meta(response, name):
    match = re.search(
        rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', response.content.decode()
    )
    return match and match.group(1)


@pytest.fixture
def article():
    article = ArticleFactory(
        headline="Floods recede in the delta",
        authors=[AuthorFactory(name="Ana Lopes"), AuthorFactory(name="Piotr Zielinski")],
        hero_photo=PhotoFactory(
            alt_text="A flooded road", photographer="Brandon Bell", agency="Getty Images"
        ),
        published_at=timezone.now() - timedelta(hours=2),
    )
    article.tags.add("Climate")
    return article


def test_article_is_a_news_article_naming_every_author(client, article):
    nodes = graph(client.get(article.get_absolute_url()))
    news = nodes["NewsArticle"]
    assert news["headline"] == "Floods recede in the delta"
    assert [author["name"] for author in news["author"]] == ["Ana Lopes", "Piotr Zielinski"]
    assert all(author["@type"] == "Person" and author["url"] for author in news["author"])
    image = news["image"][0]
    assert image["creditText"] == "Brandon Bell/Getty Images"
    assert image["copyrightHolder"]["name"] == "Getty Images"
    assert image["width"] == 320 and image["height"] == 180
    assert news["datePublished"] and news["dateModified"]
    assert news["isAccessibleForFree"] is True
    assert news["publisher"]["logo"]["url"].startswith("http://testserver/static/")
    assert news["articleSection"] == article.section.name
    crumbs = [item["name"] for item in nodes["BreadcrumbList"]["itemListElement"]]
    assert crumbs[1:] == [article.section.name, article.headline]


def test_a_correction_moves_date_modified(client, article):
    before = graph(client.get(article.get_absolute_url()))["NewsArticle"]["dateModified"]
    Correction.objects.create(article=article, note="An earlier version misstated the date.")
    after = graph(client.get(article.get_absolute_url()))["NewsArticle"]["dateModified"]
    assert after > before
    assert meta(client.get(article.get_absolute_url()), "article:modified_time")


def test_article_social_cards(client, article):
    response = client.get(article.get_absolute_url())
    url = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in response.text
    assert meta(response, "og:url") == url
    assert meta(response, "og:type") == "article"
    assert meta(response, "og:image").startswith("http://testserver/media/")
    assert meta(response, "og:image:width") == "320"
    assert meta(response, "og:image:alt") == "A flooded road"
    assert meta(response, "article:section") == article.section.name
    assert meta(response, "article:tag") == "Climate"
    assert meta(response, "twitter:card") == "summary_large_image"
    assert 'type="application/rss+xml"' in response.text


def test_author_page_is_a_profile_page(client):
    author = AuthorFactory(name="Marta Kowalczyk", role="Head of North America desk", bio="Bio.")
    ArticleFactory(authors=[author])
    profile = graph(client.get(author.get_absolute_url()))["ProfilePage"]
    assert profile["mainEntity"]["@type"] == "Person"
    assert profile["mainEntity"]["name"] == "Marta Kowalczyk"
    assert profile["mainEntity"]["jobTitle"] == "Head of North America desk"


def test_video_page_is_a_video_object(client):
    video = VideoFactory(
        title="Inside the flood zone", duration_seconds=263, thumbnail=PhotoFactory()
    )
    node = graph(client.get(video.get_absolute_url()))["VideoObject"]
    assert node["name"] == "Inside the flood zone"
    assert node["duration"] == "PT4M23S"
    assert node["thumbnailUrl"][0].startswith("http://testserver/media/")
    assert node["uploadDate"]


def test_quote_permalink_is_a_quotation(client):
    quote = QuoteFactory(text="We will rebuild.", speaker="Iryna Kovalenko", context="mayor")
    node = graph(client.get(quote.get_absolute_url()))["Quotation"]
    assert node["text"] == "We will rebuild."
    assert node["spokenByCharacter"]["name"] == "Iryna Kovalenko"


def test_home_describes_the_site_and_its_search(client):
    node = graph(client.get(reverse("home")))["WebSite"]
    target = node["potentialAction"]["target"]["urlTemplate"]
    assert target == "http://testserver/search/?q={search_term_string}"


def test_a_headline_cannot_break_out_of_the_json_ld_script(client):
    article = ArticleFactory(headline="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert graph(client.get(article.get_absolute_url()))["NewsArticle"]["headline"] == (
        "</script><script>alert(1)</script>"
    )


@pytest.mark.parametrize(
    "url",
    [
        lambda: reverse("home"),
        lambda: reverse("feed:list"),
        lambda: ArticleFactory().section.get_absolute_url(),
        lambda: QuoteFactory().get_absolute_url(),
    ],
)
def test_every_page_has_a_title_description_canonical_and_card(client, url):
    address = url()
    response = client.get(address)
    assert re.search(r"<title>[^<]+</title>", response.text)
    assert meta(response, "description")
    assert f'<link rel="canonical" href="http://testserver{address}">' in response.text
    assert meta(response, "og:title") and meta(response, "og:image")
