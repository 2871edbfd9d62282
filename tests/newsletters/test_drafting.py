"""The automatic draft: what the site published since the last issue, as issue HTML the
editor can rework, and nothing readers cannot see."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone

from newsletters.drafting import TOP_STORIES, draft_issue
from newsroom.sanitize import sanitize_html
from tests.factories import (
    ArticleFactory,
    BriefFactory,
    IssueFactory,
    NewsletterFactory,
    QuoteFactory,
)

pytestmark = pytest.mark.django_db

# Only what the prose editor and the sanitiser keep.
DRAFT_TAGS = {"h2", "h3", "p", "ul", "li", "a", "blockquote"}


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def headlines(html):
    return re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", html)


def test_top_stories_are_the_featured_then_the_newest():
    newsletter = NewsletterFactory()
    older_featured = ArticleFactory(
        headline="Featured story", is_featured=True, published_at=ago(hours=5)
    )
    newest = [
        ArticleFactory(headline=f"Story {number}", published_at=ago(minutes=10 * number + 1))
        for number in range(8)
    ]
    issue = draft_issue(newsletter)
    assert headlines(issue.body) == [
        "Featured story",
        *(a.headline for a in newest[: TOP_STORIES - 1]),
    ]
    assert f'href="{older_featured.get_absolute_url()}"' in issue.body
    assert f"<p>{older_featured.standfirst}</p>" in issue.body
    # The lead story gives the inbox its preview line.
    assert issue.preheader == older_featured.standfirst


def test_only_what_readers_can_see_since_the_last_issue():
    newsletter = NewsletterFactory()
    IssueFactory(newsletter=newsletter, sent=True, sent_at=ago(hours=3))
    ArticleFactory(headline="Before the last issue", published_at=ago(hours=4))
    ArticleFactory(headline="Since the last issue", published_at=ago(hours=2))
    ArticleFactory(headline="Hidden zebra", draft=True)
    ArticleFactory(headline="Hidden zebra", scheduled=True)
    BriefFactory(headline="Hidden zebra", scheduled=True)
    QuoteFactory(text="Hidden zebra", draft=True)
    live_draft = ArticleFactory(draft=True, headline="Hidden zebra", live_starts_at=ago(hours=1))
    BriefFactory(
        headline="Hidden zebra", live_blog=live_draft, is_key_event=True, published_at=ago(hours=1)
    )
    issue = draft_issue(newsletter)
    assert headlines(issue.body) == ["Since the last issue"]
    assert "zebra" not in issue.body
    assert "Before the last issue" not in issue.body


def test_a_first_issue_covers_the_last_day():
    newsletter = NewsletterFactory()
    ArticleFactory(headline="Yesterday morning", published_at=ago(hours=30))
    ArticleFactory(headline="This morning", published_at=ago(hours=3))
    assert headlines(draft_issue(newsletter).body) == ["This morning"]


def test_live_blogs_give_their_key_events_and_other_briefs_stand_alone():
    newsletter = NewsletterFactory()
    live_blog = ArticleFactory(
        headline="Storm live", live_starts_at=ago(hours=5), published_at=ago(hours=5)
    )
    key = BriefFactory(
        live_blog=live_blog, is_key_event=True, headline="Dam holds", published_at=ago(hours=1)
    )
    BriefFactory(live_blog=live_blog, headline="Minor update", published_at=ago(minutes=50))
    BriefFactory(
        headline="Budget passes", body="<p>By 31 votes to 12.</p>", published_at=ago(hours=2)
    )
    issue = draft_issue(newsletter)
    body = issue.body
    key_events = body.index("<h2>Key events</h2>")
    assert body.index(">Storm live</a></h3>", key_events)
    assert f'<li><a href="{live_blog.get_entry_url(key)}"' in body
    assert "Minor update" not in body
    in_brief = body.index("<h2>In brief</h2>")
    assert re.search(r"<li><a [^>]*>Budget passes</a>: By 31 votes to 12\.</li>", body[in_brief:])


def test_quotes_read_as_said():
    newsletter = NewsletterFactory()
    QuoteFactory(
        text="We will rebuild the bridge.", speaker="Mayor Ana Lopes", published_at=ago(hours=1)
    )
    QuoteFactory(text="Why now?", speaker="Tom Reed", published_at=ago(hours=2))
    body = draft_issue(newsletter).body
    assert (
        "<blockquote><p>“We will rebuild the bridge,” Mayor Ana Lopes said.</p></blockquote>"
        in body
    )
    assert "<blockquote><p>“Why now?” Tom Reed said.</p></blockquote>" in body


def test_the_draft_is_html_the_editor_and_sanitiser_keep():
    newsletter = NewsletterFactory()
    ArticleFactory(headline="<script>alert(1)</script> Harbour & co", published_at=ago(hours=1))
    BriefFactory(headline="Brief", published_at=ago(hours=1))
    QuoteFactory(text="Quote <b>me</b>", published_at=ago(hours=1))
    issue = draft_issue(newsletter)
    issue.refresh_from_db()
    assert set(re.findall(r"<(\w+)", issue.body)) <= DRAFT_TAGS
    # Stored as written: nothing for the sanitiser to take out on the next save.
    assert sanitize_html(issue.body) == issue.body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Harbour &amp; co" in issue.body
    assert "Quote &lt;b&gt;me&lt;/b&gt;" in issue.body


def test_the_subject_names_the_day_and_the_slug_stays_free():
    newsletter = NewsletterFactory(name="The Daily Briefing", slug="daily")
    morning = datetime(2026, 12, 1, 7, 0, tzinfo=ZoneInfo(settings.TIME_ZONE))
    first = draft_issue(newsletter, now=morning)
    second = draft_issue(newsletter, now=morning)
    assert first.subject == "The Daily Briefing — Tuesday 1 December"
    assert (first.slug, second.slug) == ("2026-12-01-daily", "2026-12-01-daily-2")
    assert first.sent_at is None and first.send_at is None


def test_an_empty_day_still_gives_a_draft_to_write():
    issue = draft_issue(NewsletterFactory())
    assert issue.body == "<p>Nothing new was published since the last issue.</p>"
    assert issue.preheader == ""


@pytest.mark.parametrize("items", [3, 30])
def test_the_draft_takes_fixed_queries(django_assert_num_queries, items):
    newsletter = NewsletterFactory()
    IssueFactory(newsletter=newsletter, sent=True, sent_at=ago(hours=20))
    live_blog = ArticleFactory(live_starts_at=ago(hours=10), published_at=ago(hours=10))
    for number in range(items):
        ArticleFactory(published_at=ago(minutes=number + 1), is_featured=number % 4 == 0)
        BriefFactory(published_at=ago(minutes=number + 1))
        BriefFactory(live_blog=live_blog, is_key_event=True, published_at=ago(minutes=number + 1))
        QuoteFactory(published_at=ago(minutes=number + 1))
    # The last issue's time, the articles, the key events with their live blogs, the
    # briefs, the quotes, the slugs taken, the insert.
    with django_assert_num_queries(7):
        draft_issue(newsletter)
