from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from feed.models import Brief
from newsletters.models import Issue
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BriefFactory,
    IssueFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db


def parse(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url}: {feed.get('bozo_exception')}"
    return response, feed


@pytest.fixture
def newsroom():
    section = SectionFactory(name="World", slug="world")
    first, second = AuthorFactory(name="Ana Lopes"), AuthorFactory(name="Piotr Zielinski")
    now = timezone.now()
    lead = ArticleFactory(
        headline="Floods recede in the delta",
        section=section,
        authors=[first, second],
        hero_photo=PhotoFactory(alt_text="A flooded road", photographer="Kenji Mori", agency="AP"),
        body='<p>Water fell overnight. <a href="/articles/earlier/">Earlier</a></p>',
        published_at=now - timedelta(minutes=5),
    )
    lead.tags.add("Climate", "Water")
    older = ArticleFactory(section=section, authors=[second], published_at=now - timedelta(hours=3))
    ArticleFactory(section=section, draft=True, headline="Secret draft")
    ArticleFactory(section=section, scheduled=True, headline="Scheduled story")
    return {"section": section, "authors": (first, second), "lead": lead, "older": older}


@pytest.mark.parametrize("name", ["articles:feed-rss", "articles:feed-atom"])
def test_site_feed_lists_only_published_articles_newest_first(client, newsroom, name):
    _, feed = parse(client, reverse(name))

    titles = [entry.title for entry in feed.entries]
    assert titles == [newsroom["lead"].headline, newsroom["older"].headline]
    assert "Secret draft" not in titles and "Scheduled story" not in titles


@pytest.mark.parametrize("name", ["articles:feed-rss", "articles:feed-atom"])
def test_feed_items_carry_what_readers_need(client, newsroom, name):
    _, feed = parse(client, reverse(name))
    entry = feed.entries[0]
    lead = newsroom["lead"]

    assert entry.link == f"http://testserver{lead.get_absolute_url()}"
    assert entry.id == f"urn:newsroom:article:{lead.pk}"
    assert {"Ana Lopes", "Piotr Zielinski"} <= {author.get("name") for author in entry.authors}
    assert {"World", "Climate", "Water"} <= {tag.term for tag in entry.tags}
    assert entry.published_parsed
    assert lead.standfirst in entry.summary
    content = entry.content[0].value
    assert "Water fell overnight." in content
    assert 'href="http://testserver/articles/earlier/"' in content, "absolute URLs in content"
    media = entry.media_content[0]
    assert media["url"].startswith("http://testserver/media/")
    assert media["width"] == "320" and media["height"] == "180"


def test_rss_has_an_image_enclosure_with_length_and_type(client, newsroom):
    _, feed = parse(client, reverse("articles:feed-rss"))
    enclosure = feed.entries[0].enclosures[0]
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0


def test_guid_stays_the_same_when_the_article_is_edited(client, newsroom):
    _, before = parse(client, reverse("articles:feed-rss"))
    lead = newsroom["lead"]
    lead.headline = "Floods recede: an update"
    lead.slug = "floods-recede-update"
    lead.save()
    _, after = parse(client, reverse("articles:feed-rss"))
    assert before.entries[0].id == after.entries[0].id


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_section_and_author_feeds(client, newsroom, kind):
    other = ArticleFactory(headline="Elsewhere")
    _, feed = parse(client, reverse(f"articles:section-{kind}", kwargs={"slug": "world"}))
    assert "Elsewhere" not in [entry.title for entry in feed.entries]
    assert len(feed.entries) == 2

    first = newsroom["authors"][0]
    _, feed = parse(client, reverse(f"articles:author-{kind}", kwargs={"slug": first.slug}))
    assert [entry.title for entry in feed.entries] == [newsroom["lead"].headline]
    assert other.headline != feed.entries[0].title


def test_unknown_section_feed_is_a_404(client):
    response = client.get(reverse("articles:section-rss", kwargs={"slug": "nope"}))
    assert response.status_code == 404


