from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from newsroom.stream import STRIP_LENGTH, LatestItems, render_stream

from .models import Author


@require_safe
def author_detail(request, slug):
    """The author's card with the full bio, then their published articles, newest first."""
    author = get_object_or_404(Author, slug=slug)
    return render_stream(
        request,
        "authors/author_detail.html",
        {"author": author, "feed_items": LatestItems(STRIP_LENGTH)},
        kinds=("article",),
        credits__author=author,
    )
