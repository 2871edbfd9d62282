"""
How changes to newsletters reach cached pages: a newsletter's archive and its issues'
pages show the newsletter and its sent issues, so a change to either refreshes them,
and an issue joining or leaving the archive (sent, withdrawn, moved) refreshes the lists.
"""

from django.urls import reverse

from newsroom import pagecache

from .models import Issue, Newsletter


def pages_showing_issue(issue):
    """The archive, its feed and the issue's own page, for purging a CDN."""
    slug = issue.newsletter.slug
    return [
        reverse("newsletters:archive", kwargs={"slug": slug}),
        reverse("newsletters:archive-rss", kwargs={"slug": slug}),
        issue.get_absolute_url(),
    ]


def pages_showing_newsletter(newsletter):
    return [
        reverse("newsletters:archive", kwargs={"slug": newsletter.slug}),
        reverse("newsletters:archive-rss", kwargs={"slug": newsletter.slug}),
    ]


def register():
    pagecache.track(Newsletter)
    pagecache.track(
        Issue,
        listed=True,
        list_fields=("sent_at", "in_archive", "newsletter_id", "slug"),
    )
    pagecache.shown_at(pages_showing_issue, models=[Issue])
    pagecache.shown_at(pages_showing_newsletter, models=[Newsletter])
