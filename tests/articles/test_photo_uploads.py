"""Uploads through the admin: only real, reasonably sized pictures, stored without metadata."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Photo
from authors.models import Author
from newsroom import images
from tests.images import jpeg_with_gps, metadata_of

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_photo_add")


def png_declaring(width, height):
    """A tiny PNG whose header claims `width` × `height` pixels: a decompression bomb."""
    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    header = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return SimpleUploadedFile("bomb.png", bytes(data), content_type="image/png")


def upload(client, file, **fields):
    data = {"image": file, "alt_text": "Firefighters at the scene", "caption": "", "photographer": "",
            "agency": "Reuters", "focal_x": "0.5", "focal_y": "0.5", "source_url": ""} | fields  # fmt: skip
    return client.post(ADD_URL, data)


def image_errors(response):
    return " ".join(response.context["adminform"].form.errors.get("image", []))


def test_gps_and_camera_data_are_stripped_and_the_picture_turned_upright(editor_client):
    response = upload(editor_client, jpeg_with_gps(size=(60, 30)))
    assert response.status_code == 302

    photo = Photo.objects.get()
    with photo.image.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}, "no EXIF at all, so no GPS"
        assert "exif" not in image.info
        assert image.size == (30, 60), "rotated as the EXIF orientation said"
    assert (photo.width, photo.height) == (30, 60)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_other_allowed_formats_are_accepted(editor_client, fmt):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "blue").save(buffer, fmt)
    response = upload(
        editor_client, SimpleUploadedFile(f"picture.{fmt.lower()}", buffer.getvalue())
    )
    assert response.status_code == 302
    assert Photo.objects.get().image.name.endswith(f".{fmt.lower()}")


def test_a_file_that_is_not_a_picture_is_refused(editor_client):
    fake = SimpleUploadedFile(
        "photo.jpg", b"<?php system($_GET['c']); ?>", content_type="image/jpeg"
    )
    response = upload(editor_client, fake)
    assert response.status_code == 200
    assert "not a picture" in image_errors(response)
    assert not Photo.objects.exists()


def test_disallowed_formats_are_refused(editor_client):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "BMP")
    response = upload(editor_client, SimpleUploadedFile("photo.bmp", buffer.getvalue()))
    assert "BMP pictures are not accepted" in image_errors(response)
    assert not Photo.objects.exists()


@pytest.mark.parametrize(
    "width, height",
    [(8_000, 8_000), (40_000, 40_000)],
    ids=["over-our-limit", "over-pillows-bomb-limit"],
)
def test_decompression_bombs_get_a_clear_error(editor_client, width, height):
    response = upload(editor_client, png_declaring(width, height))
    assert response.status_code == 200
    assert "more pixels than the 50 megapixels allowed" in image_errors(response)
    assert not Photo.objects.exists()


def test_files_over_the_size_limit_are_refused(editor_client, monkeypatch, jpeg_upload):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 1024)
    response = upload(editor_client, jpeg_upload(size=(400, 400)))
    assert "pictures may be at most 1.0\xa0KB" in image_errors(response)
    assert not Photo.objects.exists()


def test_author_avatars_are_cleaned_too(editor_client):
    response = editor_client.post(
        reverse("admin:authors_author_add"),
        {
            "name": "Ana Lopes",
            "slug": "ana-lopes",
            "role": "",
            "bio": "",
            "avatar": jpeg_with_gps(),
            "website": "",
            "x_handle": "",
            "bluesky_handle": "",
            "email": "",
            "user": "",
        },  # fmt: skip
    )
    assert response.status_code == 302
    author = Author.objects.get(slug="ana-lopes")
    with author.avatar.open("rb") as stored, Image.open(stored) as image:
        assert dict(image.getexif()) == {}


# Outside the admin: the rule is the model field's -------------------------------------


def test_a_picture_saved_from_the_shell_loses_its_location():
    photo = Photo(alt_text="Flood barrier", agency="Newsroom")
    photo.image.save("barrier.jpg", jpeg_with_gps(size=(60, 30)), save=True)
    size, exif, info = metadata_of(Photo.objects.get().image)
    assert exif == {} and "exif" not in info
    assert size == (30, 60), "turned upright first"


def test_an_avatar_saved_from_the_shell_loses_its_location():
    author = Author.objects.create(name="Ana Lopes", slug="ana-lopes")
    author.avatar.save("ana.jpg", jpeg_with_gps())
    assert metadata_of(Author.objects.get().avatar)[1] == {}


def test_a_file_that_is_not_a_picture_cannot_be_stored_from_the_shell():
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile

    photo = Photo(alt_text="Not a picture", agency="Newsroom")
    with pytest.raises(ValidationError):
        photo.image.save("notes.jpg", ContentFile(b"%PDF-1.4 not a picture"))


def test_a_picture_too_long_for_renditions_is_a_form_error_and_leaves_no_file(
    editor_client, settings
):
    from pathlib import Path

    buffer = io.BytesIO()
    Image.new("L", (1, 60000)).save(buffer, "PNG")
    response = upload(editor_client, SimpleUploadedFile("strip.png", buffer.getvalue()))
    assert response.status_code == 200
    assert "more than 20 times longer" in image_errors(response)
    assert not Photo.objects.exists()
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def test_an_animation_with_too_many_pixels_in_all_is_refused(editor_client, monkeypatch):
    monkeypatch.setattr(images, "MAX_ANIMATION_PIXELS", 40_000)
    frames = [Image.new("RGB", (100, 100), (50 * number, 0, 0)) for number in range(5)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    response = upload(editor_client, SimpleUploadedFile("loop.gif", buffer.getvalue()))
    assert response.status_code == 200
    assert "5 frames of 100 × 100 pixels" in image_errors(response)
    assert not Photo.objects.exists()


# Outside the write transaction --------------------------------------------------------


def gif_animation(frames=4, size=(120, 80)):
    pictures = [Image.new("RGB", size, (60 * number, 90, 30)) for number in range(frames)]
    buffer = io.BytesIO()
    pictures[0].save(buffer, "GIF", save_all=True, append_images=pictures[1:], duration=100)
    return SimpleUploadedFile("loop.gif", buffer.getvalue(), content_type="image/gif")


@pytest.fixture
def pillow_work(monkeypatch):
    """(step, transactions the request had opened) for each decode-and-strip and resize.

    The test itself runs in a transaction, so what counts is what the view opened on top:
    on the site, the first of those is the write transaction."""
    from django.db import connection

    import articles.signals

    outside = len(connection.atomic_blocks)
    seen = []

    def watched(module, name):
        work = getattr(module, name)

        def watching(*args, **kwargs):
            seen.append((name, len(connection.atomic_blocks) - outside))
            return work(*args, **kwargs)

        monkeypatch.setattr(module, name, watching)

    watched(images, "_without_metadata")
    watched(articles.signals, "make_renditions")
    return seen


def test_an_uploaded_animation_is_decoded_and_resized_outside_the_write_transaction(
    contributor_client, contributor, pillow_work, django_capture_on_commit_callbacks
):
    """On SQLite the site's transactions take the one write lock as they begin, and the
    admin saves inside one: a large animation decoded there (a minute of CPU for 400
    frames) kept every other editor's save waiting. It is decoded once, before."""
    with django_capture_on_commit_callbacks(execute=True):  # the renditions, after commit
        response = upload(contributor_client, gif_animation())
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.uploaded_by == contributor
    assert photo.image.name.endswith(".gif") and photo.renditions
    assert pillow_work == [("_without_metadata", 0), ("make_renditions", 0)]


def test_an_avatar_is_decoded_outside_the_write_transaction(editor_client, pillow_work):
    response = editor_client.post(
        reverse("admin:authors_author_add"),
        {"name": "Ana Lopes", "slug": "ana-lopes", "avatar": jpeg_with_gps()},
    )
    assert response.status_code == 302
    assert metadata_of(Author.objects.get(slug="ana-lopes").avatar)[1] == {}
    assert pillow_work == [("_without_metadata", 0)]


def stored_files(settings):
    from pathlib import Path

    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def test_a_refused_animation_leaves_no_file(contributor_client, monkeypatch, settings):
    monkeypatch.setattr(images, "MAX_ANIMATION_PIXELS", 40_000)
    response = upload(contributor_client, gif_animation(frames=5, size=(100, 100)))
    assert "5 frames of 100 × 100 pixels" in image_errors(response)
    assert not Photo.objects.exists()
    assert not stored_files(settings)


def test_a_good_picture_in_a_refused_form_leaves_no_file(contributor_client, settings):
    response = upload(contributor_client, gif_animation(), alt_text="")
    assert response.status_code == 200
    assert "alt_text" in response.context["adminform"].form.errors
    assert not Photo.objects.exists()
    assert not stored_files(settings)
