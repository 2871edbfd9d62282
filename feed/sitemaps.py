from articles.sitemaps import latest_change
from newsroom.sitemaps import ItemSitemap

from .models import Brief, Video


class VideoSitemap(ItemSitemap):
    def items(self):
        return (
            Video.objects.published()
            .only("slug", "updated_at", "published_at", "language", "translation_group")
            .order_by("-id")
        )

    def lastmod(self, video):
        return max(video.updated_at, video.published_at)

    def get_latest_lastmod(self):
        return latest_change(Video.objects.published())


class BriefSitemap(ItemSitemap):
    def items(self):
        return (
            Brief.objects.published()
            .only("slug", "updated_at", "published_at", "language", "translation_group")
            .order_by("-id")
        )

    def lastmod(self, brief):
        return max(brief.updated_at, brief.published_at)

    def get_latest_lastmod(self):
        return latest_change(Brief.objects.published())
