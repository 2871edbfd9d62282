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


@pytest.mark.django_db(transaction=True)
def test_after_an_outage_the_next_request_opens_a_fresh_connection(client):
    """A kept connection to a database that failed (a read-only or replaced SQLite file, a
    restarted server) is not reused for minutes, alternating 503s with pages."""
    from django.db import connection

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("Django never closes the in-memory test database; PostgreSQL runs it")
    article = ArticleFactory()
    client.get(article.get_absolute_url())
    kept = connection.connection
    down = OperationalError("attempt to write a readonly database")
    with mock.patch.object(CursorWrapper, "execute", side_effect=down):
        assert client.get(article.get_absolute_url()).status_code == 503
    assert connection.connection is None or connection.connection is not kept


def test_the_server_refuses_to_start_on_a_missing_sqlite_file(tmp_path):
    from tests.demo_site import DemoSite

    lost = tmp_path / "lost.sqlite3"
    refused = pytest.raises(RuntimeError, match=r"does not exist\. Run `python manage.py migrate`")
    with DemoSite(tmp_path, database_url=f"sqlite:///{lost}") as site, refused:
        site.python("-c", "import newsroom.wsgi")
    assert not lost.exists(), "no empty database was made"
