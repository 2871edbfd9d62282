"""
RSS 2.0 and Atom generators with what news readers expect beyond Django's defaults:
every author, the full body (`content:encoded` / Atom `content`) and the hero image
(`media:content` plus an RSS enclosure).
"""

import re

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"

ROOT_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


def absolutize_urls(html, base_url):
    """Rewrite root-relative href/src attributes so the HTML works outside the site."""
    return ROOT_RELATIVE_URL.sub(lambda m: f'{m.group(1)}{base_url}{m.group(2)}"', html)


class NewsRssFeed(Rss201rev2Feed):
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


class NewsAtomFeed(Atom1Feed):
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


def atom_variant(feed_class):
    """The same feed as Atom 1.0, with the subtitle Atom wants."""
    return type(
        f"{feed_class.__name__}Atom",
        (feed_class,),
        {"feed_type": NewsAtomFeed, "subtitle": feed_class.description},
    )
