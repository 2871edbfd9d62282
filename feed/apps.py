from django.apps import AppConfig


class FeedConfig(AppConfig):
    name = "feed"
    verbose_name = "News Feed"
