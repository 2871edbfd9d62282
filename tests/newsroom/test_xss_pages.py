"""
The XSS vector list through every place text reaches a reader: pages, JSON-LD, feeds.

Each vector is put in every text field an editor, an importer or a reader controls
(headline, standfirst, body, SEO fields, photo caption and credit, quote, author, section,
tag, correction, video, newsletter and issue, the search box) and in every address field, then every reader
page and feed showing them is read as a browser or a feed reader would: nothing in the
rendered output may run (no inline or foreign script, no event handler, no script URL,
no style, no frame), and the JSON-LD must still be the JSON it was.
"""

import json

import pytest
from defusedxml import ElementTree
from taggit.models import Tag

from feed.models import Quote
from tests import pages
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BriefFactory,
    CorrectionFactory,
    IssueFactory,
    NewsletterFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    VideoFactory,
)
from tests.xss import TEXT_VECTORS, URL_VECTORS, executable_markup

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"


def shown_as_html(root):
    """The feed's elements readers display as HTML: an RSS item's <description> and
    <content:encoded>, an Atom entry's summary or content of type html. (Channel
    descriptions, titles and Media RSS <media:description> are plain text.)"""
    for item in root.iter("item"):
        yield from (item.find("description"), item.find(CONTENT_ENCODED))
    for entry in root.iter(f"{ATOM}entry"):
        yield from (child for child in entry if child.get("type") == "html")


@pytest.fixture(params=range(len(TEXT_VECTORS)), ids=lambda index: f"vector{index}")
def vector(request):
    return TEXT_VECTORS[request.param]


@pytest.fixture
def hostile_newsroom(vector):
    """One published item of each kind with `vector` in every text field."""
    url = URL_VECTORS[len(vector) % len(URL_VECTORS)]
    section = SectionFactory(name=vector[:100], slug="xss-section", description=vector)
    author = AuthorFactory(
        name=vector,
        slug="xss-author",
        role=vector[:100],
        bio=vector,
        website=url,
        x_handle=vector[:50],
        bluesky_handle=vector[:100],
    )
    photo = PhotoFactory(
        alt_text=vector, caption=vector, photographer=vector, agency=vector, source_url=url
    )
    article = ArticleFactory(
        slug="xss-article",
        headline=vector,
        standfirst=vector,
        body=f"<p>Report.</p>{vector}",
        seo_title=vector[:70],
        seo_description=vector[:160],
        section=section,
        hero_photo=photo,
        authors=[author],
    )
    tag = Tag.objects.create(name=vector[:100], slug="xss-tag")
    article.tags.add(tag)
    CorrectionFactory(article=article, note=vector)
    QuoteFactory(slug="xss-quote", text=vector, speaker=vector, context=vector, source_url=url)
    QuoteFactory(text=f"Report {vector}", source_article=article).tags.add(tag)
    video = VideoFactory(
        slug="xss-video", title=vector, teaser=vector, thumbnail=photo, video_url=url
    )
    video.tags.add(tag)
    brief = BriefFactory(
        slug="xss-brief", headline=vector, body=f"<p>Brief.</p>{vector}", link=url, photo=photo
    )
    brief.authors.set([author])
    brief.tags.add(tag)
    live_blog = ArticleFactory(
        slug="xss-live-blog",
        headline=vector,
        standfirst=vector,
        section=section,
        authors=[author],
        live_starts_at=article.published_at,
    )
    for pinned in (True, False):
        BriefFactory(
            headline=vector,
            body=f"<p>Entry.</p>{vector}",
            link=url,
            photo=photo,
            live_blog=live_blog,
            is_pinned=pinned,
            is_key_event=True,
        ).tags.add(tag)
    newsletter = NewsletterFactory(
        name=vector[:100], slug="xss-newsletter", description=vector, cadence=vector[:100]
    )
    issue = IssueFactory(
        newsletter=newsletter,
        slug="xss-issue",
        subject=vector[:200],
        preheader=vector[:200],
        body=f"<p>Issue.</p>{vector}",
        sent=True,
    )
    return {
        "article": article,
        "section": section,
        "author": author,
        "tag": tag,
        "quote": Quote.objects.get(slug="xss-quote"),
        "video": video,
        "brief": brief,
        "live_blog": live_blog,
        "newsletter": newsletter,
        "newsletter_issue": issue,
        "search": "Report",
    }


def test_nothing_runs_on_any_page(client, hostile_newsroom, vector):
    for path in [pages.url(page, hostile_newsroom) for page in pages.pages(pages.HTML)]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert executable_markup(response.text) == [], path


def test_the_search_box_echoes_the_query_as_text(client, vector):
    response = client.get(pages.url("search-form"), {"q": vector})
    assert response.status_code == 200
    assert executable_markup(response.text) == []


def test_json_ld_keeps_the_headline_inside_its_script(client, hostile_newsroom, vector):
    from tests.xss import ExecutableMarkup

    parser = ExecutableMarkup()
    parser.feed(client.get(hostile_newsroom["article"].get_absolute_url()).text)
    assert parser.problems == []
    # The headline went in whole and came out whole: the element was not ended early.
    blocks = json.dumps(parser.json_ld_blocks, ensure_ascii=False)
    assert json.dumps(vector, ensure_ascii=False)[1:-1] in blocks


def test_feeds_are_well_formed_and_their_html_is_safe(client, hostile_newsroom, vector):
    for path in [pages.url(page, hostile_newsroom) for page in pages.pages(pages.FEED)]:
        response = client.get(path)
        assert response.status_code == 200, path
        root = ElementTree.fromstring(response.content)
        for element in shown_as_html(root):
            if element is not None and element.text:
                assert executable_markup(element.text) == [], (path, element.tag, element.text)


def test_the_json_feed_is_json_and_its_html_is_safe(client, hostile_newsroom, vector):
    feed = json.loads(client.get(pages.url("json-feed")).content)
    # The article and the live blog.
    assert [item["title"] for item in feed["items"]] == [vector, vector]
    for item in feed["items"]:
        assert executable_markup(item["content_html"]) == []
