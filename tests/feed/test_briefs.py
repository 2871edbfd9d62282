"""Briefs: their page, their place in the News Feed, feeds, search and sitemaps, their
stored body, and writing and publishing one in the admin."""

import json
import re
from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.urls import reverse
from django.utils import timezone

from articles.concurrent_edits import version_of
from articles.models import Status
from feed.models import Brief
from newsroom.search import search
from tests.factories import ArticleFactory, AuthorFactory, BriefFactory, PhotoFactory, QuoteFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:feed_brief_add")


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def brief_form_data(**overrides):
    """POST data for the brief's one writing screen."""
    return {
        "headline": "Council approves tram budget",
        "body": "<p>The city council approved the tram budget on Tuesday, the mayor said.</p>",
        "link": "",
        "slug": "council-approves-tram-budget",
        "tags": "",
        "photo": "",
        "authors": [],
    } | overrides


def test_brief_page_shows_the_brief_with_its_byline_photo_and_link(client):
    author = AuthorFactory(name="Ana Ruiz")
    brief = BriefFactory(
        headline="Council approves tram budget",
        body="<p>The city council approved the <strong>tram</strong> budget.</p>",
        link="https://example.org/minutes",
        photo=PhotoFactory(alt_text="The council chamber"),
    )
    brief.authors.set([author])
    brief.tags.add("Transport")

    response = client.get(brief.get_absolute_url())

    assert response.status_code == 200
    html = response.text
    assert brief.get_absolute_url() == f"/briefs/{brief.slug}/"
    assert "<h1>Council approves tram budget</h1>" in html
    assert "The city council approved the <strong>tram</strong> budget." in html
    assert f'href="{author.get_absolute_url()}">Ana Ruiz</a>' in html
    assert 'alt="The council chamber"' in html
    assert '<a href="https://example.org/minutes" rel="noopener">Read more</a>' in html
    assert 'href="/tags/transport/"' in html
    assert (
        '<meta property="og:description" content="The city council approved the tram budget.">'
        in html
    )


def test_draft_and_scheduled_briefs_are_not_found_by_readers(client):
    for brief in (BriefFactory(draft=True), BriefFactory(scheduled=True)):
        assert client.get(brief.get_absolute_url()).status_code == 404


def test_brief_json_ld_is_a_news_article(client):
    author = AuthorFactory(name="Ana Ruiz")
    brief = BriefFactory(headline="Tram budget passes", link="https://example.org/minutes")
    brief.authors.set([author])

    (document,) = json_ld(client.get(brief.get_absolute_url()).text)
    (data,) = document["@graph"]

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Tram budget passes"
    assert data["description"] == "The council approved the budget, the mayor said."
    assert data["author"][0]["name"] == "Ana Ruiz"
    assert data["isBasedOn"] == "https://example.org/minutes"
    assert data["datePublished"] == brief.published_at.isoformat()


def test_briefs_mix_into_the_news_feed_by_time_and_have_their_filter(client):
    now = timezone.now()
    ArticleFactory(headline="Older article", published_at=now - timedelta(minutes=30))
    BriefFactory(headline="Middle brief", published_at=now - timedelta(minutes=20))
    QuoteFactory(text="Newest quote", published_at=now - timedelta(minutes=10))
    BriefFactory(headline="Hidden draft brief", draft=True)

    html = client.get(reverse("feed:list")).text
    assert html.index("Newest quote") < html.index("Middle brief") < html.index("Older article")
    assert "feed-item--brief" in html
    assert "Hidden draft brief" not in html

    only_briefs = client.get(reverse("feed:list"), {"kind": "brief"}).text
    assert "Middle brief" in only_briefs
    assert "Older article" not in only_briefs and "Newest quote" not in only_briefs


def test_briefs_are_in_the_news_feeds_rss_and_atom(client):
    brief = BriefFactory(headline="Tram budget passes", photo=PhotoFactory())
    BriefFactory(headline="Draft brief", draft=True)

    rss = ElementTree.fromstring(client.get(reverse("feed:rss")).content)
    (item,) = rss.iter("item")
    assert item.findtext("title") == "Tram budget passes"
    assert item.findtext("link") == f"http://testserver{brief.get_absolute_url()}"
    assert item.findtext("guid") == f"urn:newsroom:brief:{brief.pk}"
    assert item.findtext("description") == "The council approved the budget, the mayor said."
    content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert content == "<p>The council approved the budget, the mayor said.</p>"
    assert item.find("{http://search.yahoo.com/mrss/}content") is not None

    atom = client.get(reverse("feed:atom")).text
    assert "<title>Tram budget passes</title>" in atom
    assert "Draft brief" not in atom


