"""The versions cache's database backend (newsroom.pagecache.backends): Django's rows,
read with less work, on SQLite and PostgreSQL alike."""

import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.pagecache.backends import DatabaseCache

pytestmark = pytest.mark.django_db(transaction=True)


TABLE = "newsroom_cache_versions"


@pytest.fixture
def versions():
    # The backend itself: with REDIS_URL the site's versions live in Redis (and migrate
    # makes no table), but this is still what a site without Redis reads and writes.
    if TABLE not in connection.introspection.table_names():
        call_command("createcachetable", TABLE, verbosity=0)
    cache = DatabaseCache(TABLE, {"TIMEOUT": None})
    cache.clear()
    yield cache
    cache.clear()


def test_it_reads_what_django_wrote_whatever_the_value(versions):
    values = {"epoch": "3f2a", "count": 7, "stamp": 1764590400.5, "tags": {"a": "b"}, "none": None}
    versions.set_many(values, timeout=None)
    assert versions.get_many([*values, "missing"]) == values
    assert versions.get("epoch") == "3f2a"
    assert versions.get("missing", "default") == "default"
    assert versions.get_many([]) == {}


def test_an_expired_entry_is_not_read_and_is_removed(versions):
    versions.set("short", "x", timeout=1)
    versions.set("kept", "y", timeout=None)
    assert versions.get("short") == "x"
    time.sleep(2.1)
    assert versions.get_many(["short", "kept"]) == {"kept": "y"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM newsroom_cache_versions")
        keys = [row[0] for row in cursor.fetchall()]
    assert not any(key.endswith(":short") for key in keys)


def test_its_read_is_one_query_and_counted_where_queries_are_recorded(versions):
    versions.set_many({"epoch": "e1", "version:list:articles.article": "v1"}, timeout=None)
    with CaptureQueriesContext(connection) as queries:
        found = versions.get_many(["epoch", "version:list:articles.article"])
    assert found == {"epoch": "e1", "version:list:articles.article": "v1"}
    assert len(queries) == 1
    assert "newsroom_cache_versions" in queries[0]["sql"]


def test_many_keys_are_written_in_one_statement_after_one_count(versions):
    versions.set("epoch", "old", timeout=None)
    tags = {f"version:articles.article:{pk}": f"v{pk}" for pk in range(700)}
    with CaptureQueriesContext(connection) as queries:
        versions.set_many({"epoch": "new", **tags}, timeout=None)
    writes = [q["sql"] for q in queries.captured_queries if "newsroom_cache_versions" in q["sql"]]
    # One count (to cull a full table), then the rows in batches of 300.
    assert len(writes) == 1 + 3, writes
    assert versions.get("epoch") == "new", "an existing key is overwritten"
    assert versions.get_many(list(tags)) == tags


def test_a_full_table_is_culled_as_django_culls_it(versions, monkeypatch):
    monkeypatch.setattr(versions, "_max_entries", 10)
    versions.set_many({f"key{n}": n for n in range(30)}, timeout=None)
    versions.set_many({"last": "kept"}, timeout=None)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM newsroom_cache_versions")
        assert cursor.fetchone()[0] < 31
    assert versions.get("last") == "kept"
