"""Editors' logins: throttled after repeated failures, sessions that end, a movable admin."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from newsroom.security import client_ip

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-editor-passphrase"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client, password, username="editor"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
    )


def test_six_bad_logins_lock_the_address_out_even_with_the_right_password(client, editor):
    for _ in range(4):
        response = log_in(client, "wrong")
        assert response.status_code == 200
        assert "correct username and password" in response.text
    # The fifth failure reaches AXES_FAILURE_LIMIT (5): from then on the address is locked.
    assert log_in(client, "wrong").status_code == 429
    assert log_in(client, "wrong").status_code == 429
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert "too many" in response.text.lower()
    assert client.get(reverse("admin:index")).status_code == 302, "still not logged in"


def test_lockout_spans_usernames_from_one_address(client, editor):
    for number in range(5):
        log_in(client, "wrong", username=f"guess{number}")
    assert log_in(client, PASSWORD).status_code == 429


def test_lockout_ends_after_the_cool_off(client, editor):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            log_in(client, "wrong")
        assert log_in(client, PASSWORD).status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("admin:index")


def test_a_good_login_resets_the_failure_count(client, editor):
    for _ in range(4):
        log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "wrong").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302


def test_other_people_elsewhere_are_not_locked_out(client, editor):
    get_user_model().objects.create_user("desk", password=PASSWORD, is_staff=True)
    for _ in range(5):
        log_in(client, "wrong")
    other = client.__class__(REMOTE_ADDR="203.0.113.9")
    assert log_in(other, PASSWORD, username="desk").status_code == 302


def test_logging_in_as_yourself_between_guesses_does_not_reset_the_count(client, editor):
    get_user_model().objects.create_user("contributor", password="own-passphrase", is_staff=True)
    for _ in range(4):
        log_in(client, "guess")
    assert log_in(client, "own-passphrase", username="contributor").status_code == 302
    client.logout()
    assert log_in(client, "guess").status_code == 429
    assert log_in(client, PASSWORD).status_code == 429, "the address is locked"


def test_a_username_is_locked_out_from_every_address(client, editor):
    for number in range(5):
        attacker = client.__class__(REMOTE_ADDR=f"198.51.100.{number + 1}")
        log_in(attacker, "guess")
    elsewhere = client.__class__(REMOTE_ADDR="203.0.113.9")
    assert log_in(elsewhere, PASSWORD).status_code == 429


def test_admin_session_ends_with_the_browser_and_after_a_while(client, editor, settings):
    response = log_in(client, PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"], "a browser-session cookie"
    assert cookie["httponly"]
    assert client.session.get_expiry_age() <= settings.SESSION_COOKIE_AGE <= 12 * 60 * 60


def test_admin_is_for_staff_only(client):
    get_user_model().objects.create_user("reader", password=PASSWORD)
    response = log_in(client, PASSWORD, username="reader")
    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "198.51.100.7", "10.0.0.1"),
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (2, "198.51.100.7", "10.0.0.1"),
    ],
)
def test_client_address_ignores_what_the_client_could_forge(
    settings, proxies, forwarded_for, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_ip(request) == expected


def test_admin_path_comes_from_the_environment():
    environment = {
        "PATH": os.environ["PATH"],
        "NEWSROOM_ENV_FILE": "/nonexistent",
        "DJANGO_SETTINGS_MODULE": "newsroom.test_settings",
        "ADMIN_PATH": "/desk-4f2a",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.urls import reverse; "
            "print(reverse('admin:index'))",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "/desk-4f2a/"
