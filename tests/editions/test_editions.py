"""The two editions: each page in its language at its own address, each list with its
edition's items, each story naming its versions in the other edition."""

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import defusedxml.ElementTree as ElementTree
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from newsletters.drafting import draft_issue
from newsroom.pagecache.purge import urls_showing
from support.models import Prompt
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BriefFactory,
    NewsletterFactory,
    QuoteFactory,
    SectionFactory,
)
from tests.support.factories import PromptFactory

pytestmark = pytest.mark.django_db

SITEMAP = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCH = re.compile(r'<ul class="edition-switch">(.*?)</ul>', re.S)


def alternates(response):
    return dict(ALTERNATE.findall(response.content.decode()))


def switch_links(response):
    return re.findall(
        r'<a href="([^"]+)" lang="([^"]+)"', SWITCH.search(response.content.decode())[1]
    )


@pytest.fixture
def pair():
    """A story in English and its Ukrainian version, linked."""
    english = ArticleFactory(headline="Rada passes the budget", slug="rada-passes-budget")
    ukrainian = ArticleFactory(
        headline="Рада ухвалила бюджет", slug="rada-ukhvalyla-biudzhet", language="uk"
    )
    english.link_translation(ukrainian)
    return english, ukrainian


def test_each_edition_speaks_its_language_at_its_own_address(client):
    english, ukrainian = client.get("/"), client.get("/uk/")
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="uk">' in ukrainian.content.decode()
    assert english["Content-Language"] == "en"
    assert ukrainian["Content-Language"] == "uk"
    # The address alone decides: a browser asking for Ukrainian still gets English at /.
    assert '<html lang="en">' in client.get("/", HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    assert "Accept-Language" not in english.get("Vary", "")


def test_a_list_shows_only_its_editions_items(client):
    section = SectionFactory()
    ArticleFactory(headline="Storm closes the port", section=section)
    ArticleFactory(headline="Шторм закрив порт", section=section, language="uk")
    BriefFactory(headline="Ferries cancelled")
    BriefFactory(headline="Пороми скасовано", language="uk")
    QuoteFactory(text="We will rebuild.")
    QuoteFactory(text="Ми відбудуємо.", language="uk")
    for path in ("/", "/feed/", section.get_absolute_url(), "/rss/", "/feed/rss/"):
        page = client.get(path).content.decode()
        assert "Storm closes the port" in page, path
        assert "Шторм закрив порт" not in page, path
        ukrainian = client.get(f"/uk{path}").content.decode()
        assert "Шторм закрив порт" in ukrainian, path
        assert "Storm closes the port" not in ukrainian, path
    feed = client.get("/uk/feed/").content.decode()
    assert "Пороми скасовано" in feed and "Ми відбудуємо." in feed
    assert "Ferries cancelled" not in feed and "We will rebuild." not in feed


def test_feeds_name_their_editions_language(client):
    ArticleFactory(headline="Шторм закрив порт", language="uk")
    rss = ElementTree.fromstring(client.get("/uk/rss/").content)
    assert rss.findtext("channel/language") == "uk"
    assert [item.findtext("link") for item in rss.iter("item")][0].startswith(
        "http://testserver/uk/articles/"
    )
    assert ElementTree.fromstring(client.get("/rss/").content).findtext("channel/language") == "en"


def test_a_translated_storys_pages_name_each_other(client, pair):
    english, ukrainian = pair
    expected = {
        "en": f"http://testserver{english.get_absolute_url()}",
        "uk": f"http://testserver/uk/articles/{ukrainian.slug}/",
        "x-default": f"http://testserver{english.get_absolute_url()}",
    }
    assert ukrainian.get_absolute_url() == f"/uk/articles/{ukrainian.slug}/"
    # Reciprocal: each version names itself and the other.
    assert alternates(client.get(english.get_absolute_url())) == expected
    assert alternates(client.get(ukrainian.get_absolute_url())) == expected


def test_a_list_names_itself_in_every_edition(client):
    section = SectionFactory(slug="world")
    assert alternates(client.get("/uk/sections/world/")) == {
        "en": "http://testserver/sections/world/",
        "uk": "http://testserver/uk/sections/world/",
        "x-default": "http://testserver/sections/world/",
    }
    assert alternates(client.get(section.get_absolute_url())) == alternates(
        client.get("/uk/sections/world/")
    )


def test_switching_from_a_translated_story_lands_on_its_translation(client, pair):
    english, ukrainian = pair
    assert switch_links(client.get(english.get_absolute_url())) == [
        (ukrainian.get_absolute_url(), "uk")
    ]
    assert switch_links(client.get(ukrainian.get_absolute_url())) == [
        (english.get_absolute_url(), "en")
    ]


def test_switching_from_an_untranslated_story_lands_on_the_other_editions_home(client):
    lonely = ArticleFactory()
    response = client.get(lonely.get_absolute_url())
    assert switch_links(response) == [("/uk/", "uk")]
    # Named only by itself (and as the default), not by a page that does not exist.
    assert set(alternates(response)) == {"en", "x-default"}


def test_a_draft_translation_is_not_named(client, pair):
    english, ukrainian = pair
    ukrainian.status = "draft"
    ukrainian.save()
    response = client.get(english.get_absolute_url())
    assert "uk" not in alternates(response)
    assert switch_links(response) == [("/uk/", "uk")]


def test_a_story_asked_for_in_the_other_edition_sends_the_reader_to_its_own(client, pair):
    english, ukrainian = pair
    response = client.get(f"/uk/articles/{english.slug}/")
    assert response.status_code == 301
    assert response["Location"] == english.get_absolute_url()
    response = client.get(f"/articles/{ukrainian.slug}/")
    assert response.status_code == 301
    assert response["Location"] == ukrainian.get_absolute_url()


def test_structured_data_names_the_language_and_the_original(client, pair):
    english, ukrainian = pair

    def news_article(item):
        html = client.get(item.get_absolute_url()).content.decode()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        graph = [node for block in blocks for node in json.loads(block).get("@graph", [])]
        graph += [json.loads(block) for block in blocks if "@graph" not in json.loads(block)]
        return next(node for node in graph if node.get("@type") == "NewsArticle")

    original = news_article(english)
    translation = news_article(ukrainian)
    assert original["inLanguage"] == "en"
    assert translation["inLanguage"] == "uk"
    assert original["workTranslation"] == [
        {"@id": f"http://testserver{ukrainian.get_absolute_url()}", "inLanguage": "uk"}
    ]
    assert translation["translationOfWork"] == {
        "@id": f"http://testserver{english.get_absolute_url()}",
        "inLanguage": "en",
    }


def test_the_sitemap_lists_both_versions_each_naming_the_other(client, pair):
    english, ukrainian = pair
    root = ElementTree.fromstring(client.get("/sitemap-articles.xml").content)
    entries = {
        url.findtext("s:loc", namespaces=SITEMAP): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP)
        }
        for url in root.findall("s:url", SITEMAP)
    }
    english_url = f"http://testserver{english.get_absolute_url()}"
    ukrainian_url = f"http://testserver{ukrainian.get_absolute_url()}"
    versions = {"en": english_url, "uk": ukrainian_url, "x-default": english_url}
    assert entries[english_url] == versions
    assert entries[ukrainian_url] == versions


