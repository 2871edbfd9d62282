"""`manage.py check_deployment` says in plain words what would stop the site serving."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

BASE_DIR = Path(__file__).resolve().parents[2]
REAL_KEY = "p7Hq-Vx2_Lm9Rt4Ws8Kd3Nf6Bj1Zc5Yg0Ea7Uo2Ti8Qr3Pl6Mn9Xb4"


@pytest.fixture
def production(settings):
    """The test settings as production runs them: HTTPS on."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    return settings


def run_check(capsys):
    try:
        call_command("check_deployment")
    except CommandError as error:
        return False, capsys.readouterr().out, str(error)
    return True, capsys.readouterr().out, ""


def run_check_in_a_fresh_process(tmp_path, **env):
    environment = {
        "PATH": os.environ["PATH"],
        "NEWSROOM_ENV_FILE": "/nonexistent",
        "SECRET_KEY": REAL_KEY,
        "ALLOWED_HOSTS": "news.example.com",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check_deployment", "--no-color"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.django_db
def test_a_ready_deployment_passes(production, capsys):
    ok, output, _ = run_check(capsys)
    assert ok, output
    assert "PROBLEM" not in output
    for topic in ("secret key", "debug", "database", "migrations", "cache", "media"):
        assert f"{topic}: " in output
    assert "The deployment looks ready." in output


@pytest.mark.django_db
def test_debug_and_a_development_key_are_reported(production, capsys):
    production.DEBUG = True
    production.SECRET_KEY = "django-insecure-" + "a1b2c3" * 10
    ok, output, error = run_check(capsys)
    assert not ok
    assert "PROBLEM  secret key: SECRET_KEY is the development key" in output
    assert "PROBLEM  debug: DEBUG is on" in output
    assert error == "2 problems found; the site is not ready to serve."


@pytest.mark.django_db
def test_a_weak_key_and_insecure_cookies_are_reported(settings, capsys):
    settings.SECRET_KEY = "short"
    ok, output, _ = run_check(capsys)
    assert not ok
    assert "too short or too simple" in output
    assert "SESSION_COOKIE_SECURE" in output, "Django's own deploy checks are included"


@pytest.mark.django_db
def test_media_root_that_cannot_be_written_is_reported(production, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    production.MEDIA_ROOT = blocker / "media"
    ok, output, _ = run_check(capsys)
    assert not ok
    assert f"PROBLEM  media: MEDIA_ROOT {blocker / 'media'} cannot be created" in output


def test_unreachable_database_and_cache_are_reported(tmp_path):
    """Port 9 (discard) has no server on it: both connections are refused at once."""
    result = run_check_in_a_fresh_process(
        tmp_path,
        DATABASE_URL="postgres://newsroom:secret@127.0.0.1:9/newsroom",
        REDIS_URL="redis://127.0.0.1:9/0",
    )
    assert result.returncode == 1
    assert "PROBLEM  database: cannot reach the postgresql database" in result.stdout
    assert "PROBLEM  cache: cannot reach the cache (RedisCache)" in result.stdout
    assert "the site is not ready to serve" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_new_database_and_uncollected_static_files_are_reported(tmp_path):
    result = run_check_in_a_fresh_process(
        tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'new.sqlite3'}"
    )
    assert result.returncode == 1
    assert "ok       database: reachable (sqlite)" in result.stdout
    assert "PROBLEM  migrations:" in result.stdout
    assert "run: python manage.py migrate" in result.stdout
    assert "PROBLEM  static files: not collected" in result.stdout
    assert "ok       settings: `check --deploy` finds nothing." in result.stdout
