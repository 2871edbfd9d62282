from django.contrib.sitemaps import Sitemap

from articles.sitemaps import latest_change

from .models import Video


class VideoSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Video.objects.published().only("slug", "updated_at", "published_at").order_by("-id")

    def lastmod(self, video):
        return max(video.updated_at, video.published_at)

    def get_latest_lastmod(self):
        return latest_change(Video.objects.published())
