"""Live blogs: an article with a coverage start, whose entries are briefs attached to it.

Its page (state, pinned summary, key events, entries newest first with anchors and
"Show More"), its entries in and out of the News Feed, its feed, its JSON-LD, and
writing entries in the admin.
"""

import json
import re
from datetime import timedelta
from pathlib import Path

import feedparser
import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles.concurrent_edits import version_of
from articles.models import Article, LiveState, Status
from feed.models import Brief
from tests.factories import ArticleFactory, AuthorFactory, BriefFactory
from tests.newsroom_data import build_newsroom

pytestmark = pytest.mark.django_db

BRIEF_ADD_URL = reverse("admin:feed_brief_add")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SCHEMA_ORG = json.loads((Path(__file__).parent / "schemaorg_excerpt.json").read_text())


def live_blog(**fields):
    now = timezone.now()
    fields = {
        "headline": "Storm Elin live: the coast braces",
        "published_at": now - timedelta(hours=3),
        "live_starts_at": now - timedelta(hours=3),
        "authors": [AuthorFactory(name="Ana Lopes")],
    } | fields
    return ArticleFactory(**fields)


def entry(blog, minutes_ago, **fields):
    return BriefFactory(
        live_blog=blog,
        headline=fields.pop("headline", f"Update {minutes_ago} minutes ago"),
        published_at=timezone.now() - timedelta(minutes=minutes_ago),
        **fields,
    )


def entry_ids(html):
    return [
        int(pk) for pk in re.findall(r'<article class="live-entry[^"]*" id="entry-(\d+)"', html)
    ]


# The page ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("starts", "ends", "state", "badge"),
    [
        (timedelta(hours=2), None, LiveState.SCHEDULED, "Starts <time"),
        (-timedelta(hours=2), None, LiveState.LIVE, ">Live</p>"),
        (-timedelta(hours=2), timedelta(hours=1), LiveState.LIVE, ">Live</p>"),
        (-timedelta(hours=2), -timedelta(hours=1), LiveState.ENDED, "Ended <time"),
    ],
)
def test_the_badge_says_whether_coverage_is_to_start_live_or_ended(
    client, starts, ends, state, badge
):
    now = timezone.now()
    blog = live_blog(live_starts_at=now + starts, live_ends_at=now + ends if ends else None)
    assert blog.live_state == state
    html = client.get(blog.get_absolute_url()).text
    assert f'<p class="live-badge live-badge--{state}">' in html
    assert badge in html


def test_an_article_without_a_start_is_no_live_blog(client):
    article = ArticleFactory()
    BriefFactory(headline="Loose brief")
    html = client.get(article.get_absolute_url()).text
    assert article.live_state is None
    assert "live-badge" not in html and "Latest updates" not in html


def test_page_shows_the_summary_key_events_and_entries_newest_first_with_anchors(client):
    blog = live_blog()
    older = entry(blog, 50, headline="Ferries cancelled", is_key_event=True)
    newer = entry(blog, 10, headline="Wind gusts reach 140 km/h")
    middle = entry(blog, 30, headline="Schools close early")
    summary = entry(blog, 5, headline="What we know", is_pinned=True, body="<p>Three things.</p>")
    entry(blog, 1, headline="Hidden draft entry", draft=True)
    BriefFactory(headline="A brief of no live blog")

    html = client.get(blog.get_absolute_url()).text

    # The summary stands above, not among the entries.
    assert entry_ids(html) == [newer.pk, middle.pk, older.pk]
    assert html.index("What we know") < html.index("Key events") < html.index("Latest updates")
    assert "<p>Three things.</p>" in html
    assert f'id="entry-{summary.pk}"' not in html
    key_events = html[html.index("Key events") : html.index("Latest updates")]
    assert f'<a href="#entry-{older.pk}">' in key_events
    assert "Ferries cancelled" in key_events and "Schools close" not in key_events
    assert '<strong class="live-key">Key event</strong>' in html
    # Each entry links to its own anchor, with its day and time.
    local = timezone.localtime(newer.published_at)
    assert f'<a href="#entry-{newer.pk}"><time datetime="' in html
    assert local.strftime("%H:%M") in html
    entries = html[html.index("Latest updates") : html.index("data-stream-more")]
    assert "Hidden draft entry" not in html and "A brief of no live blog" not in entries


