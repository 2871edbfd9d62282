"""Media go to S3-compatible object storage as soon as a bucket is named."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def settings_with(**env):
    """Load the settings in a fresh interpreter; return what media handling looks like."""
    environment = {
        "PATH": os.environ["PATH"],
        "NEWSROOM_ENV_FILE": "/nonexistent",
        "DJANGO_SETTINGS_MODULE": "newsroom.test_settings",
        **env,
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, django; django.setup()\n"
            "from django.conf import settings\n"
            "from django.core.files.storage import default_storage, storages\n"
            "from django.urls import NoReverseMatch, reverse\n"
            "try:\n"
            "    media_route = reverse('media', kwargs={'path': 'a.jpg'})\n"
            "except NoReverseMatch:\n"
            "    media_route = None\n"
            "print(json.dumps({\n"
            "    'backend': type(storages['default']).__name__,\n"
            "    'url': default_storage.url('photos/2025/flood.jpg'),\n"
            "    'media_url': settings.MEDIA_URL,\n"
            "    'media_route': media_route,\n"
            "    'img_src': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],\n"
            "}))",
        ],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_media_stay_on_local_disk_by_default():
    media = settings_with()
    assert media["backend"] == "FileSystemStorage"
    assert media["url"] == "/media/photos/2025/flood.jpg"
    assert media["media_route"] == "/media/a.jpg"


def test_a_bucket_with_a_cdn_domain_serves_media_from_the_cdn():
    media = settings_with(
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_CUSTOM_DOMAIN="media.example.com",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
    )
    assert media["backend"] == "S3Storage"
    assert media["url"] == "https://media.example.com/photos/2025/flood.jpg"
    assert media["media_url"] == "https://media.example.com/"
    assert media["media_route"] is None, "the app no longer serves media itself"
    assert "https://media.example.com" in media["img_src"]


def test_an_s3_compatible_endpoint_can_be_used():
    media = settings_with(
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_ENDPOINT_URL="https://s3.storage.example.net",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
    )
    assert media["backend"] == "S3Storage"
    assert media["url"] == "https://s3.storage.example.net/newsroom-media/photos/2025/flood.jpg"
