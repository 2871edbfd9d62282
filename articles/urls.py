from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("sections/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("feeds/rss/", feeds.LatestArticlesFeed.as_view(), name="feed-rss"),
    path("feeds/atom/", feeds.LatestArticlesAtomFeed.as_view(), name="feed-atom"),
    path("feeds/feed.json", feeds.json_feed, name="feed-json"),
    path("sections/<slug:slug>/rss/", feeds.SectionFeed.as_view(), name="section-rss"),
    path("sections/<slug:slug>/atom/", feeds.SectionAtomFeed.as_view(), name="section-atom"),
    path("authors/<slug:slug>/rss/", feeds.AuthorFeed.as_view(), name="author-rss"),
    path("authors/<slug:slug>/atom/", feeds.AuthorAtomFeed.as_view(), name="author-atom"),
    path("tags/<slug:slug>/rss/", feeds.TagFeed.as_view(), name="tag-rss"),
    path("tags/<slug:slug>/atom/", feeds.TagAtomFeed.as_view(), name="tag-atom"),
]
