from django.urls import include, path

from . import signup, views

app_name = "newsletters"

urlpatterns = [
    path("", signup.newsletters, name="index"),
    path("subscribe/", signup.subscribe, name="subscribe"),
    path("confirm/<str:token>/", signup.confirm, name="confirm"),
    path("preferences/<str:token>/", signup.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", signup.unsubscribe, name="unsubscribe"),
    # The mail provider's bounce and complaint reports (newsletters.webhooks).
    path("anymail/", include("anymail.urls")),
    path("<slug:slug>/", views.archive, name="archive"),
    path("<slug:slug>/rss/", views.ArchiveFeed(), name="archive-rss"),
    path("<slug:slug>/<slug:issue>/", views.issue, name="issue"),
]
