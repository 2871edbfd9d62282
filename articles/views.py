from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from newsroom.stream import STRIP_LENGTH, LatestItems, render_stream, render_updates

from .models import Article, LiveState, Section

# The newest key events listed at the top of a live blog.
LIVE_KEY_EVENTS = 20
# How a live blog's entries are drawn in its stream (and in a live update of it).
LIVE_ENTRY_TEMPLATE = "feed/_live_entry.html"


class ItemPageView(DetailView):
    """The page of one item (article, brief, quote, video), which lives in its own
    edition: asked for under the other one's address (/uk/… for an English story), it
    sends the reader to its own."""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.language != request.LANGUAGE_CODE:
            return HttpResponsePermanentRedirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        # The base template names the item's versions in the other editions.
        return super().get_context_data(edition_item=self.object, **kwargs)


def for_article_page(articles):
    """The article with its section and photo; the page loads the rest when it needs it
    (Article.with_details, related_teasers): a cached fragment of the page may not."""
    return articles.select_related("section", "hero_photo")


def article_page_context(article):
    return {"feed_items": LatestItems(STRIP_LENGTH)}


def live_blog_entries(article):
    """The stream of a live blog's entries (newsroom.stream lookups), newest first; the
    pinned summary stands above it, not in it."""
    return {"kinds": ("brief",), "live_blog": article, "is_pinned": False}


def live_blog_context(article):
    """The pinned summary and the key events over a live blog's entries, fetched on first
    use: the script's "Show More" asks for the entries alone."""
    return {
        "live_summary": LatestItems(1, kinds=("brief",), live_blog=article, is_pinned=True),
        "live_key_events": LatestItems(
            LIVE_KEY_EVENTS, kinds=("brief",), live_blog=article, is_key_event=True
        ),
        "teaser_template": LIVE_ENTRY_TEMPLATE,
        # Until it ends, the page takes in new entries by itself (static/js/site.js).
        "live_url": reverse("articles:live-updates", kwargs={"slug": article.slug})
        if article.live_state != LiveState.ENDED
        else "",
    }


@require_safe
def live_blog_updates(request, slug):
    """What a live blog has new since ?since=, for its open pages (newsroom.stream)."""
    article = get_object_or_404(
        Article.objects.published().filter(live_starts_at__isnull=False), slug=slug
    )
    return render_updates(
        request, teaser_template=LIVE_ENTRY_TEMPLATE, **live_blog_entries(article)
    )


class ArticleDetailView(ItemPageView):
    """An article for readers; editors who may change articles also see drafts (preview)."""

    template_name = "articles/article_detail.html"

    def can_preview(self):
        return self.request.user.has_perm("articles.change_article")

    def get_queryset(self):
        articles = Article.objects.all() if self.can_preview() else Article.objects.published()
        return for_article_page(articles)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**article_page_context(self.object), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        if self.object.is_live_blog:
            # A live blog is the article over its entries, cut into "Show More" pages.
            context = {**context, **live_blog_context(self.object)}
            response = render_stream(
                self.request, self.template_name, context, **live_blog_entries(self.object)
            )
        else:
            response = super().render_to_response(context, **response_kwargs)
        if self.can_preview():
            # Editors' views may show unpublished text: no shared or browser cache may keep them.
            add_never_cache_headers(response)
        return response


@require_safe
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    return render_stream(
        request,
        "articles/section_detail.html",
        {"section": section, "feed_items": LatestItems(STRIP_LENGTH)},
        kinds=("article",),
        section=section,
    )
