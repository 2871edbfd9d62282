"""Prompts on the pages readers see: in their places, the same for every reader, cached
with the pages and refreshed exactly when an editor changes them or their time comes."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from support.models import Prompt
from tests.factories import ArticleFactory

from .factories import PromptFactory

TOP, AFTER_ARTICLE, NEWS_FEED = Prompt.Placement.values


PROMPT = re.compile(
    r'<section class="support support--(?P<placement>\w+)".*?'
    r'class="support-heading" id="[\w-]+">(?P<heading>[^<]*)<.*?</section>',
    re.DOTALL,
)


def prompts_on(response):
    """{placement: heading} of the prompts on the page."""
    return {found["placement"]: found["heading"] for found in PROMPT.finditer(response.text)}


def prompt_html(html, placement):
    return next(found[0] for found in PROMPT.finditer(html) if found["placement"] == placement)


def max_age(response):
    return int(response["Cache-Control"].split("max-age=")[1].split(",")[0])


def prompt_queries(client, url):
    """The queries a request for `url` makes of the prompts' table."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries if "support_prompt" in q["sql"]]


@pytest.fixture
def campaign(db):
    return {
        TOP: PromptFactory(placement=TOP, heading="Free to read, paid for by readers"),
        AFTER_ARTICLE: PromptFactory(
            placement=AFTER_ARTICLE,
            heading="Keep independent journalism free",
            goal=1000,
            current_figure=640,
            goal_label="members",
        ),
        NEWS_FEED: PromptFactory(placement=NEWS_FEED, heading="Like the News Feed?"),
    }


@pytest.mark.django_db
def test_each_page_shows_the_prompts_of_its_places(client, campaign):
    article = ArticleFactory()
    assert prompts_on(client.get(article.get_absolute_url())) == {
        TOP: "Free to read, paid for by readers",
        AFTER_ARTICLE: "Keep independent journalism free",
    }
    assert prompts_on(client.get(reverse("feed:list"))) == {
        TOP: "Free to read, paid for by readers",
        NEWS_FEED: "Like the News Feed?",
    }
    assert prompts_on(client.get(reverse("home"))) == {TOP: "Free to read, paid for by readers"}


@pytest.mark.django_db
def test_the_box_after_the_article_carries_its_button_progress_and_hidden_dismiss(client, campaign):
    html = client.get(ArticleFactory().get_absolute_url()).text
    box = prompt_html(html, AFTER_ARTICLE)
    assert html.index('class="article-body"') < html.index(box), "after the body"
    assert '<a class="support-button" href="https://example.org/join">Become a member</a>' in box
    assert (
        '<progress max="1000" value="640" aria-labelledby="support-after_article-figure">'
        "</progress> "
        '<span id="support-after_article-figure">640 of 1,000 members</span>'
    ) in box
    # Shown by the script only, which can remember the dismissal.
    assert (
        '<button type="button" class="support-dismiss" data-support-dismiss hidden>'
        '<span aria-hidden="true">×</span><span class="visually-hidden">Dismiss</span></button>'
    ) in box


@pytest.mark.django_db
def test_the_news_feed_card_stays_out_of_the_live_list(client, campaign):
    html = client.get(reverse("feed:list")).text
    card = prompt_html(html, NEWS_FEED)
    assert html.index('class="listing-header"') < html.index(card) < html.index("data-stream")


@pytest.mark.django_db
def test_what_an_editor_types_is_shown_as_text(client):
    PromptFactory(placement=TOP, heading="<script>alert(1)</script>", text="<b>bold</b>")
    html = client.get(reverse("home")).text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


@pytest.mark.django_db
def test_all_places_cost_one_query_together_and_none_once_cached(client, settings, campaign):
    """Drawn afresh, a page reads the prompts once for all its places; with the shared
    fragment cached (a page the page cache does not hold), not at all."""
    url = ArticleFactory().get_absolute_url()
    assert len(prompt_queries(client, url)) == 1

    settings.FRAGMENT_CACHE_ENABLED = True
    client.get(url)
    assert prompt_queries(client, url) == []
    assert set(prompts_on(client.get(url))) == {TOP, AFTER_ARTICLE}


# Cached pages --------------------------------------------------------------------------

# Pages are refreshed when a change commits, so these tests commit for real.
cached = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.CACHE_PURGE_HOOK = ""
    settings.PAGE_CACHE_MAX_AGE = 3600


@cached
def test_adding_editing_and_ending_a_prompt_refreshes_cached_pages(client, page_cache):
    urls = [ArticleFactory().get_absolute_url(), reverse("home"), reverse("feed:list")]
    for url in urls:
        client.get(url)
        assert client.get(url).has_header("Age"), "served from the cache"

    prompt = PromptFactory(placement=TOP, heading="Join 1,000 new members")
    for url in urls:
        assert prompts_on(client.get(url)) == {TOP: "Join 1,000 new members"}, url

    prompt.heading = "Last week: join 1,000 new members"
    prompt.save()
    for url in urls:
        assert prompts_on(client.get(url)) == {TOP: "Last week: join 1,000 new members"}, url

    prompt.is_active = False
    prompt.save()
    for url in urls:
        assert prompts_on(client.get(url)) == {}, url


@cached
def test_a_new_figure_reaches_cached_pages(client, page_cache):
    prompt = PromptFactory(goal=1000, current_figure=640, goal_label="members")
    url = ArticleFactory().get_absolute_url()
    assert "640 of 1,000 members" in client.get(url).text
    prompt.current_figure = 700
    prompt.save()
    assert "700 of 1,000 members" in client.get(url).text


@cached
def test_a_prompt_ending_bounds_how_long_pages_are_kept(client, page_cache, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    PromptFactory(
        placement=TOP, heading="Give today", ends_at=timezone.now() + timedelta(minutes=5)
    )
    url = reverse("home")
    first = client.get(url)
    assert prompts_on(first) == {TOP: "Give today"}
    assert max_age(first) <= 5 * 60, "browsers and CDNs may not keep it past its end"
    assert client.get(url).has_header("Age")

    # Within the page cache's own timeout: only the end time can drop the page.
    time_machine.shift(timedelta(minutes=5, seconds=1))
    assert prompts_on(client.get(url)) == {}


@cached
def test_a_prompt_starting_bounds_how_long_pages_are_kept(client, page_cache, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    PromptFactory(
        placement=TOP,
        heading="Our campaign starts",
        starts_at=timezone.now() + timedelta(minutes=7),
    )
    url = reverse("home")
    first = client.get(url)
    assert prompts_on(first) == {}
    assert max_age(first) <= 7 * 60, "browsers and CDNs may not keep it past its start"

    time_machine.shift(timedelta(minutes=7, seconds=1))
    assert prompts_on(client.get(url)) == {TOP: "Our campaign starts"}