def test_news_feed_feed_mixes_quotes_videos_and_articles(client, newsroom):
    now = timezone.now()
    QuoteFactory(text="We will rebuild every bridge.", speaker="Mayor Kovalenko", published_at=now)
    VideoFactory(title="Inside the flood zone", published_at=now - timedelta(minutes=1))
    QuoteFactory(draft=True, text="Not yet")
    for name in ("feed:rss", "feed:atom"):
        _, feed = parse(client, reverse(name))
        titles = [entry.title for entry in feed.entries]
        assert titles[:3] == [
            "Mayor Kovalenko: \u201cWe will rebuild every bridge.\u201d",
            "Video: Inside the flood zone",
            newsroom["lead"].headline,
        ]
        assert not any("Not yet" in title for title in titles)


def test_json_feed_is_valid_json_feed_1_1(client, newsroom):
    response = client.get(reverse("articles:feed-json"))
    assert response["Content-Type"].startswith("application/feed+json")
    document = response.json()
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == "http://testserver" + reverse("articles:feed-json")
    item = document["items"][0]
    assert item["id"] == f"urn:newsroom:article:{newsroom['lead'].pk}"
    assert [author["name"] for author in item["authors"]] == ["Ana Lopes", "Piotr Zielinski"]
    assert item["image"].startswith("http://testserver/media/")
    assert len(document["items"]) == 2


def test_feeds_answer_conditional_requests_with_304(client, newsroom):
    response = client.get(reverse("articles:feed-rss"))
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    again = client.get(reverse("articles:feed-rss"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    again = client.get(
        reverse("articles:feed-rss"), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert again.status_code == 304


def test_feed_query_count_does_not_grow_with_items(client, django_assert_num_queries):
    """Articles with section and photo, then bylines and tags: three queries, however many,
    and the sites framework's site for the feed's host, which a process loads once (each
    test starts without it)."""
    for count in (2, 12):
        ArticleFactory.create_batch(count)
        with django_assert_num_queries(4 if count == 2 else 3):
            feed = feedparser.parse(client.get(reverse("articles:feed-rss")).content)
        assert len(feed.entries) >= count


CONTROL = "Flood\x0b warning\x1b lifted"


@pytest.fixture
def tagged_story():
    article = ArticleFactory(
        headline="Flood warning lifted", slug="flood-warning", authors=[AuthorFactory()]
    )
    article.tags.add("climate")
    return article


def test_control_characters_are_dropped_when_saved(tagged_story):
    tagged_story.headline = CONTROL
    tagged_story.save()
    tagged_story.refresh_from_db()
    assert tagged_story.headline == "Flood warning lifted"


def test_feeds_and_the_news_sitemap_carry_text_xml_cannot(client, tagged_story):
    """A row written past save() (a bulk update, a raw import) still gives well-formed XML."""
    from defusedxml import ElementTree

    from tests import pages

    # The story is also a live blog, with an entry written the same way.
    entry = BriefFactory(live_blog=tagged_story)
    Brief.objects.filter(pk=entry.pk).update(headline=CONTROL, body=f"<p>{CONTROL}</p>")
    Article.objects.filter(pk=tagged_story.pk).update(
        headline=CONTROL, standfirst=CONTROL, live_starts_at=timezone.now()
    )
    Section = type(tagged_story.section)
    Section.objects.filter(pk=tagged_story.section_id).update(name="World\x0c")
    # And a newsletter's issue.
    issue = IssueFactory(sent=True)
    Issue.objects.filter(pk=issue.pk).update(subject=CONTROL, preheader=CONTROL)
    objects = {
        "newsletter": issue.newsletter,
        "section": tagged_story.section,
        "author": tagged_story.byline[0],
        "tag": tagged_story.tags.get(),
        "live_blog": tagged_story,
    }
    for page in [*pages.pages(pages.FEED), pages.PAGES["news-sitemap"]]:
        response = client.get(pages.url(page, objects))
        assert response.status_code == 200, page.name
        root = ElementTree.fromstring(response.content)
        assert "Flood warning lifted" in ElementTree.tostring(root, encoding="unicode"), page.name
