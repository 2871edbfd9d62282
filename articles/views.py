from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django.views.generic import DetailView
from taggit.models import Tag

from feed.search import MAX_QUERY_LENGTH, search
from feed.stream import LatestItems
from feed.views import FEED_STRIP_LENGTH, render_stream

from .models import Article, Section
from .redirects import redirect_from_old_slug

SEARCH_PAGE_SIZE = 20
# More digits than any real page number; longer ones would overflow the database's OFFSET.
MAX_PAGE_DIGITS = 6
ARTICLE_FEED_STRIP = 6


def for_article_page(articles):
    """The article with its section and photo; the page loads the rest when it needs it
    (Article.with_details, related_teasers): a cached fragment of the page may not."""
    return articles.select_related("section", "hero_photo")


def article_page_context(article):
    return {"feed_items": LatestItems(ARTICLE_FEED_STRIP)}


class ArticleDetailView(DetailView):
    """An article for readers; editors who may change articles also see drafts (preview)."""

    template_name = "articles/article_detail.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            return redirect_from_old_slug(kwargs["slug"])

    def can_preview(self):
        return self.request.user.has_perm("articles.change_article")

    def get_queryset(self):
        articles = Article.objects.all() if self.can_preview() else Article.objects.published()
        return for_article_page(articles)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**article_page_context(self.object), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.can_preview():
            # Editors' views may show unpublished text: no shared or browser cache may keep them.
            add_never_cache_headers(response)
        return response


@require_safe
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    return render_stream(
        request, "articles/section_detail.html", {"section": section}, section=section
    )


@require_safe
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return render_stream(request, "articles/tag_detail.html", {"tag": tag}, tag=tag.slug)


@require_safe
def search_view(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    page_number = request.GET.get("page", "1")
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    if (
        not (page_number.isascii() and page_number.isdigit())
        or len(page_number) > MAX_PAGE_DIGITS
        or int(page_number) < 1
    ):
        raise Http404("No such page of results.")
    results = search(query, page=int(page_number), per_page=SEARCH_PAGE_SIZE) if query else None
    if results is not None and results.number > results.pages and results.number > 1:
        raise Http404("No such page of results.")
    return render(
        request,
        "articles/search.html",
        {
            "query": query,
            "results": results,
            "feed_items": [] if results and results.items else LatestItems(FEED_STRIP_LENGTH),
        },
    )
