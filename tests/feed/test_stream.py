from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from newsroom.stream import latest_items
from tests.factories import (
    ArticleFactory,
    BriefFactory,
    PhotoFactory,
    QuoteFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db


def test_feed_interleaves_kinds_newest_first():
    now = timezone.now()
    article = ArticleFactory(published_at=now - timedelta(minutes=30))
    quote = QuoteFactory(published_at=now - timedelta(minutes=10))
    video = VideoFactory(published_at=now - timedelta(minutes=20))
    QuoteFactory(draft=True)
    VideoFactory(scheduled=True)

    items = latest_items(10)

    assert [(item.kind, item.object) for item in items] == [
        ("quote", quote),
        ("video", video),
        ("article", article),
    ]


@pytest.mark.parametrize("count", [1, 12])
def test_feed_query_count_does_not_grow_with_items(
    count, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """Two queries per kind (the positions, then the page's items with their photos and
    renditions), and the bylines of articles and briefs: ten for the four kinds, whatever
    the number of items."""
    with django_capture_on_commit_callbacks(execute=True):  # the photo's renditions
        photo = PhotoFactory()
    for _ in range(count):
        ArticleFactory(hero_photo=photo)
        QuoteFactory()
        VideoFactory(thumbnail=photo)
        BriefFactory(photo=photo)
    with django_assert_num_queries(10):
        items = latest_items(4 * count)
        assert len(items) == 4 * count
        for item in items:
            if item.kind == "article":
                assert item.object.section.name
                assert item.object.hero_photo.renditions
            if item.kind == "video":
                assert item.object.thumbnail.renditions
            if item.kind == "brief":
                assert item.object.photo.renditions


def test_loading_items_by_pk_keeps_only_what_readers_may_see():
    live = ArticleFactory()
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True)
    found = Article.objects.published_in_bulk([live.pk, draft.pk, scheduled.pk])
    assert list(found) == [live.pk]
