from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from newsroom.stream import STRIP_LENGTH, LatestItems, render_stream

from .models import Article, Section


def for_article_page(articles):
    """The article with its section and photo; the page loads the rest when it needs it
    (Article.with_details, related_teasers): a cached fragment of the page may not."""
    return articles.select_related("section", "hero_photo")


def article_page_context(article):
    return {"feed_items": LatestItems(STRIP_LENGTH)}


class ArticleDetailView(DetailView):
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