def test_sections_are_in_the_sitemap_once_per_edition(client):
    SectionFactory(slug="world")
    root = ElementTree.fromstring(client.get("/sitemap-sections.xml").content)
    locations = [
        url.findtext("s:loc", namespaces=SITEMAP) for url in root.findall("s:url", SITEMAP)
    ]
    assert "http://testserver/sections/world/" in locations
    assert "http://testserver/uk/sections/world/" in locations


def test_each_edition_has_its_own_news_sitemap(client, pair):
    english, ukrainian = pair
    for path, item, language in (
        ("/news-sitemap.xml", english, "en"),
        ("/uk/news-sitemap.xml", ukrainian, "uk"),
    ):
        root = ElementTree.fromstring(client.get(path).content)
        assert [
            url.findtext("s:loc", namespaces=SITEMAP) for url in root.findall("s:url", SITEMAP)
        ] == [f"http://testserver{item.get_absolute_url()}"]
        assert root.findtext(".//news:language", namespaces=SITEMAP) == language
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/uk/news-sitemap.xml" in robots
    assert "Disallow: /uk/search/" in robots


def test_a_story_has_one_version_per_language(pair):
    english, ukrainian = pair
    another = ArticleFactory(language="uk")
    with pytest.raises(ValidationError):
        english.link_translation(another)
    # Whatever writes the rows, the database holds to it.
    another.translation_group = english.translation_group
    with pytest.raises(IntegrityError), transaction.atomic():
        another.save()
    with pytest.raises(ValidationError):
        english.link_translation(BriefFactory(language="uk"))


