from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.generic import DetailView
from taggit.models import Tag

from articles.models import Article, Section
from newsroom.views import bad_request

from .models import Quote, Video
from .stream import KINDS, InvalidCursor, LatestItems, feed_page

FEED_PAGE_SIZE = 20
FEED_STRIP_LENGTH = 8
TOP_STORIES = 4
LATEST_PER_SECTION = 3


def render_stream(request, template_name, context, **filters):
    """
    A cursor-paginated list page: the whole page, or with ?partial=1 only the items and
    the next "Show More" link, which the page's script appends in place.
    """
    try:
        page = feed_page(cursor=request.GET.get("cursor", ""), limit=FEED_PAGE_SIZE, **filters)
    except InvalidCursor:
        return bad_request(request, message="That “Show More” link is broken or out of date.")
    context = {**context, "page": page}
    if request.GET.get("partial") == "1":
        return render(request, "feed/_stream_page.html", context)
    return render(request, template_name, context)


@require_safe
def feed_list(request):
    kind = request.GET.get("kind", "")
    if kind and kind not in KINDS:
        return bad_request(request, message="The News Feed has articles, quotes and videos only.")
    tag_slug = request.GET.get("tag", "")
    tag = get_object_or_404(Tag, slug=tag_slug) if tag_slug else None
    return render_stream(
        request,
        "feed/feed_list.html",
        {"kind": kind, "tag": tag, "kinds": KINDS},
        kinds=(kind,) if kind else None,
        tag=tag.slug if tag else None,
    )


@require_safe
def home(request):
    featured = list(
        Article.objects.published()
        .filter(is_featured=True)
        .select_related("section", "hero_photo")[: TOP_STORIES + 1]
    )
    if not featured:
        featured = list(Article.objects.published().select_related("section", "hero_photo")[:1])
    lead, top_stories = (featured[0], featured[1:]) if featured else (None, [])
    shown = [article.pk for article in featured]
    return render(
        request,
        "feed/home.html",
        {
            "lead": lead,
            "top_stories": top_stories,
            "sections": Section.objects.with_latest(LATEST_PER_SECTION, exclude=shown),
            "items": LatestItems(FEED_STRIP_LENGTH),
        },
    )


class QuoteDetailView(DetailView):
    template_name = "feed/quote_detail.html"

    def get_queryset(self):
        return Quote.objects.published().select_related("source_article").prefetch_related("tags")


class VideoDetailView(DetailView):
    template_name = "feed/video_detail.html"

    def get_queryset(self):
        return Video.objects.published().select_related("thumbnail").prefetch_related("tags")
