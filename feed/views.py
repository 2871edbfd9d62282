from django.shortcuts import render
from django.views.generic import DetailView

from articles.models import Article

from .models import Quote, Video
from .stream import latest_items

HOME_FEED_LENGTH = 30


def home(request):
    lead = (
        Article.objects.published()
        .select_related("section", "hero_photo")
        .prefetch_related("credits__author")
        .order_by("-is_featured", "-published_at", "-id")
        .first()
    )
    return render(
        request, "feed/home.html", {"lead": lead, "items": latest_items(HOME_FEED_LENGTH)}
    )


class QuoteDetailView(DetailView):
    template_name = "feed/quote_detail.html"

    def get_queryset(self):
        return Quote.objects.published().select_related("source_article")


class VideoDetailView(DetailView):
    template_name = "feed/video_detail.html"

    def get_queryset(self):
        return Video.objects.published().select_related("thumbnail")
