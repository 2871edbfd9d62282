import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
REAL_KEY = "p7Hq-Vx2_Lm9Rt4Ws8Kd3Nf6Bj1Zc5Yg0Ea7Uo2Ti8Qr3Pl6Mn9Xb4"


def load_settings(**env):
    """Import the production settings in a fresh interpreter with only `env` set."""
    environment = {
        "PATH": os.environ["PATH"],
        "NEWSROOM_ENV_FILE": "/nonexistent",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        **env,
    }
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings()
    assert result.returncode != 0
    assert "SECRET_KEY is missing or too weak" in result.stderr


def test_production_refuses_a_django_insecure_key():
    result = load_settings(SECRET_KEY="django-insecure-" + "x" * 60)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_key_and_debug_off():
    result = load_settings(SECRET_KEY=REAL_KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_debug_is_parsed_explicitly():
    result = load_settings(DEBUG="false")
    assert result.returncode != 0, "DEBUG=false must mean off, so a key is required"
    result = load_settings(DEBUG="maybe", SECRET_KEY=REAL_KEY)
    assert "DEBUG must be true or false" in result.stderr


def test_development_needs_no_key():
    result = load_settings(DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_deploy_check_is_clean_with_production_settings():
    environment = {
        "PATH": os.environ["PATH"],
        "NEWSROOM_ENV_FILE": "/nonexistent",
        "SECRET_KEY": REAL_KEY,
        "ALLOWED_HOSTS": "news.example.com",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_migrate_alone_leaves_a_working_site(tmp_path):
    """Django's usual steps, `migrate` then any command, work without createcachetable."""
    from tests.demo_site import DemoSite

    with DemoSite(tmp_path) as site:
        site.manage("migrate", "--noinput", "-v0")
        script = (
            "from articles.models import Section; Section.objects.create(name='City', slug='city'); "
            "from django.core.cache import caches; print(caches['versions'].get('epoch') is not None)"
        )
        assert site.manage("shell", "-c", script).strip().endswith("True")
