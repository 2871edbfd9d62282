"""The archive of sent issues: a newsletter's page, an issue's page and its RSS feed.

Only lists offered to readers have an archive, and only issues that were sent and are
kept in it show there: a draft or a scheduled issue is a 404 like a page that does not
exist. These are reader pages, kept by the page cache; newsletters/caching.py says which
changes refresh them.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape
from django.utils.text import Truncator
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from articles.models import summary_from_html
from newsroom import pagecache
from newsroom.syndication import NewsRssFeed

from .models import Issue, Newsletter

ARCHIVE_PAGE_SIZE = 20
FEED_LENGTH = 30
DESCRIPTION_WORDS = 60


def archived_issues(newsletter):
    """The issues of `newsletter` readers may read, newest first."""
    # The page depends on which issues are in the archive, even when none are yet.
    pagecache.record_list(Issue)
    return newsletter.issues.filter(sent_at__isnull=False, in_archive=True).order_by(
        "-sent_at", "-id"
    )


def public_newsletter(slug):
    return get_object_or_404(Newsletter, slug=slug, is_public=True)


class ArchiveView(ListView):
    """A newsletter's page: what it is, how to get it, and its past issues."""

    template_name = "newsletters/archive.html"
    paginate_by = ARCHIVE_PAGE_SIZE
    context_object_name = "issues"
    http_method_names = ["get", "head"]

    def get_queryset(self):
        self.newsletter = public_newsletter(self.kwargs["slug"])
        return archived_issues(self.newsletter).select_related("newsletter")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The listing base says "(earlier)" and asks not to be indexed after page one.
        context["page"] = {"is_first": not context["page_obj"].has_previous()}
        context["newsletter"] = self.newsletter
        return context


archive = ArchiveView.as_view()


def issue_page(request, issue, is_preview=False):
    """The page of `issue`; the admin's preview shows it whatever its state."""
    return render(
        request,
        "newsletters/issue_detail.html",
        {"issue": issue, "object": issue, "newsletter": issue.newsletter, "is_preview": is_preview},
    )


@require_safe
def issue(request, slug, issue):
    newsletter = public_newsletter(slug)
    shown = get_object_or_404(archived_issues(newsletter).select_related("newsletter"), slug=issue)
    return issue_page(request, shown)


def opening(issue):
    """The issue's preheader, or else the opening of its body, as plain text."""
    return issue.preheader or summary_from_html(issue.body, words=DESCRIPTION_WORDS)


class ArchiveFeed(Feed):
    """The archive as RSS: the newest issues, each linking to its page."""

    feed_type = NewsRssFeed

    def get_object(self, request, slug):
        return public_newsletter(slug)

    def title(self, newsletter):
        return newsletter.name

    def link(self, newsletter):
        return newsletter.get_absolute_url()

    def description(self, newsletter):
        return newsletter.description or newsletter.cadence or newsletter.name

    def items(self, newsletter):
        return archived_issues(newsletter).select_related("newsletter")[:FEED_LENGTH]

    def item_title(self, issue):
        return issue.subject

    def item_description(self, issue):
        # Feed readers take the description for HTML; the opening is plain text.
        return escape(Truncator(opening(issue)).words(DESCRIPTION_WORDS))

    def item_pubdate(self, issue):
        return issue.sent_at

    def item_updateddate(self, issue):
        return max(issue.updated_at, issue.sent_at)
