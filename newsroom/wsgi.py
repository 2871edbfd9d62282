"""WSGI entry point for gunicorn: `gunicorn -c newsroom/gunicorn.conf.py`."""

import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

application = get_wsgi_application()

# SQLite makes a missing database file, empty, on first use: a site pointed at the wrong
# path, or whose file was lost, would serve an empty newsroom (every page a 500). Only
# `migrate` makes the database on purpose.
_database = settings.DATABASES["default"]
if _database["ENGINE"] == "django.db.backends.sqlite3" and not Path(_database["NAME"]).is_file():
    raise ImproperlyConfigured(
        f"The SQLite database {_database['NAME']} does not exist. Run "
        "`python manage.py migrate` to make it, or set DATABASE_URL to the right one."
    )
