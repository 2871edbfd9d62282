from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "authors"

    def ready(self):
        from newsroom import pagecache
        from newsroom.sanitize import keep_text_xml_safe
        from redirects import tracking

        from . import structured_data  # noqa: F401 - registers its builders

        author = self.get_model("Author")
        keep_text_xml_safe(author)
        pagecache.track(author)
        tracking.track(author)
