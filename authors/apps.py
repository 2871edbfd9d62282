from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "authors"

    def ready(self):
        from newsroom import pagecache
        from redirects import tracking

        author = self.get_model("Author")
        pagecache.track(author)
        tracking.track(author)
