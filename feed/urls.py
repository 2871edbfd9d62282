from django.urls import path

from . import feeds, views

app_name = "feed"

urlpatterns = [
    path("feed/", views.feed_list, name="list"),
    path("feed/updates/", views.feed_updates, name="updates"),
    path("feed/rss/", feeds.NewsFeedFeed.as_view(), name="rss"),
    path("feed/atom/", feeds.NewsFeedAtomFeed.as_view(), name="atom"),
    path("tags/<uslug:slug>/", views.tag_detail, name="tag"),
    path("search/", views.search_view, name="search"),
    path("quotes/<slug:slug>/", views.QuoteDetailView.as_view(), name="quote"),
    path("videos/<slug:slug>/", views.VideoDetailView.as_view(), name="video"),
    path("briefs/<slug:slug>/", views.BriefDetailView.as_view(), name="brief"),
]
