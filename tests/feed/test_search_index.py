"""
Search through the database's full-text index: what it finds after every kind of write,
how it ranks, what it leaves out, and that no reader input breaks it. The module runs
on SQLite and on PostgreSQL; tests of the websearch syntax run on PostgreSQL only.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from feed import search as search_module
from feed.search import search
from tests.factories import ArticleFactory, QuoteFactory, SectionFactory, VideoFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's full-text search"
)


def found(query):
    return [item.object for item in search(query).items]


def test_editing_a_headline_changes_what_finds_the_article():
    article = ArticleFactory(headline="Harbour strike ends", body="<p>Talks went on.</p>")
    assert found("harbour") == [article]

    article.headline = "Dockers back at work"
    article.save()

    assert found("harbour") == []
    assert found("dockers") == [article]


def test_bulk_writes_that_skip_save_are_searchable():
    """seed_demo and the importers bulk_create; admin actions run queryset.update()."""
    section = SectionFactory()
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline=f"Lighthouse keeper {number}",
            slug=f"keeper-{number}",
            body="<p>The lamp was lit.</p>",
            section=section,
            status=Status.PUBLISHED,
            published_at=now - timedelta(hours=number + 1),
        )
        for number in range(3)
    )
    assert len(found("lighthouse")) == 3

    Article.objects.filter(slug="keeper-0").update(headline="Ferry timetable changes")

    assert len(found("lighthouse")) == 2
    assert [article.slug for article in found("ferry")] == ["keeper-0"]


def test_deleted_items_are_not_found():
    article = ArticleFactory(headline="Glacier retreat measured")
    article.delete()
    assert found("glacier") == []


def test_drafts_scheduled_and_unpublished_items_stay_out():
    live = ArticleFactory(headline="Volcano erupts")
    ArticleFactory(headline="Volcano draft", draft=True)
    ArticleFactory(headline="Volcano tomorrow", scheduled=True)
    ArticleFactory(headline="Volcano withdrawn", status=Status.UNPUBLISHED)
    QuoteFactory(text="The volcano is waking", draft=True)
    VideoFactory(title="Volcano from above", scheduled=True)

    results = search("volcano")

    assert [item.object for item in results.items] == [live]
    assert results.count == 1


def test_a_headline_match_outranks_a_newer_body_full_of_the_word():
    old_headline = ArticleFactory(
        headline="Wildfire reaches the coast",
        body="<p>Crews worked through the night.</p>",
        published_at=timezone.now() - timedelta(days=30),
    )
    body_only = ArticleFactory(
        headline="Weekend weather",
        body="<p>" + "The wildfire grew. " * 20 + "</p>",
    )
    assert found("wildfire") == [old_headline, body_only]


def test_every_kind_is_searched_by_its_own_fields():
    quote = QuoteFactory(text="We will rebuild", speaker="Mayor Okafor", context="at the pier")
    video = VideoFactory(title="Pier at dawn", teaser="Drone footage of the rebuilt pier.")
    article = ArticleFactory(headline="Pier reopens", standfirst="Okafor cuts the ribbon.")

    assert set(found("pier")) == {quote, video, article}
    assert set(found("okafor")) == {quote, article}
    assert found("drone") == [video]


ODD_QUERIES = [
    '"',
    '""',
    '"unclosed phrase',
    "*",
    "flood*",
    "NEAR",
    "NEAR(flood river)",
    "-",
    "--",
    "- -",
    "-flood",
    "OR",
    "flood OR",
    "AND NOT",
    "^flood",
    "flood:*",
    "title:flood",
    "(",
    ")",
    "{flood}",
    "[flood]",
    "!",
    "&",
    "|",
    "<->",
    "'",
    "\\",
    "%",
    "_",
    ":",
    ";",
    "+",
    "' OR 1=1 --",
    "'; DROP TABLE articles_article; --",
    "été",
    "Gdańsk",
    "日本語",
    "🙂",
    "\u200b",
    "ﬁre",
    "x" * 250,
    "flood " * 60,
    "a" * 2500,
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_never_break_search(client, query):
    ArticleFactory(headline="Flood defences hold", body="<p>The river rose.</p>")
    response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code == 200
    assert response.context["results"] is None or response.context["results"].count >= 0


def test_a_page_past_the_last_is_404(client):
    ArticleFactory(headline="Budget vote")
    response = client.get(reverse("articles:search"), {"q": "budget", "page": "2"})
    assert response.status_code == 404


@postgresql_only
def test_quoted_words_match_as_a_phrase():
    phrase = ArticleFactory(headline="Power grid strained by heat")
    ArticleFactory(headline="Grid of streets loses power")
    assert found('"power grid"') == [phrase]
    assert len(found("power grid")) == 2


@postgresql_only
def test_a_minus_excludes_a_word():
    kept = ArticleFactory(headline="Floods in Lyon")
    ArticleFactory(headline="Floods in Toronto")
    assert found("floods -toronto") == [kept]


@postgresql_only
def test_or_matches_either_word():
    flood = ArticleFactory(headline="Flood warning lifted")
    glacier = ArticleFactory(headline="Glacier melt speeds up")
    ArticleFactory(headline="Budget talks stall")
    assert set(found("flood or glacier")) == {flood, glacier}


@postgresql_only
def test_words_match_other_forms_of_themselves():
    """The English stemmer on both sides: "flooding" finds "floods"."""
    article = ArticleFactory(headline="Floods close the ring road")
    assert found("flooding") == [article]


@postgresql_only
def test_only_the_newest_matches_are_ranked_and_the_count_says_so(monkeypatch):
    monkeypatch.setattr(search_module, "MATCH_LIMIT", 2)
    now = timezone.now()
    oldest = ArticleFactory(headline="Storm storm storm", published_at=now - timedelta(days=3))
    middle = ArticleFactory(headline="Storm", published_at=now - timedelta(days=2))
    newest = ArticleFactory(headline="Storm", published_at=now - timedelta(days=1))
    QuoteFactory(text="The storm passed")

    results = search("storm")

    assert oldest not in [item.object for item in results.items]
    assert {item.object for item in results.items if item.kind == "article"} == {middle, newest}
    assert results.count == 3
    assert results.is_capped


@postgresql_only
def test_a_count_within_the_limit_is_exact():
    for number in range(3):
        ArticleFactory(headline=f"Harvest report {number}")
    results = search("harvest")
    assert results.count == 3
    assert not results.is_capped
