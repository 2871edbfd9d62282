from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_readers_get_a_503_while_the_database_is_away_and_the_page_once_it_is_back(client):
    article = ArticleFactory(headline="Bridge reopens")
    down = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(CursorWrapper, "execute", side_effect=down):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "Back in a moment" in response.text
    assert "OperationalError" not in response.text

    recovered = client.get(article.get_absolute_url())
    assert recovered.status_code == 200
    assert "Bridge reopens" in recovered.text
