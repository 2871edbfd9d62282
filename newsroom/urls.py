import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from articles.sitemaps import ArticleSitemap, SectionSitemap, TagSitemap, news_sitemap
from authors.sitemaps import AuthorSitemap
from feed.sitemaps import BriefSitemap, VideoSitemap
from feed.views import home
from newsletters.sitemaps import NewsletterIssueSitemap, NewsletterSitemap
from newsroom.media import serve_media
from newsroom.views import favicon, flat_page, robots_txt, trivial

admin.site.site_header = format_lazy(_("{site} admin"), site=settings.NEWSROOM_SITE_NAME)
admin.site.site_title = settings.NEWSROOM_SITE_NAME
admin.site.index_title = _("Newsroom")

handler400 = "newsroom.views.bad_request"

SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "videos": VideoSitemap,
    "briefs": BriefSitemap,
    "newsletters": NewsletterSitemap,
    "newsletter-issues": NewsletterIssueSitemap,
}

urlpatterns = [
    path("robots.txt", robots_txt, name="robots"),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", favicon),
    # One index for both editions: each address names its translations (hreflang).
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
]

# Every reader page once per edition: English at /, Ukrainian under /uk/.
urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("news-sitemap.xml", news_sitemap, name="news-sitemap"),
    path("", include("articles.urls")),
    path("authors/", include("authors.urls")),
    path("", include("feed.urls")),
    path("newsletters/", include("newsletters.urls")),
    path("pages/<path:url>", flat_page, name="flatpage"),
    prefix_default_language=False,
)

# Only a local MEDIA_URL ("/media/") is served here; an absolute one points at a CDN or
# object storage that serves the files itself.
if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, name="media"),
    ]

if settings.BENCHMARK_VIEWS:
    urlpatterns += [path("bench/trivial/", trivial, name="bench-trivial")]
