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


def test_a_database_file_lost_while_serving_is_a_503_and_never_made_again_empty(tmp_path):
    """SQLite would make an empty file at the path on the next connection: a newsroom with
    no tables, which a restart would then serve as if nothing were wrong."""
    import shutil
    import urllib.error
    import urllib.request

    from tests.demo_site import DemoSite

    def status(server):
        try:
            with urllib.request.urlopen(server.origin + "/", timeout=10) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    database = tmp_path / "db.sqlite3"
    kept = tmp_path / "kept.sqlite3"
    # A connection per request, as after a worker restart: each opens the file anew.
    settings = {"DATABASE_CONN_MAX_AGE": "0", "PAGE_CACHE": "false"}
    with DemoSite(tmp_path, workers=1, access_log=False, env=settings) as site:
        site.migrate()
        site.collectstatic()
        shutil.copy(database, kept)
        with site.serve() as server:
            assert status(server) == 200
            for lost in tmp_path.glob("db.sqlite3*"):
                lost.unlink()
            assert status(server) == 503
            assert not database.exists(), "no empty database was made"
            shutil.copy(kept, database)
            assert status(server) == 200, "the restored file is served without a restart"