def test_show_more_pages_the_entries_without_a_script(client):
    blog = live_blog()
    entries = [entry(blog, minutes) for minutes in range(1, 26)]

    first = client.get(blog.get_absolute_url()).text
    assert entry_ids(first) == [e.pk for e in entries[:20]]
    assert "data-stream" in first and "data-stream-items" in first
    more = re.search(r'<a href="([^"]+)" rel="next">Show More</a>', first).group(1)
    assert more.startswith(blog.get_absolute_url() + "?cursor=")

    second = client.get(more.replace("&amp;", "&"))
    assert entry_ids(second.text) == [e.pk for e in entries[20:]]
    # The script's request: only the entries and the next link.
    partial = client.get(more.replace("&amp;", "&") + "&partial=1")
    assert entry_ids(partial.text) == [e.pk for e in entries[20:]]
    assert "<h1>" not in partial.text

    assert client.get(blog.get_absolute_url(), {"cursor": "forged"}).status_code == 400


def test_an_older_key_event_links_to_the_page_that_starts_with_it(client):
    blog = live_blog()
    old_key = entry(blog, 100, headline="Red warning issued", is_key_event=True)
    for minutes in range(1, 21):
        entry(blog, minutes)

    html = client.get(blog.get_absolute_url()).text
    assert old_key.pk not in entry_ids(html)
    link = re.search(rf'<a href="(\?cursor=[^"]+)#entry-{old_key.pk}">', html).group(1)
    page = client.get(blog.get_absolute_url() + link.replace("&amp;", "&")).text
    assert entry_ids(page)[0] == old_key.pk


def test_the_next_change_of_state_bounds_cached_pages():
    now = timezone.now()
    live_blog(live_starts_at=now + timedelta(hours=2))
    live_blog(live_starts_at=now - timedelta(hours=1), live_ends_at=now + timedelta(minutes=30))
    assert (
        Article.objects.next_publication_at()
        == Article.objects.get(live_ends_at__isnull=False).live_ends_at
    )


def test_coverage_cannot_end_before_it_starts():
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        live_blog(live_starts_at=now, live_ends_at=now - timedelta(hours=1))
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(live_ends_at=now)


# The News Feed ----------------------------------------------------------------------


def test_entries_left_out_of_the_news_feed_stay_on_the_live_blog(client):
    blog = live_blog()
    blog.tags.add("Storms")
    shared = entry(blog, 5, headline="Power cut in 4,000 homes")
    kept = entry(blog, 6, headline="Our reporter reaches the pier", in_news_feed=False)
    for brief in (shared, kept):
        brief.tags.add("Storms")

    for url in (
        reverse("home"),
        reverse("feed:list"),
        reverse("feed:list") + "?kind=brief",
        reverse("feed:tag", kwargs={"slug": "storms"}),
    ):
        html = client.get(url).text
        assert "Power cut in 4,000 homes" in html, url
        assert "Our reporter reaches the pier" not in html, url
    html = client.get(reverse("feed:list")).text
    assert (
        f'<a href="{blog.get_absolute_url()}#entry-{shared.pk}">Live: Storm Elin live: the coast braces</a>'
        in html
    )
    rss = client.get(reverse("feed:rss")).text
    assert "Power cut" in rss and "Our reporter" not in rss
    assert set(entry_ids(client.get(blog.get_absolute_url()).text)) == {shared.pk, kept.pk}


def test_an_entry_of_a_draft_live_blog_does_not_name_it(client):
    blog = live_blog(draft=True, headline="Secret plans live")
    entry(blog, 5, headline="Early entry")
    html = client.get(reverse("feed:list")).text
    assert "Early entry" in html
    assert "Secret plans live" not in html


def test_an_entry_of_an_article_no_longer_live_does_not_point_at_it(client):
    blog = live_blog(headline="Count night live")
    entry(blog, 5, headline="First result")
    Article.objects.filter(pk=blog.pk).update(live_starts_at=None)
    html = client.get(reverse("feed:list")).text
    assert "First result" in html and "Live: Count night live" not in html


