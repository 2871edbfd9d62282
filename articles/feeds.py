"""RSS, Atom and JSON feeds of articles: the whole site, a section, an author, a tag."""

import mimetypes

from django.conf import settings
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language, gettext
from taggit.models import Tag

from authors.models import Author
from newsroom.stream import latest_items
from newsroom.syndication import FeedEntry, MixedFeed, absolutize_urls, atom_variant, guid

from .models import Article, Section, with_bylines

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def feed_articles():
    return (
        Article.objects.published()
        .in_edition()
        .select_related("section", "hero_photo")
        # Into a list: taggit's manager builds a queryset for every article it fills.
        .prefetch_related(with_bylines(), Prefetch("tags", to_attr="tag_list"))
        .order_by("-published_at", "-id")
    )


def categories(article):
    # Tags come in a list from feed_articles(), by the manager in the News Feed's feeds.
    tags = getattr(article, "tag_list", None)
    if tags is None:
        tags = article.tags.all()
    return [article.section.translated("name"), *(tag.name for tag in tags)]


def photo_details(photo, absolute):
    url = photo.url if photo else None
    if not url:
        return None
    size = None
    if photo.image:
        try:
            size = photo.image.size
        except OSError:
            size = None
    return {
        "url": absolute(url),
        "type": mimetypes.guess_type(url)[0] or "image/jpeg",
        "length": size,
        "width": photo.width,
        "height": photo.height,
        "description": photo.alt_text,
        "credit": photo.credit,
    }


class LatestArticlesFeed(FeedEntry):
    """The site's latest articles; also how an article reads in the mixed News Feed."""

    def title(self):
        return gettext("%(site)s: latest news") % {"site": settings.NEWSROOM_SITE_NAME}

    def description(self):
        return gettext(settings.NEWSROOM_SITE_TAGLINE)

    def link(self):
        return reverse("home")

    def items(self, obj=None):
        return feed_articles()[: self.item_limit]

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        # RSS <description> and Atom <summary type="html"> are HTML to feed readers; the
        # standfirst is plain text, so a "<script>" typed in it must arrive as text.
        return escape(item.standfirst or item.seo_description)

    def item_author_name(self, item):
        # Atom and RSS each get every author through `creators`; this is only the first.
        byline = item.byline
        return byline[0].translated("name") if byline else None

    def item_categories(self, item):
        return categories(item)

    def item_image(self, item):
        """The article's photo as feeds describe it, worked out once for both uses."""
        if "feed_image" not in item.__dict__:
            item.feed_image = photo_details(item.hero_photo, self.absolute)
        return item.feed_image

    def item_enclosures(self, item):
        from django.utils.feedgenerator import Enclosure

        image = self.item_image(item)
        if not image or image["length"] is None:
            return []
        return [Enclosure(image["url"], str(image["length"]), image["type"])]

    def item_extra_kwargs(self, item):
        base = self.absolute("/").rstrip("/")
        return {
            "creators": [author.translated("name") for author in item.byline],
            "content_html": absolutize_urls(item.body, base),
            "image": self.item_image(item),
        }


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, obj):
        return gettext("%(site)s: %(name)s") % {
            "site": settings.NEWSROOM_SITE_NAME,
            "name": obj.translated("name"),
        }

    def description(self, obj):
        return obj.translated("description") or gettext("The latest from %(section)s.") % {
            "section": obj.translated("name")
        }

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return feed_articles().filter(section=obj)[: self.item_limit]


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, obj):
        return gettext("%(site)s: %(name)s") % {
            "site": settings.NEWSROOM_SITE_NAME,
            "name": obj.translated("name"),
        }

    def description(self, obj):
        return gettext("The latest articles by %(author)s.") % {"author": obj.translated("name")}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return feed_articles().filter(credits__author=obj)[: self.item_limit]


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj):
        return gettext("%(site)s: %(name)s") % {
            "site": settings.NEWSROOM_SITE_NAME,
            "name": obj.name,
        }

    def description(self, obj):
        return gettext("The latest articles tagged %(tag)s.") % {"tag": obj.name}

    def link(self, obj):
        return reverse("feed:tag", kwargs={"slug": obj.slug})

    def items(self, obj):
        return feed_articles().filter(tags=obj)[: self.item_limit]


class LiveBlogFeed(MixedFeed):
    """A live blog's entries, newest first, each linking to its place on the page."""

    def get_object(self, request, slug):
        return get_object_or_404(
            Article.objects.published(), slug=slug, live_starts_at__isnull=False
        )

    def title(self, obj):
        return gettext("%(site)s: %(name)s") % {
            "site": settings.NEWSROOM_SITE_NAME,
            "name": obj.headline,
        }

    def description(self, obj):
        return obj.standfirst or gettext("Live coverage: %(headline)s.") % {
            "headline": obj.headline
        }

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        self.live_blog = obj
        return latest_items(self.item_limit, kinds=("brief",), live_blog=obj)

    def item_link(self, item):
        return self.live_blog.get_entry_url(item.object)


LatestArticlesAtomFeed = atom_variant(LatestArticlesFeed)
SectionAtomFeed = atom_variant(SectionFeed)
AuthorAtomFeed = atom_variant(AuthorFeed)
TagAtomFeed = atom_variant(TagFeed)


def json_feed(request):
    """The site's latest articles as JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    absolute = request.build_absolute_uri
    base = absolute("/").rstrip("/")
    articles = list(feed_articles()[: LatestArticlesFeed.item_limit])
    items = []
    for article in articles:
        image = photo_details(article.hero_photo, absolute)
        item = {
            "id": guid(article),
            "url": absolute(article.get_absolute_url()),
            "title": article.headline,
            "content_html": absolutize_urls(article.body, base),
            "summary": article.standfirst,
            "date_published": article.published_at.isoformat(),
            "date_modified": max(article.updated_at, article.published_at).isoformat(),
            "authors": [
                {"name": author.translated("name"), "url": absolute(author.get_absolute_url())}
                for author in article.byline
            ],
            "tags": categories(article),
        }
        if image:
            item["image"] = image["url"]
        items.append(item)
    document = {
        "version": JSON_FEED_VERSION,
        "title": LatestArticlesFeed().title(),
        "description": LatestArticlesFeed().description(),
        "home_page_url": absolute(reverse("home")),
        "feed_url": absolute(reverse("articles:feed-json")),
        "language": get_language(),
        "items": items,
    }
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/feed+json; charset=utf-8"
    return response
