from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "authors"

    def ready(self):
        from newsroom import pagecache

        pagecache.track(self.get_model("Author"))
