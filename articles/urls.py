from django.urls import path

from . import feeds, preview, views

app_name = "articles"

urlpatterns = [
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("articles/<slug:slug>/rss/", feeds.LiveBlogFeed.as_view(), name="live-rss"),
    path("articles/<slug:slug>/updates/", views.live_blog_updates, name="live-updates"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("rss/", feeds.LatestArticlesFeed.as_view(), name="feed-rss"),
    path("atom/", feeds.LatestArticlesAtomFeed.as_view(), name="feed-atom"),
    path("feed.json", feeds.json_feed, name="feed-json"),
    path("sections/<slug:slug>/rss/", feeds.SectionFeed.as_view(), name="section-rss"),
    path("sections/<slug:slug>/atom/", feeds.SectionAtomFeed.as_view(), name="section-atom"),
    path("authors/<slug:slug>/rss/", feeds.AuthorFeed.as_view(), name="author-rss"),
    path("authors/<slug:slug>/atom/", feeds.AuthorAtomFeed.as_view(), name="author-atom"),
    path("tags/<uslug:slug>/rss/", feeds.TagFeed.as_view(), name="tag-rss"),
    path("tags/<uslug:slug>/atom/", feeds.TagAtomFeed.as_view(), name="tag-atom"),
]

urlpatterns += preview.urlpatterns
