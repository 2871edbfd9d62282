"""
Old article addresses keep working: when a published article's slug changes, the old
slug is remembered and the detail view answers it with a permanent redirect.
"""

from django.http import Http404, HttpResponsePermanentRedirect

from .models import Article, ArticleSlugHistory


def remember_old_slug(article, old_slug):
    """Record that `article` used to live at `old_slug`."""
    # The article may have gone back to a slug it had before: that one must not redirect.
    ArticleSlugHistory.objects.filter(old_slug=article.slug).delete()
    ArticleSlugHistory.objects.update_or_create(old_slug=old_slug, defaults={"article": article})


def redirect_from_old_slug(slug):
    """A 301 to the live article that once had `slug`; Http404 when there is none."""
    history = (
        ArticleSlugHistory.objects.filter(old_slug=slug, article__in=Article.objects.published())
        .select_related("article")
        .first()
    )
    if history is None:
        raise Http404("No article at this address.")
    return HttpResponsePermanentRedirect(history.article.get_absolute_url())