def test_the_entrys_own_page_links_to_the_live_blog(client):
    blog = live_blog()
    brief = entry(blog, 5)
    html = client.get(brief.get_absolute_url()).text
    assert f'href="{blog.get_absolute_url()}#entry-{brief.pk}">Live: {blog.headline}</a>' in html


# One pinned summary -------------------------------------------------------------------


def test_a_live_blog_has_one_pinned_summary_whatever_saves_it():
    blog = live_blog()
    entry(blog, 5, is_pinned=True)
    entry(live_blog(), 5, is_pinned=True)  # another live blog's is its own
    with pytest.raises(IntegrityError), transaction.atomic():
        entry(blog, 6, is_pinned=True)


def test_the_writing_screen_refuses_a_second_pinned_summary(editor_client):
    blog = live_blog()
    entry(blog, 5, is_pinned=True)
    response = editor_client.post(BRIEF_ADD_URL, entry_form(blog, is_pinned="on"))
    assert response.status_code == 200
    assert "already has a pinned summary" in response.text
    assert Brief.objects.filter(live_blog=blog).count() == 1


# Writing entries ----------------------------------------------------------------------


def entry_form(blog, **overrides):
    return {
        "headline": "Bridge closed to lorries",
        "body": "<p>The Severn crossing is shut to high-sided vehicles.</p>",
        "link": "",
        "slug": "bridge-closed-to-lorries",
        "tags": "",
        "photo": "",
        "authors": [],
        "live_blog": blog.pk,
        "in_news_feed": "on",
    } | overrides


def test_an_editor_adds_an_entry_from_the_live_blogs_screen(editor_client):
    blog = live_blog(headline="Storm Elin live")
    entry(blog, 5, headline="Ferries cancelled", is_key_event=True)
    change = editor_client.get(reverse("admin:articles_article_change", args=[blog.pk])).text
    assert "Live blog entries" in change and "Ferries cancelled" in change
    add_url = f"{BRIEF_ADD_URL}?live_blog={blog.pk}"
    assert f'href="{add_url}"' in change

    form = editor_client.get(add_url).text
    assert re.search(rf'<option value="{blog.pk}" selected>Storm Elin live</option>', form)

    response = editor_client.post(
        BRIEF_ADD_URL, entry_form(blog, is_key_event="on", _workflow=Status.PUBLISHED)
    )
    assert response.status_code == 302
    brief = Brief.objects.get(slug="bridge-closed-to-lorries")
    assert brief.live_blog == blog and brief.is_key_event and brief.is_live


def test_an_ordinary_articles_screen_has_no_entry_list(editor_client):
    article = ArticleFactory()
    change = editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert "Live blog entries" not in change
    assert 'name="live_starts_at_0"' in change


def test_a_contributors_entry_goes_through_review(contributor_client, contributor):
    blog = live_blog()
    response = contributor_client.post(BRIEF_ADD_URL, entry_form(blog, _workflow=Status.PUBLISHED))
    assert response.status_code == 200
    assert "Only editors can publish" in response.text
    assert not Brief.objects.exists()

    response = contributor_client.post(BRIEF_ADD_URL, entry_form(blog, _workflow=Status.REVIEW))
    assert response.status_code == 302
    brief = Brief.objects.get()
    assert brief.status == Status.REVIEW and brief.live_blog == blog

    response = contributor_client.post(
        reverse("admin:feed_brief_change", args=[brief.pk]),
        entry_form(blog, _workflow=Status.PUBLISHED, opened_version=version_of(brief)),
    )
    assert response.status_code == 200
    brief.refresh_from_db()
    assert brief.status == Status.REVIEW
    assert not Brief.objects.published().exists()


def test_a_key_event_needs_a_live_blog():
    brief = BriefFactory.build(is_key_event=True, slug="loose")
    with pytest.raises(Exception, match="belongs to a live blog"):
        brief.full_clean()


# Feed and structured data ---------------------------------------------------------------


