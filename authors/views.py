from django.views.generic import DetailView

from .models import Author

AUTHOR_PAGE_ARTICLES = 20


class AuthorDetailView(DetailView):
    model = Author
    template_name = "authors/author_detail.html"

    def get_context_data(self, **kwargs):
        articles = self.object.articles.published().select_related("section")
        return super().get_context_data(articles=articles[:AUTHOR_PAGE_ARTICLES], **kwargs)