def test_briefs_are_searched_by_headline_and_text_without_their_markup():
    brief = BriefFactory(
        headline="Tram budget passes",
        body='<p>The <a href="https://zebra.example.com/">council</a> voted on Tuesday.</p>',
    )
    BriefFactory(headline="Tram depot draft", draft=True)

    assert [item.object for item in search("tram").items] == [brief]
    assert [item.object for item in search("tuesday").items] == [brief]
    assert search("zebra").items == []


def test_search_page_shows_a_brief(client):
    BriefFactory(headline="Tram budget passes")
    html = client.get(reverse("feed:search"), {"q": "tram"}).text
    assert "feed-item--brief" in html and "Tram budget passes" in html


def test_briefs_have_their_sitemap(client):
    brief = BriefFactory()
    draft = BriefFactory(draft=True)
    index = client.get(reverse("sitemap-index")).text
    assert "sitemap-briefs.xml" in index
    xml = client.get("/sitemap-briefs.xml").text
    assert f"http://testserver{brief.get_absolute_url()}" in xml
    assert draft.get_absolute_url() not in xml


def test_a_shell_save_sanitises_the_body_and_types_plain_spaces():
    brief = Brief(
        headline="Council vote",
        slug="council-vote",
        body='<p>The council&nbsp;voted.<script>alert("x")</script></p><p onclick="steal()">Yes.</p>',
    )
    brief.save()
    brief.refresh_from_db()
    assert "<script" not in brief.body and "alert" not in brief.body
    assert "onclick" not in brief.body
    assert "&nbsp;" not in brief.body and "\xa0" not in brief.body
    assert "The council voted." in brief.body


def test_an_editor_writes_and_publishes_a_brief_on_one_screen(editor_client):
    page = editor_client.get(ADD_URL)
    assert page.status_code == 200
    assert "Publish now" in page.text

    author = AuthorFactory()
    response = editor_client.post(
        ADD_URL,
        brief_form_data(
            authors=[author.pk],
            tags="transport",
            link="https://example.org/minutes",
            body="<p>The council approved it.</p><script>alert(1)</script>",
            _workflow=Status.PUBLISHED,
        ),
    )

    assert response.status_code == 302
    brief = Brief.objects.get()
    assert brief.is_live
    assert list(brief.authors.all()) == [author]
    assert [tag.name for tag in brief.tags.all()] == ["transport"]
    assert brief.body == "<p>The council approved it.</p>"


def test_a_link_must_be_a_web_address(editor_client):
    response = editor_client.post(ADD_URL, brief_form_data(link="javascript:alert(1)"))
    assert response.status_code == 200
    assert not Brief.objects.exists()


def test_publishing_needs_text(editor_client):
    brief = BriefFactory(draft=True)
    response = editor_client.post(
        reverse("admin:feed_brief_change", args=[brief.pk]),
        brief_form_data(
            slug=brief.slug,
            body="<p> </p>",
            _workflow=Status.PUBLISHED,
            opened_version=version_of(brief),
        ),
    )
    assert response.status_code == 200
    assert "It needs some text." in response.text
    brief.refresh_from_db()
    assert brief.status == Status.DRAFT


def test_contributor_cannot_publish_a_brief(contributor_client, contributor):
    response = contributor_client.post(ADD_URL, brief_form_data(_workflow=Status.PUBLISHED))
    assert response.status_code == 200
    assert "Only editors can publish" in response.text
    assert not Brief.objects.exists()

    response = contributor_client.post(ADD_URL, brief_form_data())
    assert response.status_code == 302
    brief = Brief.objects.get()
    assert brief.status == Status.DRAFT and brief.created_by == contributor

    response = contributor_client.post(
        reverse("admin:feed_brief_change", args=[brief.pk]),
        brief_form_data(
            slug=brief.slug, _workflow=Status.PUBLISHED, opened_version=version_of(brief)
        ),
    )
    assert response.status_code == 200
    assert "Only editors can publish" in response.text
    brief.refresh_from_db()
    assert brief.status == Status.DRAFT
    assert not Brief.objects.published().exists()


def test_contributor_cannot_edit_someone_elses_brief(contributor_client):
    brief = BriefFactory(draft=True)
    response = contributor_client.post(
        reverse("admin:feed_brief_change", args=[brief.pk]),
        brief_form_data(slug=brief.slug, headline="Changed", opened_version=version_of(brief)),
    )
    assert response.status_code == 403
    brief.refresh_from_db()
    assert brief.headline != "Changed"


def test_publishing_needs_the_photos_alt_text(editor_client):
    brief = BriefFactory(draft=True, photo=PhotoFactory(alt_text=""))
    response = editor_client.post(
        reverse("admin:feed_brief_change", args=[brief.pk]),
        brief_form_data(
            slug=brief.slug,
            photo=brief.photo_id,
            _workflow=Status.PUBLISHED,
            opened_version=version_of(brief),
        ),
    )
    assert response.status_code == 200
    assert "The photo needs alt text." in response.text
    brief.refresh_from_db()
    assert brief.status == Status.DRAFT
