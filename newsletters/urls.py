from django.urls import path

from . import signup, views

app_name = "newsletters"

urlpatterns = [
    path("", signup.newsletters, name="index"),
    path("subscribe/", signup.subscribe, name="subscribe"),
    path("confirm/<str:token>/", signup.confirm, name="confirm"),
    path("preferences/<str:token>/", signup.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", signup.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/", views.archive, name="archive"),
    path("<slug:slug>/rss/", views.ArchiveFeed(), name="archive-rss"),
    path("<slug:slug>/<slug:issue>/", views.issue, name="issue"),
]
