"""The News Feed itself as RSS and Atom, and how quotes, videos and briefs read in it."""

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import Truncator

from articles.feeds import photo_details
from newsroom.stream import latest_items
from newsroom.syndication import FeedEntry, MixedFeed, absolutize_urls, atom_variant


class QuoteEntry(FeedEntry):
    def item_title(self, quote):
        return f"{quote.speaker}: \u201c{Truncator(quote.text).words(14)}\u201d"

    def item_description(self, quote):
        context = f", {quote.context}" if quote.context else ""
        return escape(f"\u201c{quote.text}\u201d \u2014 {quote.speaker}{context}")


class VideoEntry(FeedEntry):
    def item_title(self, video):
        return f"Video: {video.title}"

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
    title = f"{settings.NEWSROOM_SITE_NAME}: News Feed"
    description = "Articles, briefs, quotes and videos as they are published."

    def link(self):
        return reverse("home")

    def items(self, obj=None):
        return latest_items(self.item_limit)


NewsFeedAtomFeed = atom_variant(NewsFeedFeed)
