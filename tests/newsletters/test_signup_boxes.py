"""
The sign-up box in every page's footer and after every article: the default list, named
with its cadence, joined with one button; cached like the rest of the page.
"""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory

from .signup_data import daily, weekly

pytestmark = pytest.mark.django_db


def footer(html):
    return html.split('<footer class="site-footer">', 1)[1]


def after_article(html):
    return html.split('<div class="article-body">', 1)[1].split('<footer class="site-footer">')[0]


def test_the_footer_and_every_article_offer_the_default_list(client):
    briefing = daily()
    weekly()
    article = ArticleFactory()

    page = client.get(article.get_absolute_url()).text

    for box in (footer(page), after_article(page)):
        assert "Daily Briefing" in box
        assert "Every weekday morning" in box
        assert "Weekend Reads" not in box
        assert f'action="{reverse("newsletters:subscribe")}" method="post"' in box
        assert f'<input type="hidden" name="newsletters" value="{briefing.pk}">' in box
        # The same for every reader, so the page stays cacheable.
        assert "csrfmiddlewaretoken" not in box
    assert "Get the Daily Briefing — Every weekday morning" in footer(page)
    assert '<h2 id="newsletter-article-heading">Get the Daily Briefing</h2>' in page
    # Two boxes on one page, each field labelled by its own id.
    assert page.count('id="newsletter-footer-email"') == 1
    assert page.count('id="newsletter-article-email"') == 1


def test_the_box_signs_up_for_the_default_list(client):
    briefing = daily()
    article = ArticleFactory()
    client.get(article.get_absolute_url())

    response = client.post(
        reverse("newsletters:subscribe"),
        {"email": "reader@example.com", "newsletters": briefing.pk},
        headers={"Origin": "http://testserver"},
    )

    assert "Check your inbox" in response.text
    assert list(briefing.subscribers.values_list("email", flat=True)) == ["reader@example.com"]


@pytest.mark.parametrize("lists", ["none", "no default", "default not public"])
def test_no_box_without_a_public_default_list(client, lists):
    if lists == "no default":
        weekly()
    elif lists == "default not public":
        daily(is_public=False)
    page = client.get(ArticleFactory().get_absolute_url()).text
    assert "newsletter-box" not in page


@pytest.fixture
def page_cache(settings, transactional_db):
    """Pages and their parts cached; changes reach the cache as they commit."""
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.CACHE_PURGE_HOOK = ""


def test_cached_pages_follow_the_default_list(client, page_cache):
    article = ArticleFactory()
    assert "newsletter-box" not in client.get(reverse("home")).text

    briefing = daily()
    assert "Get the Daily Briefing" in footer(client.get(reverse("home")).text)
    assert "Get the Daily Briefing" in after_article(client.get(article.get_absolute_url()).text)

    briefing.name = "Morning Briefing"
    briefing.save()
    assert "Get the Morning Briefing" in footer(client.get(reverse("home")).text)

    briefing.is_public = False
    briefing.save()
    assert "newsletter-box" not in client.get(article.get_absolute_url()).text


def test_the_cached_newsletters_page_follows_the_lists(client, page_cache):
    index = reverse("newsletters:index")
    assert "There are no newsletters to join" in client.get(index).text
    briefing = daily()
    assert "Daily Briefing" in client.get(index).text
    weekly()
    assert "Weekend Reads" in client.get(index).text
    briefing.delete()
    assert "Daily Briefing" not in client.get(index).text


def test_a_cached_box_costs_no_query(client, parts_cached_only, django_assert_max_num_queries):
    daily()
    article = ArticleFactory()
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(50) as queries:
        page = client.get(article.get_absolute_url())
    assert "Get the Daily Briefing" in footer(page.text)
    assert not [q for q in queries.captured_queries if "newsletters_newsletter" in q["sql"]]
