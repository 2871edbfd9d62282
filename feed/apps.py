from django.apps import AppConfig


class FeedConfig(AppConfig):
    name = "feed"
    verbose_name = "News Feed"

    def ready(self):
        from newsroom import pagecache

        for name in ("Quote", "Video"):
            model = self.get_model(name)
            pagecache.track(
                model,
                listed=True,
                list_fields=("status", "published_at"),
                next_publication=model.objects.next_publication_at,
            )
