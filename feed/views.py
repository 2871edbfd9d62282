from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.generic import DetailView
from taggit.models import Tag

from articles.models import Article, Section
from newsroom.pagecache import cached_fragment
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


def front_page():
    """The pks the front page shows: the lead and top stories (the newest featured
    articles, else the newest article), and each section's latest articles besides."""
    featured = Article.objects.published().values_list("pk", flat=True)
    top = list(featured.filter(is_featured=True)[: TOP_STORIES + 1]) or list(featured[:1])
    return top, Section.objects.latest_article_pks(LATEST_PER_SECTION, exclude=top)


@require_safe
def home(request):
    # Which articles go where changes only when an article is published, moved or
    # withdrawn: kept as a fragment, a redrawn front page loads just the articles.
    top, latest = cached_fragment("front-page", front_page)
    articles = Article.objects.select_related("section", "hero_photo").published_in_bulk(
        [*top, *(pk for pks in latest.values() for pk in pks)]
    )
    featured = [articles[pk] for pk in top if pk in articles]
    sections = list(Section.objects.all())
    for section in sections:
        section.latest_articles = [
            articles[pk] for pk in latest.get(section.pk, ()) if pk in articles
        ]
    return render(
        request,
        "feed/home.html",
        {
            "lead": featured[0] if featured else None,
            "top_stories": featured[1:],
            "sections": sections,
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
