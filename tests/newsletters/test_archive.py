"""The archive: a newsletter's page, its issues' pages and its RSS feed show sent issues
only, of lists offered to readers, in fixed queries, and refresh when an issue goes out."""

import re
from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsletters.views import ARCHIVE_PAGE_SIZE
from tests.articles.test_page_query_counts import NAV
from tests.factories import IssueFactory, NewsletterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsletter():
    return NewsletterFactory(
        name="The Daily Briefing",
        slug="daily",
        description="The day's news before breakfast.",
        cadence="Every weekday morning",
    )


def sent(newsletter, count, **fields):
    """`count` sent issues, the newest sent an hour ago, a day apart."""
    now = timezone.now()
    return [
        IssueFactory(
            newsletter=newsletter,
            subject=f"Briefing {number}",
            sent=True,
            sent_at=now - timedelta(hours=1, days=number),
            **fields,
        )
        for number in range(count)
    ]


def unsent_and_withdrawn(newsletter):
    """Issues no reader may read: a draft, a scheduled one, one being sent, and one sent
    but taken out of the archive."""
    return [
        IssueFactory(newsletter=newsletter, subject="Hidden zebra draft"),
        IssueFactory(newsletter=newsletter, subject="Hidden zebra scheduled", scheduled=True),
        IssueFactory(
            newsletter=newsletter,
            subject="Hidden zebra sending",
            sending_started_at=timezone.now(),
        ),
        IssueFactory(
            newsletter=newsletter, subject="Hidden zebra withdrawn", sent=True, in_archive=False
        ),
    ]


def test_the_archive_says_what_the_newsletter_is_and_lists_sent_issues_newest_first(
    client, newsletter
):
    issues = sent(newsletter, 3)
    unsent_and_withdrawn(newsletter)
    response = client.get(newsletter.get_absolute_url())
    html = response.text
    assert "<h1>The Daily Briefing</h1>" in html
    assert "The day&#x27;s news before breakfast." in html
    assert "Every weekday morning" in html
    assert f'href="{reverse("newsletters:index")}"' in html
    assert list(response.context["issues"]) == issues
    assert [html.index(issue.get_absolute_url()) for issue in issues] == sorted(
        html.index(issue.get_absolute_url()) for issue in issues
    )
    assert "zebra" not in html
    assert f'href="{reverse("newsletters:archive-rss", kwargs={"slug": "daily"})}"' in html


