"""
Copy the SQLite database to a dated file while the site keeps running.

Copying the database file with `cp` while gunicorn writes to it can catch a write half
done, and misses what still sits in the `-wal` file. SQLite's online backup API copies a
consistent snapshot through a connection of its own; in WAL mode readers and writers
carry on meanwhile. The copy is checked with `PRAGMA quick_check` before it is reported.

PostgreSQL is backed up with its own tool, `pg_dump -Fc` (docs/operating.md, "Deploying"); this
command says so and exits with status 1 there.

Restore: stop the site, copy the backup over the database file, delete the database's
`-wal` and `-shm` files if they are there, start the site again.
"""

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

DEFAULT_FOLDER = "backups"
PG_DUMP_HINT = (
    "manage.py backup copies SQLite databases only, and this site uses {vendor}. "
    "Back up PostgreSQL with its own tool, for example: "
    'pg_dump -Fc --file=newsroom-$(date +%Y%m%d-%H%M%S).dump "$DATABASE_URL" '
    "(restore with pg_restore --clean -d newsroom FILE); see docs/operating.md, Deploying."
)


def backup_sqlite(source, destination):
    """Copy the SQLite database at `source` to the new file `destination`, consistently,
    whatever other connections are doing, and check the copy. Returns its size in bytes."""
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    # Open the source read-only: the backup must never change the live database.
    source_uri = f"{Path(source).resolve().as_uri()}?mode=ro"
    with (
        closing(sqlite3.connect(source_uri, uri=True)) as live,
        closing(sqlite3.connect(destination)) as copy,
    ):
        # All pages in one step: one consistent snapshot, which a concurrent writer
        # cannot invalidate halfway (it could with a page-by-page copy).
        live.backup(copy)
        # A plain rollback-journal file, complete in itself: no -wal file to carry along.
        copy.execute("PRAGMA journal_mode=DELETE")
        (verdict,) = copy.execute("PRAGMA quick_check").fetchone()
    if verdict != "ok":
        raise CommandError(f"The backup {destination} failed its integrity check: {verdict}")
    return destination.stat().st_size


def default_destination(database_name):
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BASE_DIR) / DEFAULT_FOLDER / f"{Path(database_name).stem}-{stamp}.sqlite3"


class Command(BaseCommand):
    help = (
        "Back up the SQLite database to a dated file (default: backups/NAME-YYYYMMDD-HHMMSS"
        ".sqlite3) with SQLite's online backup, safe while the site runs. On PostgreSQL it "
        "exits with status 1 and points to pg_dump."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="File to write, or a folder (existing, or ending in /) for the dated file.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias.")

    def handle(self, *args, output=None, database=DEFAULT_DB_ALIAS, **options):
        connection = connections[database]
        if connection.vendor != "sqlite":
            raise CommandError(PG_DUMP_HINT.format(vendor=connection.display_name))
        name = str(connection.settings_dict["NAME"])
        if connection.is_in_memory_db() or not Path(name).is_file():
            raise CommandError(f"There is no SQLite database file at {name} to back up.")
        destination = Path(output) if output else default_destination(name)
        if destination.is_dir() or (output and output.endswith(("/", os.sep))):
            destination = destination / default_destination(name).name
        if destination.exists():
            raise CommandError(f"{destination} already exists; choose another --output.")
        size = backup_sqlite(name, destination)
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(f"Backed up {name} to {destination} ({size:,} bytes).")
            )
