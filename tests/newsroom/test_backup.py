"""`manage.py backup`: a consistent copy of a live SQLite database, and a restore from it."""

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from newsroom.management.commands.backup import backup_sqlite

BASE_DIR = Path(__file__).resolve().parents[2]


def manage(tmp_path, *args, database_url):
    """Run manage.py in a fresh process on the given database, as an operator would."""
    environment = {
        "PATH": os.environ["PATH"],
        "NEWSROOM_ENV_FILE": "/nonexistent",
        "DJANGO_SETTINGS_MODULE": "newsroom.test_settings",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    return subprocess.run(  # noqa: S603 - this project's manage.py, the test's arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def rows(path, sql):
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


STORIES = "SELECT slug, headline FROM articles_article ORDER BY slug"
POPULATE = """
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
section = SectionFactory(name="City", slug="city")
author = AuthorFactory(name="Ana Lopes", slug="ana")
for number in range(5):
    ArticleFactory(slug=f"story-{number}", headline=f"Story {number}", section=section,
                   authors=[author])
"""
DAMAGE = """
from articles.models import Article
Article.objects.filter(slug__in=["story-0", "story-1"]).delete()
Article.objects.filter(slug="story-2").update(headline="Overwritten by mistake")
"""


def test_backup_and_restore_round_trip(tmp_path):
    database = tmp_path / "site.sqlite3"
    url = f"sqlite:///{database}"
    for command in (["migrate", "--noinput"], ["shell", "-c", POPULATE]):
        done = manage(tmp_path, *command, database_url=url)
        assert done.returncode == 0, done.stderr
    before = rows(database, STORIES)
    assert len(before) == 5

    done = manage(tmp_path, "backup", "--output", f"{tmp_path}/backups/", database_url=url)
    assert done.returncode == 0, done.stderr
    (backup,) = (tmp_path / "backups").glob("site-*.sqlite3")
    assert f"Backed up {database} to {backup}" in done.stdout

    done = manage(tmp_path, "shell", "-c", DAMAGE, database_url=url)
    assert done.returncode == 0, done.stderr
    assert rows(database, STORIES) != before

    # The restore docs/operating.md describes: with the site stopped, put the copy in place.
    for leftover in (tmp_path / "site.sqlite3-wal", tmp_path / "site.sqlite3-shm"):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(backup, database)
    assert rows(database, STORIES) == before
    assert rows(database, "SELECT name FROM authors_author") == [("Ana Lopes",)]
    # The restored database is one the site runs on: nothing left to migrate.
    check = manage(tmp_path, "migrate", "--check", database_url=url)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_backup_is_consistent_while_writers_carry_on(tmp_path):
    """Every copy holds whole transactions only, taken while another connection writes."""
    live = tmp_path / "live.sqlite3"
    with sqlite3.connect(live) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, a INT, b INT)")
    stop = threading.Event()

    def write():
        # Each transaction adds a pair of rows that must always appear together.
        with sqlite3.connect(live, isolation_level=None) as writer:
            while not stop.is_set():
                writer.execute("BEGIN IMMEDIATE")
                writer.execute("INSERT INTO ledger (a, b) VALUES (1, 0)")
                writer.execute("INSERT INTO ledger (a, b) VALUES (0, 1)")
                writer.execute("COMMIT")

    thread = threading.Thread(target=write)
    thread.start()
    try:
        copies = [tmp_path / f"copy-{number}.sqlite3" for number in range(10)]
        for copy in copies:
            backup_sqlite(live, copy)
    finally:
        stop.set()
        thread.join()
    counts = [rows(copy, "SELECT count(*), sum(a), sum(b) FROM ledger")[0] for copy in copies]
    assert all(total % 2 == 0 and a == b for total, a, b in counts if total), counts
    assert rows(copies[-1], "PRAGMA journal_mode") == [("delete",)]


def test_an_existing_file_is_never_overwritten(tmp_path):
    database = tmp_path / "site.sqlite3"
    sqlite3.connect(database).close()
    target = tmp_path / "taken.sqlite3"
    target.write_text("keep me")
    done = manage(tmp_path, "backup", "--output", str(target), database_url=f"sqlite:///{database}")
    assert done.returncode == 1
    assert "already exists" in done.stderr
    assert target.read_text() == "keep me"


def test_postgresql_points_to_pg_dump(tmp_path):
    # The command stops before connecting, so no server is needed.
    done = manage(tmp_path, "backup", database_url="postgres://newsroom@127.0.0.1:1/newsroom")
    assert done.returncode == 1
    assert "pg_dump -Fc" in done.stderr
    assert "docs/operating.md" in done.stderr


@pytest.mark.django_db
def test_an_in_memory_database_has_nothing_to_back_up():
    if connection.vendor != "sqlite":
        pytest.skip("on PostgreSQL the command points to pg_dump, tested above")
    # The test database itself lives in memory.
    with pytest.raises(CommandError, match="no SQLite database file"):
        call_command("backup")
