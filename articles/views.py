from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Article, Section
from .redirects import redirect_from_old_slug


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            return redirect_from_old_slug(kwargs["slug"])

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("section", "hero_photo")
            .prefetch_related("credits__author", "tags")
        )


class SectionView(ListView):
    template_name = "articles/section_detail.html"
    paginate_by = 20

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return (
            Article.objects.published()
            .filter(section=self.section)
            .select_related("section", "hero_photo")
            .prefetch_related("credits__author")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)
