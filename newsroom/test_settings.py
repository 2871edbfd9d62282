"""Settings for the test suite: the real ones, made fast and self-contained."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-" + "k3y" * 20)
os.environ.setdefault("HTTPS", "false")
# Django's test client asks for this host.
os.environ.setdefault("SITE_DOMAIN", "testserver")

from newsroom.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests render templates without running collectstatic first.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the source folders; no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Pages render afresh in tests unless a test turns the page cache on.
PAGE_CACHE_ENABLED = False
FRAGMENT_CACHE_ENABLED = False