def test_the_live_blogs_feed_lists_its_entries_with_their_anchors(client):
    blog = live_blog()
    newer = entry(blog, 5, headline="Gusts ease", in_news_feed=False)
    older = entry(blog, 20, headline="Trains halted")
    entry(blog, 1, headline="Draft entry", draft=True)
    BriefFactory(headline="Elsewhere")
    feed_url = reverse("articles:live-rss", kwargs={"slug": blog.slug})

    html = client.get(blog.get_absolute_url()).text
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="{blog.headline} (RSS)" href="{feed_url}">'
        in html
    )

    parsed = feedparser.parse(client.get(feed_url).content)
    assert parsed.feed.title.endswith(blog.headline)
    assert [item.title for item in parsed.entries] == ["Gusts ease", "Trains halted"]
    base = f"http://testserver{blog.get_absolute_url()}"
    assert [item.link for item in parsed.entries] == [
        f"{base}#entry-{newer.pk}",
        f"{base}#entry-{older.pk}",
    ]
    assert (
        client.get(reverse("articles:live-rss", kwargs={"slug": ArticleFactory().slug})).status_code
        == 404
    )


def json_ld_graph(html):
    (block,) = JSON_LD.findall(html)
    return json.loads(block)["@graph"]


def ancestry(kind):
    """The schema.org type and every type above it."""
    types, pending = set(), [kind]
    while pending:
        current = pending.pop()
        types.add(current)
        pending += SCHEMA_ORG["types"][current]["subTypeOf"]
    return types


def schema_org_problems(node, path="$"):
    """Every type and property of `node` (and what it holds) that schema.org does not
    define there: a property belongs to a type whose ancestry meets its domainIncludes,
    and a node it holds is of a type its rangeIncludes names."""
    problems = []
    if isinstance(node, list):
        for index, part in enumerate(node):
            problems += schema_org_problems(part, f"{path}[{index}]")
        return problems
    if not isinstance(node, dict):
        return problems
    kind = node.get("@type")
    if kind not in SCHEMA_ORG["types"]:
        return [f"{path}: type {kind} is not in the excerpt"]
    types = ancestry(kind)
    for name, value in node.items():
        if name.startswith("@"):
            continue
        definition = SCHEMA_ORG["properties"].get(name)
        if definition is None:
            problems.append(f"{path}.{name}: not in the excerpt")
            continue
        if not types & set(definition["domainIncludes"]):
            problems.append(f"{path}.{name}: not a property of {kind}")
        for held in value if isinstance(value, list) else [value]:
            held_kind = held.get("@type") if isinstance(held, dict) else None
            in_range = held_kind is None or ancestry(held_kind) & set(definition["rangeIncludes"])
            if held_kind in SCHEMA_ORG["types"] and not in_range:
                problems.append(f"{path}.{name}: a {held_kind} is not among its values")
        problems += schema_org_problems(value, f"{path}.{name}")
    return problems


def test_json_ld_is_a_live_blog_posting_that_schema_org_defines(client):
    now = timezone.now()
    blog = live_blog(live_ends_at=now - timedelta(minutes=1))
    blog.tags.add("Storms")
    summary = entry(blog, 2, headline="What we know", is_pinned=True)
    last = entry(blog, 3, headline="Gusts ease", body="<p>Winds <b>drop</b> to 60 km/h.</p>")
    entry(blog, 1, headline="Draft entry", draft=True)

    posting, crumbs = json_ld_graph(client.get(blog.get_absolute_url()).text)

    assert posting["@type"] == "LiveBlogPosting"
    assert posting["coverageStartTime"] == blog.live_starts_at.isoformat()
    assert posting["coverageEndTime"] == blog.live_ends_at.isoformat()
    base = f"http://testserver{blog.get_absolute_url()}"
    assert posting["liveBlogUpdate"] == [
        {
            "@type": "BlogPosting",
            "headline": "What we know",
            "datePublished": summary.published_at.isoformat(),
            "url": f"{base}#entry-{summary.pk}",
            "articleBody": "The council approved the budget, the mayor said.",
        },
        {
            "@type": "BlogPosting",
            "headline": "Gusts ease",
            "datePublished": last.published_at.isoformat(),
            "url": f"{base}#entry-{last.pk}",
            "articleBody": "Winds drop to 60 km/h.",
        },
    ]
    assert posting["dateModified"] >= summary.published_at.isoformat()
    assert schema_org_problems([posting, crumbs]) == []


