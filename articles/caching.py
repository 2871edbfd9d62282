"""
How changes to articles and what they show reach cached pages: the rows the page cache
tracks, the editor's picks (a relation without a row of its own), and the public
addresses a CDN is told to purge when an article changes.
"""

from django.db.models.signals import m2m_changed
from django.urls import reverse
from taggit.models import Tag, TaggedItem

from newsroom import pagecache

from .models import Article, ArticleAuthor, Correction, Photo, Section


def refresh_pages_with_new_picks(sender, instance, action, pk_set, **kwargs):
    """The editor's picks show on the article's page; changing them redraws it."""
    if action in ("post_add", "post_remove", "post_clear"):
        # Either side may show the pairing (reverse adds, symmetrical relations).
        pks = {instance.pk, *(pk_set or ())}
        pagecache.invalidate({pagecache.object_tag(Article, pk) for pk in pks})


def pages_showing_article(article):
    """The article lists beyond the mixed pages: its section's, its authors', the feeds."""
    byline = [credit.author for credit in article.credits.select_related("author")]
    # A draft may have no section yet.
    section = article.section
    return [
        reverse("articles:feed-rss"),
        reverse("articles:feed-atom"),
        reverse("articles:feed-json"),
        reverse("news-sitemap"),
        *(
            (
                section.get_absolute_url(),
                reverse("articles:section-rss", kwargs={"slug": section.slug}),
            )
            if section
            else ()
        ),
        *(author.get_absolute_url() for author in byline),
        *(reverse("articles:author-rss", kwargs={"slug": author.slug}) for author in byline),
    ]


def register():
    # Articles themselves are tracked as a kind (see apps.py).
    pagecache.track(Section)
    pagecache.track(Photo)
    pagecache.track(ArticleAuthor, parent="article")
    pagecache.track(Correction, parent="article")
    # Every kind is tagged, and tags belong to the publishing base defined here.
    pagecache.track(Tag)
    pagecache.track(TaggedItem, parent="content_object")
    pagecache.shown_at(pages_showing_article, models=[Article])
    m2m_changed.connect(
        refresh_pages_with_new_picks,
        sender=Article.related_articles.through,
        dispatch_uid="articles.picks",
    )
