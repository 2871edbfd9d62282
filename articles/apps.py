from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from taggit.models import Tag, TaggedItem

        from newsroom import pagecache

        from . import signals  # noqa: F401 - connects the receivers

        article = self.get_model("Article")
        pagecache.track(
            article,
            listed=True,
            list_fields=("status", "published_at", "section_id", "is_featured"),
            next_publication=article.objects.next_publication_at,
        )
        pagecache.track(self.get_model("Section"))
        pagecache.track(self.get_model("Photo"))
        pagecache.track(self.get_model("ArticleAuthor"), parent="article")
        pagecache.track(self.get_model("Correction"), parent="article")
        pagecache.track(Tag)
        pagecache.track(TaggedItem, parent="content_object")
