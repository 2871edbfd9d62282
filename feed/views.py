from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles.models import Article, Section, with_bylines
from articles.views import ItemPageView
from newsroom import kinds
from newsroom.pagecache import cached_fragment
from newsroom.search import normalized, search
from newsroom.stream import LatestItems, render_stream, render_updates
from newsroom.views import bad_request

from .models import Brief, Quote, Video

FEED_STRIP_LENGTH = 8
TOP_STORIES = 4
LATEST_PER_SECTION = 3
SEARCH_PAGE_SIZE = 20
# More digits than any real page number; longer ones would overflow the database's OFFSET.
MAX_PAGE_DIGITS = 6


class UnknownKind(ValueError):
    pass


def news_feed_filters(request):
    """The News Feed's ?kind= and ?tag= as stream filters, and the tag (or None).
    UnknownKind for a kind there is none of; Http404 for a tag there is none of."""
    kind = request.GET.get("kind", "")
    if kind and kind not in kinds.names():
        raise UnknownKind(kind)
    tag_slug = request.GET.get("tag", "")
    tag = get_object_or_404(Tag, slug=tag_slug) if tag_slug else None
    filters = {"kinds": (kind,) if kind else None}
    if tag:
        filters["tags__slug"] = tag.slug
    return filters, tag


def unknown_kind(request):
    plurals = get_text_list([str(choice.plural) for choice in kinds.registered()], gettext("and"))
    return bad_request(
        request, message=gettext("The News Feed has %(kinds)s only.") % {"kinds": plurals}
    )


@require_safe
def feed_list(request):
    try:
        filters, tag = news_feed_filters(request)
    except UnknownKind:
        return unknown_kind(request)
    kind = request.GET.get("kind", "")
    live_query = urlencode(
        {name: value for name, value in request.GET.items() if name in ("kind", "tag")}
    )
    return render_stream(
        request,
        "feed/feed_list.html",
        {
            "kind": kind,
            "tag": tag,
            "kinds": kinds.registered(),
            "live_url": reverse("feed:updates") + (f"?{live_query}" if live_query else ""),
        },
        **filters,
    )


@require_safe
def feed_updates(request):
    """What the News Feed (or its ?kind= / ?tag= view) has new since ?since=."""
    try:
        filters, _tag = news_feed_filters(request)
    except UnknownKind:
        return unknown_kind(request)
    return render_updates(request, **filters)


@require_safe
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    live_url = reverse("feed:updates") + "?" + urlencode({"tag": tag.slug})
    return render_stream(
        request, "feed/tag_detail.html", {"tag": tag, "live_url": live_url}, tags__slug=tag.slug
    )


@require_safe
def search_view(request):
    query = normalized(request.GET.get("q", ""))
    page_number = request.GET.get("page", "1")
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    if (
        not (page_number.isascii() and page_number.isdigit())
        or len(page_number) > MAX_PAGE_DIGITS
        or int(page_number) < 1
    ):
        raise Http404(gettext("No such page of results."))
    results = search(query, page=int(page_number), per_page=SEARCH_PAGE_SIZE) if query else None
    if results is not None and results.number > results.pages and results.number > 1:
        raise Http404(gettext("No such page of results."))
    return render(
        request,
        "feed/search.html",
        {
            "query": query,
            "results": results,
            "feed_items": [] if results and results.items else LatestItems(FEED_STRIP_LENGTH),
        },
    )


def front_page():
    """The pks the front page shows: the lead and top stories (the newest featured
    articles, else the newest article), and each section's latest articles besides."""
    featured = Article.objects.published().in_edition().values_list("pk", flat=True)
    top = list(featured.filter(is_featured=True)[: TOP_STORIES + 1]) or list(featured[:1])
    return top, Section.objects.latest_article_pks(LATEST_PER_SECTION, exclude=top)


@require_safe
def home(request):
    # Which articles go where changes only when an article is published, moved or
    # withdrawn: kept as a fragment, a redrawn front page loads just the articles.
    top, latest = cached_fragment("front-page", front_page)
    articles = (
        Article.objects.select_related("section", "hero_photo")
        .prefetch_related(with_bylines())
        .published_in_bulk([*top, *(pk for pks in latest.values() for pk in pks)])
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


class QuoteDetailView(ItemPageView):
    template_name = "feed/quote_detail.html"

    def get_queryset(self):
        return Quote.objects.published().select_related("source_article").prefetch_related("tags")


class VideoDetailView(ItemPageView):
    template_name = "feed/video_detail.html"

    def get_queryset(self):
        return Video.objects.published().select_related("thumbnail").prefetch_related("tags")


class BriefDetailView(ItemPageView):
    template_name = "feed/brief_detail.html"

    def get_queryset(self):
        return Brief.objects.published().select_related("photo").prefetch_related("tags", "authors")
