"""Drafts and scheduled items are invisible to readers on every page and list."""

import pytest

from tests import pages
from tests.newsroom_data import build_newsroom

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    return build_newsroom(3)


@pytest.mark.parametrize("page", pages.pages(is_list=True), ids=lambda page: page.name)
def test_lists_never_show_drafts_or_scheduled_items(client, newsroom, page):
    response = client.get(pages.url(page, {**newsroom, "search": "zebra"}))
    assert response.status_code == 200
    html = response.content.decode()
    for item in newsroom["hidden"]:
        assert item.get_absolute_url() not in html
    assert "Hidden zebra" not in html


def test_their_own_pages_are_404_for_readers(client, newsroom):
    for item in newsroom["hidden"]:
        assert client.get(item.get_absolute_url()).status_code == 404
