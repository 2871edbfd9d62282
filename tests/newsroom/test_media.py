"""Uploaded files are served so that none of them can run as a page on the site's origin."""

import pytest
from django.urls import reverse

# Not-found answers render the site's 404 page, whose navigation lists the sections.
pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"


@pytest.fixture
def upload(media_root):
    def write(name, content):
        path = media_root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return reverse("media", kwargs={"path": name})

    return write


def test_images_are_shown_inline_with_their_own_type(client, upload, jpeg_upload):
    url = upload("photos/2025/11/flood.jpg", jpeg_upload().read())
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/jpeg"
    assert response.headers["Content-Disposition"] == "inline"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == SANDBOX
    assert "max-age=" in response.headers["Cache-Control"]


@pytest.mark.parametrize(
    "name",
    ["photos/evil.html", "photos/evil.svg", "photos/evil.js", "photos/evil.xml", "photos/notes"],
)
def test_anything_else_is_a_download_that_cannot_run(client, upload, name):
    url = upload(name, b"<html><script>alert(document.cookie)</script></html>")
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert name.rsplit("/", 1)[-1] in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == SANDBOX


def test_a_compressed_image_name_is_not_shown_inline(client, upload):
    """photo.jpg.gz guesses as image/jpeg with gzip encoding: a browser would not decode it."""
    response = client.get(upload("photos/photo.jpg.gz", b"\x1f\x8b"))
    assert response.headers["Content-Disposition"].startswith("attachment;")


def test_missing_files_and_folders_are_not_found(client, upload):
    upload("photos/a.jpg", b"x")
    assert client.get("/media/photos/none.jpg").status_code == 404
    assert client.get("/media/photos/").status_code == 404, "no folder listings"
    # Longer than any file name the file system allows.
    assert client.get("/media/photos/" + "a" * 300 + ".jpg").status_code == 404


@pytest.mark.parametrize(
    "path", ["../pyproject.toml", "..%2fpyproject.toml", "%2e%2e/%2e%2e/etc/passwd", "/etc/passwd"]
)
def test_paths_outside_media_are_not_served(client, upload, path):
    upload("photos/a.jpg", b"x")
    response = client.get(f"/media/{path}")
    assert response.status_code in (400, 404), "a bad request or not found, never the file"


def test_renditions_are_cached_for_a_year(client, media_root):
    folder = media_root / "renditions"
    folder.mkdir(parents=True)
    (folder / "harbour-0a1b2c-full-320.webp").write_bytes(b"RIFF0000WEBP")
    response = client.get("/media/renditions/harbour-0a1b2c-full-320.webp")
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
