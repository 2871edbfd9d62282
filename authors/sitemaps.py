from django.contrib.sitemaps import Sitemap

from .models import Author


class AuthorSitemap(Sitemap):
    def items(self):
        return Author.objects.order_by("pk")

    def lastmod(self, author):
        return author.updated_at