def test_unlinking_leaves_no_group_of_one(pair):
    english, ukrainian = pair
    ukrainian.unlink_translation()
    english.refresh_from_db()
    assert english.translation_group is None
    assert list(english.translations) == []


def test_a_cdn_is_told_the_addresses_of_the_items_own_edition():
    brief = BriefFactory(headline="Пороми скасовано", language="uk")
    urls = urls_showing(brief)
    assert brief.get_absolute_url() in urls
    assert {"/uk/", "/uk/feed/", "/uk/feed/rss/"} <= set(urls)
    assert "/" not in urls and "/feed/" not in urls


def test_the_newsletter_draft_carries_the_default_editions_stories():
    ArticleFactory(headline="Storm closes the port")
    ArticleFactory(headline="Шторм закрив порт", language="uk")
    issue = draft_issue(NewsletterFactory())
    assert "Storm closes the port" in issue.body
    assert "Шторм закрив порт" not in issue.body


def test_the_json_feed_names_its_editions_language(client):
    assert client.get("/uk/feed.json").json()["language"] == "uk"
    assert client.get("/feed.json").json()["language"] == "en"


def test_switching_from_a_search_keeps_the_words(client):
    response = client.get("/search/?q=budget")
    assert switch_links(response) == [("/uk/search/?q=budget", "uk")]
    # The address the page names as its version has no query: the canonical one.
    assert alternates(response)["uk"] == "http://testserver/uk/search/"


def test_a_ukrainian_page_leaves_the_thread_in_the_language_it_was_in(client):
    client.get("/uk/")
    assert translation.get_language() == "en"
    with translation.override("uk"):
        client.get("/")
        assert translation.get_language() == "uk"


def test_each_edition_asks_for_support_in_its_own_language(client):
    top = Prompt.Placement.TOP
    PromptFactory(placement=top, heading="Join our members", goal=1000, current_figure=640)
    PromptFactory(
        placement=top,
        heading="Станьте членом клубу",
        goal=1000,
        current_figure=640,
        goal_label="нових членів",
        language="uk",
    )
    english = client.get("/").content.decode()
    ukrainian = client.get("/uk/").content.decode()
    assert "Join our members" in english and "Станьте членом клубу" not in english
    assert "Станьте членом клубу" in ukrainian and "Join our members" not in ukrainian
    # Figures grouped as each language writes them.
    assert "640 of 1,000" in english
    assert "640 з 1\xa0000 нових членів" in ukrainian


def test_the_ukrainian_feed_quotes_and_dates_as_ukrainian_is_written(client):
    moment = datetime(2026, 12, 1, 14, 5, tzinfo=ZoneInfo("Europe/Kyiv"))
    QuoteFactory(text="Ми відбудуємо", language="uk", published_at=moment)
    with time_machine.travel(moment + timedelta(days=2), tick=False):
        ukrainian = client.get("/uk/feed/").content.decode()
    assert "<p>«Ми відбудуємо»</p>" in ukrainian
    assert ">Вівторок, 1 грудня 2026</time>" in ukrainian


def test_a_ukrainian_feed_names_authors_and_sections_in_ukrainian(client):
    author = AuthorFactory(name="Martha Koval", translations={"uk": {"name": "Марта Коваль"}})
    section = SectionFactory(name="World", translations={"uk": {"name": "Світ"}})
    ArticleFactory(headline="Шторм закрив порт", language="uk", authors=[author], section=section)
    rss = client.get("/uk/rss/").content.decode()
    assert "Марта Коваль" in rss and "<category>Світ</category>" in rss
    assert "Martha Koval" not in rss
    item = client.get("/uk/feed.json").json()["items"][0]
    assert item["authors"][0]["name"] == "Марта Коваль"
    assert item["tags"][0] == "Світ"
