from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Author


class AuthorSitemap(Sitemap):
    def items(self):
        return Author.objects.order_by("pk")

    def lastmod(self, author):
        return author.updated_at

    def get_latest_lastmod(self):
        # One aggregate rather than loading every author to take the maximum.
        return Author.objects.aggregate(latest=Max("updated_at"))["latest"]
