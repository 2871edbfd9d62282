"""
Search: what the full-text index finds after every kind of write, how it ranks, what it
leaves out, what the search page shows, and that no reader input breaks it. Every test
runs on SQLite and on PostgreSQL, which must agree.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from newsroom import search as search_module
from newsroom.search import fts5_query, search
from tests.factories import ArticleFactory, QuoteFactory, SectionFactory, VideoFactory

pytestmark = pytest.mark.django_db


def make_article(headline, **fields):
    """An article whose every word is the test's: the factory's standfirst is random words."""
    fields.setdefault("standfirst", "From our correspondent.")
    return ArticleFactory(headline=headline, **fields)


def found(query):
    return [item.object for item in search(query).items]


def test_editing_a_headline_changes_what_finds_the_article():
    article = make_article("Harbour strike ends", body="<p>Talks went on.</p>")
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
    article = make_article("Glacier retreat measured")
    article.delete()
    assert found("glacier") == []


def test_drafts_scheduled_and_unpublished_items_stay_out():
    live = make_article("Volcano erupts")
    make_article("Volcano draft", draft=True)
    make_article("Volcano tomorrow", scheduled=True)
    make_article("Volcano withdrawn", status=Status.UNPUBLISHED)
    QuoteFactory(text="The volcano is waking", speaker="A guide", draft=True)
    VideoFactory(title="Volcano from above", scheduled=True)

    results = search("volcano")

    assert [item.object for item in results.items] == [live]
    assert results.count == 1


def test_a_headline_match_outranks_a_newer_body_full_of_the_word():
    old_headline = make_article(
        headline="Wildfire reaches the coast",
        body="<p>Crews worked through the night.</p>",
        published_at=timezone.now() - timedelta(days=30),
    )
    body_only = make_article(
        headline="Weekend weather",
        body="<p>" + "The wildfire grew. " * 20 + "</p>",
    )
    assert found("wildfire") == [old_headline, body_only]


def test_every_kind_is_searched_by_its_own_fields():
    quote = QuoteFactory(text="We will rebuild", speaker="Mayor Okafor", context="at the pier")
    video = VideoFactory(title="Pier at dawn", teaser="Drone footage of the rebuilt pier.")
    article = make_article("Pier reopens", standfirst="Okafor cuts the ribbon.")

    assert set(found("pier")) == {quote, video, article}
    assert set(found("okafor")) == {quote, article}
    assert found("drone") == [video]


def test_words_inside_html_markup_are_not_found():
    """The body is HTML: tag names, link addresses and attribute values are not words of the text."""
    make_article(
        headline="Council meeting",
        body=(
            '<p>Read the <a href="https://zebra.example.com/minutes" title="okapi">minutes</a>.</p>'
            '<figure><img src="/media/quagga.jpg" alt="Council chamber"></figure>'
        ),
    )
    for word in ("zebra", "okapi", "quagga", "href", "figure", "noopener"):
        assert found(word) == [], word
    assert len(found("minutes")) == 1


ODD_QUERIES = [
    "",
    "   ",
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
    "a" * 5000,
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_never_break_search(client, query):
    make_article("Flood defences hold", body="<p>The river rose.</p>")
    response = client.get(reverse("feed:search"), {"q": query})
    assert response.status_code == 200
    results = response.context["results"]
    if results is not None:
        # The heading counts what the page lists: the one article, or nothing.
        assert results.count == len(results.items) <= 1
        assert ("Nothing found" in response.text) == (results.count == 0)


def test_a_page_past_the_last_is_404(client):
    make_article("Budget vote")
    response = client.get(reverse("feed:search"), {"q": "budget", "page": "2"})
    assert response.status_code == 404


def test_quoted_words_match_as_a_phrase():
    phrase = make_article("Power grid strained by heat")
    make_article("Grid of streets loses power")
    assert found('"power grid"') == [phrase]
    assert len(found("power grid")) == 2


def test_a_minus_excludes_a_word():
    kept = make_article("Floods in Lyon")
    make_article("Floods in Toronto")
    assert found("floods -toronto") == [kept]


def test_or_matches_either_word():
    flood = make_article("Flood warning lifted")
    glacier = make_article("Glacier melt speeds up")
    make_article("Budget talks stall")
    assert set(found("flood or glacier")) == {flood, glacier}


def test_words_match_other_forms_of_themselves():
    """The English stemmer on both sides: "flooding" finds "floods"."""
    article = make_article("Floods close the ring road")
    assert found("flooding") == [article]


def test_only_the_newest_matches_are_ranked_and_the_count_says_so(monkeypatch):
    monkeypatch.setattr(search_module, "MATCH_LIMIT", 2)
    now = timezone.now()
    oldest = make_article("Storm storm storm", published_at=now - timedelta(days=3))
    middle = make_article("Storm", published_at=now - timedelta(days=2))
    newest = make_article("Storm", published_at=now - timedelta(days=1))
    QuoteFactory(text="The storm passed", speaker="A farmer")

    results = search("storm")

    assert oldest not in [item.object for item in results.items]
    assert {item.object for item in results.items if item.kind == "article"} == {middle, newest}
    assert results.count == 3
    assert results.is_capped


def test_a_count_within_the_limit_is_exact():
    for number in range(3):
        make_article(f"Harvest report {number}")
    results = search("harvest")
    assert results.count == 3
    assert not results.is_capped


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("flood", '("flood")'),
        ("flood warning", '("flood" "warning")'),
        ('"power grid" cuts', '("power grid" "cuts")'),
        ("floods -toronto -lyon", '(("floods") NOT ("toronto" OR "lyon"))'),
        ('-"power grid" outage', '(("outage") NOT ("power grid"))'),
        ("flood or glacier", '("flood") OR ("glacier")'),
        ("flood OR glacier -melt", '("flood") OR (("glacier") NOT ("melt"))'),
        ('say "no', '("say" "no")'),
        ("NEAR(a b) c* ^d title:e", '("NEAR(a" "b)" "c*" "^d" "title:e")'),
        ('a"b', '("a""b")'),
        ("-flood", ""),
        ("or", ""),
        ('" - "', '(" - ")'),
    ],
)
def test_reader_queries_become_fts5_queries_of_quoted_words(query, expected):
    """SQLite: operators come only from the websearch syntax; all else is quoted text."""
    assert fts5_query(query) == expected


def test_the_search_page_says_when_there_are_more_matches_than_it_counted(client, monkeypatch):
    monkeypatch.setattr(search_module, "MATCH_LIMIT", 2)
    for number in range(3):
        make_article(f"Storm report {number}")
    heading = client.get("/search/?q=storm").text.split("<h2>")[1].split("</h2>")[0]
    assert heading.startswith("More than ")


# The search page ---------------------------------------------------------------------


def result_links(html):
    return re.findall(r'<h3><a href="(/[^"]+/)">', html) + re.findall(
        r'<a href="(/quotes/[^"]+/)" aria-label', html
    )


def test_headline_matches_rank_before_body_matches(client):
    old_headline = ArticleFactory(
        headline="Harbour strike ends", published_at=timezone.now() - timedelta(days=9)
    )
    new_body_only = ArticleFactory(headline="Port news", body="<p>The harbour strike ended.</p>")
    html = client.get(reverse("feed:search"), {"q": "harbour strike"}).content.decode()
    assert result_links(html) == [old_headline.get_absolute_url(), new_body_only.get_absolute_url()]


def test_search_covers_quotes_and_videos(client):
    quote = QuoteFactory(text="The glaciers are retreating")
    video = VideoFactory(title="Glaciers from the air")
    html = client.get(reverse("feed:search"), {"q": "glaciers"}).content.decode()
    assert quote.get_absolute_url() in html and video.get_absolute_url() in html
    assert "2 results for “glaciers”" in html


def test_the_query_stays_in_the_box(client):
    html = client.get(reverse("feed:search"), {"q": "  rates   <b>"}).content.decode()
    assert 'value="rates &lt;b&gt;"' in html


def test_every_word_must_match(client):
    ArticleFactory(headline="Rates held steady")
    html = client.get(reverse("feed:search"), {"q": "rates volcano"}).content.decode()
    assert "Nothing found" in html


def test_results_are_paginated(client):
    for number in range(25):
        ArticleFactory(headline=f"Budget story {number}")
    first = client.get(reverse("feed:search"), {"q": "budget"}).content.decode()
    assert "Page 1 of 2" in first and 'rel="next"' in first
    second = client.get(reverse("feed:search"), {"q": "budget", "page": "2"})
    assert len(result_links(second.content.decode())) == 5


@pytest.mark.parametrize(
    "page",
    # "²" passes str.isdigit() but not int(); 5,000 digits pass neither int() nor
    # the database's 64-bit OFFSET.
    ["0", "-1", "abc", "99", "1e3", "²", "٣", "9" * 20, "9" * 5000],
)
def test_bad_page_numbers_are_404(client, page):
    ArticleFactory(headline="Budget story")
    response = client.get(reverse("feed:search"), {"q": "budget", "page": page})
    assert response.status_code == 404


def test_search_finds_nothing_unpublished(client):
    for trait in ("draft", "scheduled"):
        ArticleFactory(**{trait: True}, headline="Hidden zebra")
        QuoteFactory(**{trait: True}, text="Hidden zebra")
        VideoFactory(**{trait: True}, title="Hidden zebra")
    html = client.get(reverse("feed:search"), {"q": "zebra"}).content.decode()
    assert "Nothing found for “zebra”" in html


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("flood " * 100, "flood"),
        ("Flood flood FLOOD river", "Flood river"),
        ('"river bank" "river bank" -dam -dam', '"river bank" -dam'),
        ("flood or or or river or", "flood or river or"),
        (
            " ".join(f"word{number}" for number in range(30)),
            " ".join(f"word{n}" for n in range(10)),
        ),
    ],
)
def test_a_query_keeps_each_term_once_and_at_most_ten(query, kept):
    assert search_module.bounded(query) == kept


def test_repeating_a_word_finds_what_the_word_finds():
    article = make_article("Flood defences hold")
    assert found("flood " * 60) == found("flood") == [article]
