from django.contrib.sitemaps import Sitemap

from .models import Video


class VideoSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Video.objects.published().only("slug", "updated_at", "published_at").order_by("-id")

    def lastmod(self, video):
        return max(video.updated_at, video.published_at)
