"""
Check that a deployment can serve the site, and say in plain words what is wrong.

`check --deploy` looks at settings only; this also talks to the services: it connects to
the database and the cache, writes a file to the media storage, looks for migrations not
yet applied and for missing collected static files. Run it after every deploy (or from a
health probe); it exits with status 1 when anything is wrong.
"""

import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from newsroom.search import folds_cyrillic_case

INSECURE_KEY_PREFIX = "django-insecure-"


def one_line(error):
    """Driver errors span several lines; a report line should not."""
    return " ".join(str(error).split())


@dataclass
class Finding:
    """One line of the report: what was checked, whether it is fine, and in what words."""

    topic: str
    ok: bool
    message: str


def check_secret_key():
    key = settings.SECRET_KEY
    if not key:
        return Finding("secret key", False, "SECRET_KEY is not set.")
    if key.startswith(INSECURE_KEY_PREFIX):
        return Finding(
            "secret key",
            False,
            "SECRET_KEY is the development key; set a random one of 50+ characters.",
        )
    if len(key) < 50 or len(set(key)) < 5:
        return Finding(
            "secret key", False, "SECRET_KEY is too short or too simple (50+ random characters)."
        )
    return Finding("secret key", True, "set, and long enough.")


def check_debug():
    if settings.DEBUG:
        return Finding(
            "debug", False, "DEBUG is on: error pages would show code and settings to anyone."
        )
    return Finding("debug", True, "off.")


def check_database(alias=DEFAULT_DB_ALIAS):
    connection = connections[alias]
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        return Finding(
            "database", False, f"cannot reach the {connection.vendor} database: {one_line(error)}"
        )
    return Finding("database", True, f"reachable ({connection.vendor}).")


def check_migrations(alias=DEFAULT_DB_ALIAS):
    connection = connections[alias]
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as error:
        return Finding("migrations", False, f"cannot read the applied migrations: {error}")
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:5])
        more = f" and {len(plan) - 5} more" if len(plan) > 5 else ""
        return Finding(
            "migrations",
            False,
            f"{len(plan)} not applied ({names}{more}); run: python manage.py migrate",
        )
    return Finding("migrations", True, "all applied.")


def check_search(alias=DEFAULT_DB_ALIAS):
    if not folds_cyrillic_case(connections[alias]):
        return Finding(
            "search",
            False,
            "the database does not lowercase Cyrillic (its LC_CTYPE is not UTF-8): the "
            "Ukrainian search misses capitalised words. Create it with --locale=C.UTF-8.",
        )
    return Finding("search", True, "Ukrainian words are indexed in lower case.")


def check_cache(alias="default"):
    cache = caches[alias]
    key, value = f"check-deployment-{uuid.uuid4().hex}", "ok"
    backend = type(cache).__name__
    try:
        cache.set(key, value, timeout=30)
        stored = cache.get(key)
        cache.delete(key)
    except Exception as error:
        return Finding("cache", False, f"cannot reach the cache ({backend}): {one_line(error)}")
    if stored != value:
        return Finding("cache", False, f"the cache ({backend}) did not keep a value just stored.")
    return Finding("cache", True, f"reachable ({backend}).")


def check_media():
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        root = Path(storage.location)
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return Finding("media", False, f"MEDIA_ROOT {root} cannot be created: {error}")
        where = f"MEDIA_ROOT {root}"
    else:
        where = f"the media storage ({type(storage).__name__})"
    name = f".check-deployment-{uuid.uuid4().hex}"
    try:
        saved = storage.save(name, ContentFile(b"ok"))
        storage.delete(saved)
    except Exception as error:
        return Finding("media", False, f"uploads would fail: cannot write to {where}: {error}")
    return Finding("media", True, f"{where} is writable.")


def check_static_files():
    storage = storages["staticfiles"]
    manifest = getattr(storage, "manifest_name", None)
    if manifest is None:
        return Finding("static files", True, f"served by {type(storage).__name__}.")
    if not storage.exists(manifest):
        return Finding(
            "static files",
            False,
            f"not collected ({manifest} missing in {settings.STATIC_ROOT}); pages would fail. "
            "Run: python manage.py collectstatic --noinput",
        )
    return Finding("static files", True, "collected.")


# Reported in plainer words by check_secret_key() and check_debug().
COVERED_CHECKS = {"security.W009", "security.W018"}


def check_django_deploy_checks():
    """Django's own `check --deploy`, one finding per warning."""
    messages = [
        message
        for message in checks.run_checks(include_deployment_checks=True)
        if message.level >= checks.WARNING
        and not message.is_silenced()
        and message.id not in COVERED_CHECKS
    ]
    if not messages:
        return [Finding("settings", True, "`check --deploy` finds nothing.")]
    return [Finding("settings", False, f"{message.msg} ({message.id})") for message in messages]


def find_problems():
    """Run every check, in the order an operator would fix things."""
    findings = [check_secret_key(), check_debug(), *check_django_deploy_checks()]
    database = check_database()
    findings.append(database)
    if database.ok:
        findings += [check_migrations(), check_search()]
    findings += [check_cache(), check_media(), check_static_files()]
    return findings


class Command(BaseCommand):
    help = (
        "Check the deployment (secret key, debug, database, migrations, search, cache, media, "
        "static files) and say what is wrong. Exits with status 1 on any problem."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def handle(self, *args, verbosity, **options):
        findings = find_problems()
        problems = [finding for finding in findings if not finding.ok]
        for finding in findings:
            if finding.ok and verbosity >= 1:
                self.stdout.write(
                    self.style.SUCCESS("ok       ") + f"{finding.topic}: {finding.message}"
                )
            elif not finding.ok:
                self.stdout.write(
                    self.style.ERROR("PROBLEM  ") + f"{finding.topic}: {finding.message}"
                )
        if problems:
            noun = "problem" if len(problems) == 1 else "problems"
            raise CommandError(f"{len(problems)} {noun} found; the site is not ready to serve.")
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS("The deployment looks ready."))