def test_the_schema_org_check_catches_a_property_or_value_out_of_place():
    assert schema_org_problems({"@type": "BlogPosting", "coverageStartTime": "2026"}) == [
        "$.coverageStartTime: not a property of BlogPosting"
    ]
    assert schema_org_problems(
        {"@type": "LiveBlogPosting", "liveBlogUpdate": [{"@type": "Person", "name": "Ana"}]}
    ) == ["$.liveBlogUpdate: a Person is not among its values"]


# Queries ------------------------------------------------------------------------------

# As counted in tests/articles/test_page_query_counts.py ("live-blog"): the article's own
# (8) and the newsletter sign-up box after it (1), the pinned summary, the key events and
# the page of entries, each with photos and authors (6), the newest entries for the
# JSON-LD with their authors (2), the News Feed strip (10) and the page's frame:
# navigation, breaking news, footer with its sign-up box, support prompts (6).
LIVE_BLOG_QUERIES = 33
# The script's "Show More": the article (1) + the page of entries (1) and their
# authors (1); nothing else of the page is drawn.
PARTIAL_QUERIES = 3


@pytest.mark.parametrize("count", [5, 60, 2000])
def test_pages_of_entries_take_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    data = build_newsroom(3)
    blog = data["live_blog"]
    now = timezone.now()
    entries = [
        Brief(
            slug=f"entry-{number}",
            headline=f"Update {number}",
            body="<p>The river is still rising.</p>",
            status=Status.PUBLISHED,
            published_at=now - timedelta(minutes=number + 100),
            live_blog=blog,
            is_key_event=number % 4 == 0,
        )
        for number in range(count)
    ]
    for brief in entries:
        brief.derive_fields()
    Brief.objects.bulk_create(entries)

    with django_assert_num_queries(LIVE_BLOG_QUERIES):
        first = client.get(blog.get_absolute_url())
    # build_newsroom's own entries, one of them the pinned summary, and these.
    assert len(entry_ids(first.text)) == min(20, 2 + count)
    more = re.search(r'href="([^"]+)" rel="next"', first.text)
    if more:
        url = more.group(1).replace("&amp;", "&")
        with django_assert_num_queries(LIVE_BLOG_QUERIES):
            assert client.get(url).status_code == 200
        with django_assert_num_queries(PARTIAL_QUERIES):
            assert client.get(url + "&partial=1").status_code == 200


# Live updates ---------------------------------------------------------------------------


def test_an_open_live_blog_asks_for_new_entries_and_gets_them_drawn_as_entries(client):
    blog = live_blog()
    older = entry(blog, 30, headline="Rain eases in the north")
    entry(blog, 40, headline="The summary so far", is_pinned=True)
    page = client.get(blog.get_absolute_url()).text
    updates = reverse("articles:live-updates", kwargs={"slug": blog.slug})
    since = re.search(rf'data-live="{updates}" data-live-since="([^"]+)"', page).group(1)

    newer = entry(blog, 1, headline="Evacuation order lifted")
    BriefFactory(headline="Elsewhere: ferry cancelled")  # in the News Feed, not this blog
    answer = client.get(updates, {"since": since}).json()
    assert [(item["id"], item["new"]) for item in answer["items"]] == [
        (f"brief-{newer.pk}", True),
        (f"brief-{older.pk}", False),
    ]
    # The same markup as the page's entries, anchor and all.
    assert f'id="entry-{newer.pk}"' in answer["items"][0]["html"]
    assert answer["items"][1]["html"] in page


def test_an_ended_live_blog_no_longer_polls_and_an_article_has_no_updates(client):
    ended = live_blog(live_ends_at=timezone.now() - timedelta(minutes=5))
    assert "data-live=" not in re.sub(
        r'<section class="news-feed-strip".*?</section>',
        "",
        client.get(ended.get_absolute_url()).text,
        flags=re.S,
    )
    plain = ArticleFactory()
    assert (
        client.get(reverse("articles:live-updates", kwargs={"slug": plain.slug})).status_code == 404
    )
