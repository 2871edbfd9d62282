"""
RSS 2.0 and Atom generators with what news readers expect beyond Django's defaults:
every author, the full body (`content:encoded` / Atom `content`) and the hero image
(`media:content` plus an RSS enclosure).
"""

import re

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from . import kinds
from .sanitize import xml_text

MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"

ROOT_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


def absolutize_urls(html, base_url):
    """Rewrite root-relative href/src attributes so the HTML works outside the site."""
    return ROOT_RELATIVE_URL.sub(lambda m: f'{m.group(1)}{base_url}{m.group(2)}"', html)


def _xml_safe(value):
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(part) for part in value)
    if isinstance(value, dict):
        return {key: _xml_safe(part) for key, part in value.items()}
    return value


class XmlSafeFeed:
    """Drops from a feed's text what XML cannot carry, whatever the database holds:
    Django's XML writer refuses such a character, and the whole feed with it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*_xml_safe(args), **_xml_safe(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*_xml_safe(args), **_xml_safe(kwargs))


class NewsRssFeed(XmlSafeFeed, Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
            "xmlns:media": MEDIA_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("creators", []):
            handler.addQuickElement("dc:creator", name)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        add_media_content(handler, item.get("image"))


class NewsAtomFeed(XmlSafeFeed, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("creators", []):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        add_media_content(handler, item.get("image"))


def add_media_content(handler, image):
    if not image:
        return
    attributes = {"url": image["url"], "medium": "image"}
    if image.get("type"):
        attributes["type"] = image["type"]
    if image.get("width"):
        attributes["width"] = str(image["width"])
        attributes["height"] = str(image["height"])
    handler.startElement("media:content", attributes)
    if image.get("description"):
        handler.addQuickElement("media:description", image["description"])
    if image.get("credit"):
        handler.addQuickElement("media:credit", image["credit"])
    handler.endElement("media:content")


class NewsFeed(Feed):
    """A feed view that is instantiated per request, so it can remember the request safely."""

    feed_type = NewsRssFeed
    item_limit = 30

    @classmethod
    def as_view(cls):
        def view(request, *args, **kwargs):
            feed = cls()
            feed.request = request
            return feed(request, *args, **kwargs)

        view.feed_class = cls
        return view

    def absolute(self, url):
        return self.request.build_absolute_uri(url)


def guid(item):
    """A feed id naming the item's kind and id, not its address: stable across edits and
    slug changes."""
    return f"urn:newsroom:{item._meta.model_name}:{item.pk}"


class FeedEntry(NewsFeed):
    """How one item of a kind reads in a feed; a kind's registered `feed_entry`.

    The defaults suit any published item; a kind overrides what it has more of (title,
    authors, body, picture).
    """

    item_guid_is_permalink = False

    def item_guid(self, item):
        return guid(item)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_author_name(self, item):
        return None

    def item_categories(self, item):
        return [str(item._meta.verbose_name).capitalize()]

    def item_enclosures(self, item):
        return []

    def item_extra_kwargs(self, item):
        return {}


class MixedFeed(NewsFeed):
    """A feed of stream items (newsroom.stream.FeedItem) of several kinds, each item read
    by its kind's registered FeedEntry."""

    item_guid_is_permalink = False

    def entry(self, item):
        entries = self.__dict__.setdefault("_entries", {})
        if item.kind not in entries:
            entry = kinds.get(item.kind).feed_entry()
            entry.request = self.request
            entries[item.kind] = entry
        return entries[item.kind]

    def item_link(self, item):
        return item.object.get_absolute_url()

    def item_title(self, item):
        return self.entry(item).item_title(item.object)

    def item_description(self, item):
        return self.entry(item).item_description(item.object)

    def item_guid(self, item):
        return self.entry(item).item_guid(item.object)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return self.entry(item).item_updateddate(item.object)

    def item_author_name(self, item):
        return self.entry(item).item_author_name(item.object)

    def item_categories(self, item):
        return self.entry(item).item_categories(item.object)

    def item_enclosures(self, item):
        return self.entry(item).item_enclosures(item.object)

    def item_extra_kwargs(self, item):
        return self.entry(item).item_extra_kwargs(item.object)


def atom_variant(feed_class):
    """The same feed as Atom 1.0, with the subtitle Atom wants."""
    return type(
        f"{feed_class.__name__}Atom",
        (feed_class,),
        {"feed_type": NewsAtomFeed, "subtitle": feed_class.description},
    )
