from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


def count_articles(count):
    return ngettext("%(count)d article", "%(count)d articles", count) % {"count": count}


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from newsroom import kinds
        from newsroom.sanitize import keep_text_xml_safe
        from redirects import tracking

        from . import caching, signals, structured_data  # noqa: F401 - they register
        from .feeds import LatestArticlesFeed
        from .models import with_bylines

        article = self.get_model("Article")
        kinds.register(
            kinds.Kind(
                name="article",
                model=article,
                plural=_("articles"),
                counted=count_articles,
                relations=("section", "hero_photo"),
                prefetches=(with_bylines(),),
                teaser_template="feed/_item_article.html",
                search_index="article_search",
                feed_entry=LatestArticlesFeed,
                list_fields=(
                    "status",
                    "published_at",
                    "breaking_until",
                    "section_id",
                    "is_featured",
                ),
            )
        )
        keep_text_xml_safe(*self.get_models())
        tracking.track(article)
        tracking.track(self.get_model("Section"))
        caching.register()