def test_an_issue_page_shows_the_issue_as_sent(client, newsletter):
    (issue,) = sent(newsletter, 1, body="<h2>Top stories</h2><p>The bridge reopened.</p>")
    response = client.get(issue.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    assert f"<h1>{issue.subject}</h1>" in html
    assert "<h2>Top stories</h2><p>The bridge reopened.</p>" in html
    assert "Sent <time" in html
    assert "Get it in your inbox" in html and f'href="{reverse("newsletters:index")}"' in html
    assert "noindex" not in html


def test_issues_readers_may_not_read_have_no_page(client, newsletter):
    for issue in unsent_and_withdrawn(newsletter):
        assert client.get(issue.get_absolute_url()).status_code == 404, issue.subject
    (other,) = sent(NewsletterFactory(), 1)
    wrong_list = reverse("newsletters:issue", kwargs={"slug": "daily", "issue": other.slug})
    assert client.get(wrong_list).status_code == 404


def test_a_list_not_offered_to_readers_has_no_archive(client):
    private = NewsletterFactory(is_public=False)
    (issue,) = sent(private, 1)
    for url in (
        private.get_absolute_url(),
        reverse("newsletters:archive-rss", kwargs={"slug": private.slug}),
        issue.get_absolute_url(),
    ):
        assert client.get(url).status_code == 404, url
    assert client.get("/newsletters/no-such-list/").status_code == 404


def test_the_archive_is_cut_into_pages(client, newsletter):
    issues = sent(newsletter, ARCHIVE_PAGE_SIZE + 3)
    first = client.get(newsletter.get_absolute_url())
    assert list(first.context["issues"]) == issues[:ARCHIVE_PAGE_SIZE]
    assert 'href="?page=2" rel="next"' in first.text
    second = client.get(newsletter.get_absolute_url(), {"page": "2"})
    assert list(second.context["issues"]) == issues[ARCHIVE_PAGE_SIZE:]
    assert (
        "(earlier)" in second.text
        and '<meta name="robots" content="noindex, follow">' in second.text
    )
    for bad in ("3", "0", "-1", "two", "1.5", "9" * 5000):
        assert client.get(newsletter.get_absolute_url(), {"page": bad}).status_code == 404, bad


def test_the_rss_feed_lists_sent_issues_linking_to_their_pages(client, newsletter):
    issues = sent(newsletter, 2, preheader="", body="<p>The bridge <b>reopened</b> at dawn.</p>")
    unsent_and_withdrawn(newsletter)
    response = client.get(reverse("newsletters:archive-rss", kwargs={"slug": "daily"}))
    assert response.status_code == 200
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "The Daily Briefing"
    items = channel.findall("item")
    assert [item.findtext("link") for item in items] == [
        f"http://testserver{issue.get_absolute_url()}" for issue in issues
    ]
    assert items[0].findtext("description") == "The bridge reopened at dawn."
    assert b"zebra" not in response.content


def test_the_sitemap_lists_the_archives_and_their_issues(client, newsletter):
    (issue,) = sent(newsletter, 1)
    hidden = unsent_and_withdrawn(newsletter)
    private = NewsletterFactory(is_public=False)
    sent(private, 1)
    index = client.get(reverse("sitemap-index")).text
    assert "sitemap-newsletter-issues.xml" in index and "sitemap-newsletters.xml" in index
    lastmod = timezone.localtime(issue.updated_at).strftime("%Y-%m-%d")
    assert re.search(rf"sitemap-newsletter-issues\.xml</loc>\s*<lastmod>{lastmod}", index)
    issues = client.get("/sitemap-newsletter-issues.xml").text
    assert issue.get_absolute_url() in issues
    assert all(item.get_absolute_url() not in issues for item in hidden)
    assert private.slug not in issues
    lists = client.get("/sitemap-newsletters.xml").text
    assert newsletter.get_absolute_url() in lists and private.slug not in lists


def test_the_footer_links_to_the_newsletters(client):
    html = client.get(reverse("home")).text
    follow = html[html.index('id="footer-follow"') :]
    assert f'<a href="{reverse("newsletters:index")}">Newsletters</a>' in follow


@pytest.mark.parametrize("count", [3, 30])
def test_archive_pages_take_fixed_queries(client, django_assert_num_queries, newsletter, count):
    issues = sent(newsletter, count)
    # Every page's frame (NAV: see there); then the newsletter (1), the count of its
    # issues (1) and the page of them (1).
    with django_assert_num_queries(NAV + 3):
        assert client.get(newsletter.get_absolute_url()).status_code == 200
    # The frame, the newsletter (1), the issue (1).
    with django_assert_num_queries(NAV + 2):
        assert client.get(issues[-1].get_absolute_url()).status_code == 200
    rss_url = reverse("newsletters:archive-rss", kwargs={"slug": newsletter.slug})
    # Django keeps the site's domain after the first feed asks for it.
    client.get(rss_url)
    # The newsletter (1) and its newest issues (1).
    with django_assert_num_queries(2):
        rss = client.get(rss_url)
    assert rss.content.count(b"<item>") == count


@pytest.mark.django_db(transaction=True)
class TestPageCache:
    """The archive's pages are cached for readers and refreshed when what they show
    changes (the page cache refreshes on commit, so these tests commit for real)."""

    @pytest.fixture(autouse=True)
    def page_cache(self, settings):
        settings.PAGE_CACHE_ENABLED = True
        settings.CACHE_PURGE_HOOK = ""
        settings.CACHE_TAG_HEADER = ""

    def test_a_newly_sent_issue_joins_the_cached_archive(self, newsletter):
        reader = Client()
        draft = IssueFactory(newsletter=newsletter, subject="Tomorrow's briefing")
        archive = newsletter.get_absolute_url()
        rss = reverse("newsletters:archive-rss", kwargs={"slug": newsletter.slug})
        assert b"No issue has been sent yet" in reader.get(archive).content
        assert b"<item>" not in reader.get(rss).content
        assert reader.get(draft.get_absolute_url()).status_code == 404
        # Served from the cache now.
        assert reader.get(archive)["Age"] is not None
        draft.sending_started_at = draft.sent_at = timezone.now()
        draft.save()
        assert "Tomorrow&#x27;s briefing" in reader.get(archive).text
        assert b"<item>" in reader.get(rss).content
        assert reader.get(draft.get_absolute_url()).status_code == 200

    def test_an_edited_newsletter_refreshes_its_archive_and_issues(self, newsletter):
        reader = Client()
        (issue,) = sent(newsletter, 1)
        reader.get(newsletter.get_absolute_url())
        reader.get(issue.get_absolute_url())
        newsletter.name = "The Morning Briefing"
        newsletter.save()
        assert "<h1>The Morning Briefing</h1>" in reader.get(newsletter.get_absolute_url()).text
        assert "The Morning Briefing</a></p>" in reader.get(issue.get_absolute_url()).text

    def test_an_issue_withdrawn_from_the_archive_leaves_it(self, newsletter):
        reader = Client()
        (issue,) = sent(newsletter, 1)
        assert issue.subject in reader.get(newsletter.get_absolute_url()).text
        assert reader.get(issue.get_absolute_url()).status_code == 200
        issue.in_archive = False
        issue.save()
        assert issue.subject not in reader.get(newsletter.get_absolute_url()).text
        assert reader.get(issue.get_absolute_url()).status_code == 404
