"""Drafts and scheduled items are invisible to readers on every page and list."""

import pytest
from django.urls import reverse

from tests.pages import build_newsroom

pytestmark = pytest.mark.django_db

LIST_PAGES = [
    reverse("home"),
    reverse("feed:list"),
    reverse("feed:list") + "?kind=article",
    reverse("articles:section", kwargs={"slug": "world"}),
    reverse("feed:tag", kwargs={"slug": "climate"}),
    reverse("authors:detail", kwargs={"slug": "marta"}),
    reverse("feed:search") + "?q=zebra",
]


@pytest.fixture
def newsroom():
    return build_newsroom(3)


@pytest.mark.parametrize("url", LIST_PAGES)
def test_lists_never_show_drafts_or_scheduled_items(client, newsroom, url):
    html = client.get(url).content.decode()
    for item in newsroom["hidden"]:
        assert item.get_absolute_url() not in html
    assert "Hidden zebra" not in html


def test_their_own_pages_are_404_for_readers(client, newsroom):
    for item in newsroom["hidden"]:
        assert client.get(item.get_absolute_url()).status_code == 404


def test_search_finds_nothing_unpublished(client, newsroom):
    html = client.get(reverse("feed:search"), {"q": "zebra"}).content.decode()
    assert "Nothing found for “zebra”" in html
