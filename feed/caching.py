"""The pages of this app that show items of every kind, for purging a CDN when one changes."""

from django.urls import reverse

from newsroom import kinds, pagecache

from .models import Brief


def mixed_pages_showing(item):
    """Home, the News Feed and its feeds, and the item's tag pages show every kind."""
    if kinds.of(item) is None:
        return []
    return [
        reverse("home"),
        reverse("feed:list"),
        reverse("feed:rss"),
        reverse("feed:atom"),
        *(reverse("feed:tag", kwargs={"slug": tag.slug}) for tag in item.tags.all()),
    ]


def live_blog_pages_showing(brief):
    """A live blog's entry shows on the live blog's page and in its feed."""
    article = brief.live_blog
    if article is None:
        return []
    return [
        article.get_absolute_url(),
        reverse("articles:live-rss", kwargs={"slug": article.slug}),
    ]


def register():
    pagecache.shown_at(mixed_pages_showing)
    pagecache.shown_at(live_blog_pages_showing, models=[Brief])
