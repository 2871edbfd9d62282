from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


def count_quotes(count):
    return ngettext("%(count)d quote", "%(count)d quotes", count) % {"count": count}


def count_videos(count):
    return ngettext("%(count)d video", "%(count)d videos", count) % {"count": count}


def count_briefs(count):
    return ngettext("%(count)d brief", "%(count)d briefs", count) % {"count": count}


class FeedConfig(AppConfig):
    name = "feed"
    verbose_name = _("News Feed")

    def ready(self):
        from django.db.models import Q

        from newsroom import kinds
        from newsroom.sanitize import keep_text_xml_safe
        from redirects import tracking

        from . import caching, structured_data  # noqa: F401 - registers its builders
        from .feeds import BriefEntry, QuoteEntry, VideoEntry

        kinds.register(
            kinds.Kind(
                name="quote",
                model=self.get_model("Quote"),
                plural=_("quotes"),
                counted=count_quotes,
                relations=("source_article",),
                teaser_template="feed/_item_quote.html",
                search_index="quote_search",
                feed_entry=QuoteEntry,
            )
        )
        kinds.register(
            kinds.Kind(
                name="video",
                model=self.get_model("Video"),
                plural=_("videos"),
                counted=count_videos,
                relations=("thumbnail",),
                teaser_template="feed/_item_video.html",
                search_index="video_search",
                feed_entry=VideoEntry,
            )
        )
        kinds.register(
            kinds.Kind(
                name="brief",
                model=self.get_model("Brief"),
                plural=_("briefs"),
                counted=count_briefs,
                relations=("photo", "live_blog"),
                prefetches=("authors",),
                teaser_template="feed/_item_brief.html",
                search_index="brief_search",
                feed_entry=BriefEntry,
                list_fields=(
                    "status",
                    "published_at",
                    "breaking_until",
                    "live_blog_id",
                    "in_news_feed",
                    "is_key_event",
                    "is_pinned",
                ),
                kept_to_own_list=("live_blog", Q(live_blog__isnull=False, in_news_feed=False)),
            )
        )
        keep_text_xml_safe(*self.get_models())
        tracking.track(self.get_model("Quote"))
        tracking.track(self.get_model("Video"))
        tracking.track(self.get_model("Brief"))
        caching.register()
