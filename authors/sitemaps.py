from django.db.models import Max

from newsroom.sitemaps import EditionListSitemap

from .models import Author


class AuthorSitemap(EditionListSitemap):
    def items(self):
        return Author.objects.order_by("pk")

    def lastmod(self, author):
        return author.updated_at

    def get_latest_lastmod(self):
        # One aggregate rather than loading every author to take the maximum.
        return Author.objects.aggregate(latest=Max("updated_at"))["latest"]
