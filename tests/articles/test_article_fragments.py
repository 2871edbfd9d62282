"""
With the page cache off (or missed), an article page reuses its own cached parts — the
article, its head and its structured data — until something they show changes.
"""

import json

import pytest
from django.urls import reverse

from articles.models import Correction
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.newsroom_data import rendered_templates

# Versions move when a change commits, so these tests commit for real.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("parts_cached_only"),
]

BYLINE = "includes/_byline.html"


@pytest.fixture
def story():
    article = ArticleFactory(
        headline="Harbour wall gives way",
        section=SectionFactory(name="Coast"),
        authors=[AuthorFactory(name="Ines Duarte")],
    )
    article.tags.add("Storms")
    return article


def structured_data(response):
    start = response.text.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    return json.loads(response.text[start : response.text.index("</script>", start)])


def test_a_new_story_elsewhere_leaves_the_article_itself_cached(client, story):
    url = story.get_absolute_url()
    assert BYLINE in rendered_templates(client.get(url))

    ArticleFactory(headline="Ferry service suspended")
    page = client.get(url)
    # The News Feed strip beside the article shows the new story; the article is reused.
    assert "Ferry service suspended" in page.text
    assert BYLINE not in rendered_templates(page)
    assert "Harbour wall gives way" in page.text


def test_every_change_to_what_the_article_shows_appears_at_once(client, story):
    url = story.get_absolute_url()
    client.get(url)

    story.headline = "Harbour wall gives way in storm"
    story.save()
    assert "Harbour wall gives way in storm" in client.get(url).text

    author = story.byline[0]
    author.name = "Inês Duarte"
    author.save()
    assert "Inês Duarte" in client.get(url).text

    story.tags.add("Ports")
    assert ">Ports</a>" in client.get(url).text

    Correction.objects.create(article=story, note="An earlier version misnamed the harbour.")
    page = client.get(url)
    assert "misnamed the harbour" in page.text
    assert structured_data(page)["@graph"][0]["dateModified"] != story.published_at.isoformat()

    section = story.section
    section.name = "Coast and Sea"
    section.save()
    page = client.get(url)
    assert "Coast and Sea" in page.text
    assert structured_data(page)["@graph"][0]["articleSection"] == "Coast and Sea"


def test_absolute_links_follow_the_host_asked_for(client, story, settings):
    settings.ALLOWED_HOSTS = ["news.example.com", "other.example.com"]
    url = story.get_absolute_url()
    client.get(url, HTTP_HOST="news.example.com")
    page = client.get(url, HTTP_HOST="other.example.com")
    assert structured_data(page)["@graph"][0]["url"].startswith("http://other.example.com/")
    assert 'content="http://other.example.com/authors/' in page.text


def test_staff_see_the_article_drawn_afresh(client, story, admin_user):
    client.get(story.get_absolute_url())
    client.force_login(admin_user)
    assert BYLINE in rendered_templates(client.get(story.get_absolute_url()))
    assert BYLINE in rendered_templates(
        client.get(reverse("articles:preview", kwargs={"pk": story.pk}))
    )


def test_related_articles_follow_new_stories_and_the_editors_picks(client, story):
    url = story.get_absolute_url()
    client.get(url)
    sibling = ArticleFactory(headline="Sea defences to be rebuilt")
    sibling.tags.add("Storms")
    assert "Sea defences to be rebuilt" in related(client.get(url).text)

    pick = ArticleFactory(headline="How the harbour was built")
    story.related_articles.add(pick)
    page = related(client.get(url).text)
    assert "How the harbour was built" in page
    assert "Sea defences to be rebuilt" not in page


def related(html):
    return html.split('id="related-heading"')[1].split("</aside>")[0]
