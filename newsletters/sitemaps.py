"""Sitemaps of the newsletters' archives and of the issues in them."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q

from .models import Issue, Newsletter

IN_ARCHIVE = Q(issues__sent_at__isnull=False, issues__in_archive=True)


class NewsletterSitemap(Sitemap):
    def items(self):
        return (
            Newsletter.objects.filter(is_public=True)
            .annotate(last_sent=Max("issues__sent_at", filter=IN_ARCHIVE))
            .order_by("position", "name")
        )

    def lastmod(self, newsletter):
        return newsletter.last_sent


def archived_issues():
    return Issue.objects.filter(sent_at__isnull=False, in_archive=True, newsletter__is_public=True)


class NewsletterIssueSitemap(Sitemap):
    limit = 5000

    def items(self):
        return (
            archived_issues()
            .select_related("newsletter")
            .only("slug", "sent_at", "updated_at", "newsletter__slug")
            .order_by("-sent_at", "-id")
        )

    def lastmod(self, issue):
        return max(issue.updated_at, issue.sent_at)

    def get_latest_lastmod(self):
        # One aggregate, rather than the index loading every issue to take the maximum.
        latest = archived_issues().aggregate(updated=Max("updated_at"), sent=Max("sent_at"))
        return max((moment for moment in latest.values() if moment), default=None)
