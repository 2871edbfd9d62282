"""WSGI entry point for gunicorn: `gunicorn -c newsroom/gunicorn.conf.py`."""

import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

# After setup: the page cache's modules import models.
from newsroom.pagecache.wsgi import CachedPagesApplication  # noqa: E402

application = CachedPagesApplication(django_application)

# SQLite makes a missing database file, empty, on first use: a site pointed at the wrong
# path, or whose file was lost, would serve an empty newsroom (every page a 500). Only
# `migrate` makes the database on purpose.
_database = settings.DATABASES["default"]
if _database["ENGINE"] == "django.db.backends.sqlite3":
    _path = Path(_database["NAME"])
    if not _path.is_file():
        raise ImproperlyConfigured(
            f"The SQLite database {_path} does not exist. Run "
            "`python manage.py migrate` to make it, or set DATABASE_URL to the right one."
        )
    # And a file lost while the site runs: every connection opens the file as a URI in
    # mode=rw (read-write, never create), so a missing one is an error, the "back soon"
    # page, until it is restored. NAME stays the path that manage.py and backups use.
    _database["OPTIONS"]["database"] = f"{_path.resolve().as_uri()}?mode=rw"
