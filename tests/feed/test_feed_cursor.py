"""Cursor pagination of the News Feed: every item exactly once, in order, whatever the ties."""

from datetime import timedelta

import pytest
from django.core import signing
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, Section, Status
from feed.models import Brief, Quote, Video
from newsroom import kinds
from newsroom.stream import InvalidCursor, decode_cursor, encode_cursor, feed_page
from tests.factories import ArticleFactory, QuoteFactory, VideoFactory

pytestmark = pytest.mark.django_db

STATES = ("live", "draft", "scheduled")


def make_items(specs):
    """Bulk-create items from (kind, second, microsecond, state) specs; return the live ones
    as (published_at, kind, pk), the order the feed promises."""
    base = timezone.now().replace(microsecond=0) - timedelta(days=1)
    section = Section.objects.create(name="Property", slug="property")
    made = {kind: [] for kind in kinds.names()}
    for number, (kind, second, microsecond, state) in enumerate(specs):
        published_at = {
            "live": base + timedelta(seconds=second, microseconds=microsecond),
            "draft": None,
            "scheduled": timezone.now() + timedelta(days=1, seconds=second),
        }[state]
        fields = {
            "slug": f"{kind}-{number}",
            "status": Status.DRAFT if state == "draft" else Status.PUBLISHED,
            "published_at": published_at,
        }
        if kind == "article":
            made[kind].append(Article(headline="H", section=section, **fields))
        elif kind == "quote":
            made[kind].append(Quote(text="T", speaker="S", **fields))
        elif kind == "brief":
            made[kind].append(Brief(headline="B", body="<p>B</p>", **fields))
        else:
            made[kind].append(Video(title="V", video_url="https://example.com/v.mp4", **fields))
    Article.objects.bulk_create(made["article"])
    Quote.objects.bulk_create(made["quote"])
    Video.objects.bulk_create(made["video"])
    Brief.objects.bulk_create(made["brief"])
    live = [
        (item.published_at, kind, item.pk)
        for kind in kinds.names()
        for item in made[kind]
        if item.status == Status.PUBLISHED and item.published_at <= timezone.now()
    ]
    return sorted(live, reverse=True)


def walk(page_size, **filters):
    seen, cursor, pages = [], "", 0
    while True:
        page = feed_page(cursor=cursor, limit=page_size, **filters)
        seen.extend(item.position for item in page.items)
        pages += 1
        assert pages < 1000, "the walk must end"
        if not page.has_next:
            return seen
        cursor = page.next_cursor


item_specs = st.lists(
    st.tuples(
        st.sampled_from(kinds.names()),
        st.integers(0, 2),  # few distinct seconds: many equal timestamps
        st.sampled_from([0, 0, 0, 500]),  # whole seconds and fractions are stored differently
        st.sampled_from(("live", "live", "live", *STATES)),
    ),
    min_size=1,
    max_size=40,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(specs=item_specs, page_size=st.integers(1, 5))
def test_walking_the_feed_finds_every_live_item_once_in_order(specs, page_size):
    with transaction.atomic():
        expected = make_items(specs)
        assert walk(page_size) == expected
        transaction.set_rollback(True)


def test_a_filtered_walk_keeps_to_its_kind_and_tag():
    now = timezone.now() - timedelta(hours=1)
    tagged = [QuoteFactory(published_at=now) for _ in range(5)]
    for quote in tagged:
        quote.tags.add("Climate")
    QuoteFactory(published_at=now)
    VideoFactory(published_at=now).tags.add("Climate")
    ArticleFactory(published_at=now).tags.add("Climate")

    quotes = walk(2, kinds=("quote",), tags__slug="climate")

    assert [pk for _, _, pk in quotes] == sorted((q.pk for q in tagged), reverse=True)
    assert len(walk(2, tags__slug="climate")) == 7


def test_a_cursor_round_trips():
    position = (timezone.now(), "quote", 42)
    assert decode_cursor(encode_cursor(position)) == position


@pytest.mark.parametrize(
    "cursor",
    [
        "nonsense",
        "x" * 5000,
        signing.Signer(salt="another.salt").sign_object(["2025-01-01T00:00:00+00:00", "quote", 1]),
        signing.Signer(salt="feed.cursor").sign_object(["2025-01-01T00:00:00+00:00", "poll", 1]),
        signing.Signer(salt="feed.cursor").sign_object(["yesterday", "quote", 1]),
        signing.Signer(salt="feed.cursor").sign_object(["2025-01-01T00:00:00", "quote", 1]),
        signing.Signer(salt="feed.cursor").sign_object(["2025-01-01T00:00:00+00:00", "quote", "1"]),
        signing.Signer(salt="feed.cursor").sign_object({"a": 1}),
    ],
)
def test_cursors_not_made_by_the_site_are_refused(cursor):
    with pytest.raises(InvalidCursor):
        feed_page(cursor=cursor)


def test_a_tampered_cursor_is_refused():
    cursor = encode_cursor((timezone.now(), "quote", 1))
    payload, signature = cursor.rsplit(":", 1)
    with pytest.raises(InvalidCursor):
        decode_cursor(payload[:-1] + ("A" if payload[-1] != "A" else "B") + ":" + signature)
