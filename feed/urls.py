from django.urls import path

from . import views

app_name = "feed"

urlpatterns = [
    path("feed/", views.feed_list, name="list"),
    path("quotes/<slug:slug>/", views.QuoteDetailView.as_view(), name="quote"),
    path("videos/<slug:slug>/", views.VideoDetailView.as_view(), name="video"),
]
