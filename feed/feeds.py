"""The News Feed itself as RSS and Atom: articles, quotes and videos, each reading well."""

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import Truncator

from articles.feeds import LatestArticlesFeed, article_guid, photo_details
from newsroom.syndication import atom_variant

from .stream import latest_items


class NewsFeedFeed(LatestArticlesFeed):
    title = f"{settings.NEWSROOM_SITE_NAME}: News Feed"
    description = "Articles, quotes and videos as they are published."

    def link(self):
        return reverse("home")

    def items(self, obj=None):
        return latest_items(self.item_limit)

    def item_link(self, item):
        return item.object.get_absolute_url()

    def item_title(self, item):
        if item.kind == "quote":
            words = Truncator(item.object.text).words(14)
            return f"{item.object.speaker}: \u201c{words}\u201d"
        if item.kind == "video":
            return f"Video: {item.object.title}"
        return item.object.headline

    def item_description(self, item):
        if item.kind == "quote":
            context = f", {item.object.context}" if item.object.context else ""
            return escape(f"\u201c{item.object.text}\u201d \u2014 {item.object.speaker}{context}")
        if item.kind == "video":
            return escape(item.object.teaser)
        return super().item_description(item.object)

    def item_guid(self, item):
        if item.kind == "article":
            return article_guid(item.object)
        return f"urn:newsroom:{item.kind}:{item.object.pk}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.object.updated_at, item.published_at)

    def item_author_name(self, item):
        if item.kind == "article":
            return super().item_author_name(item.object)
        return None

    def item_categories(self, item):
        if item.kind == "article":
            return super().item_categories(item.object)
        return [item.kind.capitalize()]

    def item_enclosures(self, item):
        if item.kind == "article":
            return super().item_enclosures(item.object)
        return []

    def item_extra_kwargs(self, item):
        if item.kind == "article":
            return super().item_extra_kwargs(item.object)
        if item.kind == "video":
            return {"image": photo_details(item.object.thumbnail, self.absolute)}
        return {}


NewsFeedAtomFeed = atom_variant(NewsFeedFeed)
