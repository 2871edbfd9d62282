"""The News Feed itself as RSS and Atom, and how quotes, videos and briefs read in it."""

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext

from articles.feeds import photo_details
from newsroom.stream import latest_items
from newsroom.syndication import FeedEntry, MixedFeed, absolutize_urls, atom_variant


class QuoteEntry(FeedEntry):
    def item_title(self, quote):
        return gettext("%(speaker)s: “%(quote)s”") % {
            "speaker": quote.speaker,
            "quote": Truncator(quote.text).words(14),
        }

    def item_description(self, quote):
        words = {"quote": quote.text, "speaker": quote.speaker, "context": quote.context}
        if quote.context:
            return escape(gettext("“%(quote)s” — %(speaker)s, %(context)s") % words)
        return escape(gettext("“%(quote)s” — %(speaker)s") % words)


class VideoEntry(FeedEntry):
    def item_title(self, video):
        return gettext("Video: %(title)s") % {"title": video.title}

    def item_description(self, video):
        return escape(video.teaser)

    def item_extra_kwargs(self, video):
        return {"image": photo_details(video.thumbnail, self.absolute)}


class BriefEntry(FeedEntry):
    def item_title(self, brief):
        return brief.headline

    def item_description(self, brief):
        # The summary is plain text, which feed readers take for HTML: escaped, a "<"
        # in it stays a character.
        return escape(brief.summary)

    def item_extra_kwargs(self, brief):
        return {
            "content_html": absolutize_urls(brief.body, self.absolute("/").rstrip("/")),
            "image": photo_details(brief.photo, self.absolute),
        }


class NewsFeedFeed(MixedFeed):
    def title(self):
        return gettext("%(site)s: News Feed") % {"site": settings.NEWSROOM_SITE_NAME}

    def description(self):
        return gettext("Articles, briefs, quotes and videos as they are published.")

    def link(self):
        return reverse("home")

    def items(self, obj=None):
        return latest_items(self.item_limit)


NewsFeedAtomFeed = atom_variant(NewsFeedFeed)
