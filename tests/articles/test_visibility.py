from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from feed.models import Quote, Video
from tests.factories import ArticleFactory, QuoteFactory, VideoFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "model"), [(ArticleFactory, Article), (QuoteFactory, Quote), (VideoFactory, Video)]
)
def test_published_lists_only_live_items(factory, model):
    live = factory()
    factory(draft=True)
    factory(scheduled=True)
    factory(status=Status.REVIEW, published_at=timezone.now() - timedelta(days=1))
    factory(status=Status.UNPUBLISHED)

    assert list(model.objects.published()) == [live]


def test_scheduled_article_appears_once_its_time_passes(client, time_machine):
    article = ArticleFactory(published_at=timezone.now() + timedelta(minutes=30))
    url = reverse("articles:detail", kwargs={"slug": article.slug})

    assert client.get(url).status_code == 404
    assert article not in Article.objects.published()
    assert article in Article.objects.scheduled()

    time_machine.move_to(timezone.now() + timedelta(minutes=31))

    assert client.get(url).status_code == 200
    assert article in Article.objects.published()


def test_draft_article_is_a_404_for_readers(client):
    article = ArticleFactory(draft=True)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404


def test_default_manager_keeps_drafts_for_the_admin():
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)
    assert Article.objects.count() == 2


def test_publishing_without_a_time_stamps_it_now():
    article = ArticleFactory.build(status=Status.PUBLISHED, published_at=None)
    article.clean()
    assert article.published_at is not None
    assert article.published_at <= timezone.now()
