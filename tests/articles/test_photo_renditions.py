from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.template import Context, Template
from PIL import Image

from articles.models import Photo
from articles.renditions import crop_box, make_renditions, renditions_for
from tests.factories import PhotoFactory

# Renditions are made once the photo's save has committed, as on the site: each test
# commits for real rather than inside a transaction rolled back at its end.
pytestmark = pytest.mark.django_db(transaction=True)


def test_saving_a_photo_stores_webp_renditions_in_several_widths(jpeg_upload):
    photo = Photo.objects.create(image=jpeg_upload(size=(1400, 700)), alt_text="A harbour")

    photo.refresh_from_db()
    full = renditions_for(photo)
    assert [r.width for r in full] == [320, 640, 960, 1280]
    assert [r.height for r in full] == [160, 320, 480, 640]
    with default_storage.open(full[-1].name) as stored, Image.open(stored) as image:
        assert image.format == "WEBP"
        assert image.size == (1280, 640)
        assert not image.info.get("exif")
    cropped = renditions_for(photo, "3:2")[-1]
    assert (cropped.width, cropped.height) == (960, 640)


def test_renditions_are_made_once(jpeg_upload):
    photo = Photo.objects.create(image=jpeg_upload(size=(700, 400)), alt_text="A harbour")
    made = Photo.objects.get(pk=photo.pk).renditions
    assert made
    assert make_renditions(photo) == 0
    photo.caption = "New caption"
    photo.save()
    assert Photo.objects.get(pk=photo.pk).renditions == made


def test_moving_the_focal_point_makes_new_crops(jpeg_upload):
    photo = Photo.objects.create(image=jpeg_upload(size=(1200, 400)), alt_text="A harbour")
    before = {r.name for r in renditions_for(photo, "3:2")}
    photo.focal_x = 0.1
    photo.save()
    after = {r.name for r in renditions_for(Photo.objects.get(pk=photo.pk), "3:2")}
    assert after and after.isdisjoint(before)
    assert all(default_storage.exists(name) for name in after)


@pytest.mark.parametrize(
    ("focal_x", "box"),
    [(0.5, (300, 0, 900, 400)), (0.0, (0, 0, 600, 400)), (1.0, (600, 0, 1200, 400))],
)
def test_crops_keep_the_focal_point_in_frame(focal_x, box):
    assert crop_box(1200, 400, "3:2", focal_x, 0.5) == box


def test_small_pictures_are_not_enlarged(jpeg_upload):
    photo = Photo.objects.create(image=jpeg_upload(size=(200, 100)), alt_text="A stamp")
    assert [r.width for r in renditions_for(Photo.objects.get(pk=photo.pk))] == [200]


def test_picture_tag_writes_srcset_sizes_and_dimensions():
    photo = Photo.objects.get(pk=PhotoFactory().pk)
    html = Template("{% load pictures %}{% picture photo sizes='50vw' %}").render(
        Context({"photo": photo})
    )
    assert 'srcset="/media/renditions/' in html
    assert ".webp 320w" in html
    assert 'sizes="50vw"' in html
    assert 'width="320"' in html
    assert 'height="180"' in html
    assert 'loading="lazy"' in html
    assert f'alt="{photo.alt_text}"' in html


def test_hero_picture_is_fetched_early():
    photo = PhotoFactory()
    html = Template("{% load pictures %}{% picture photo hero=True %}").render(
        Context({"photo": photo})
    )
    assert 'fetchpriority="high"' in html
    assert "loading=" not in html


def test_command_catches_up_bulk_created_photos(jpeg_upload):
    photo = Photo.objects.create(image=jpeg_upload(), alt_text="A harbour")
    made = Photo.objects.get(pk=photo.pk).renditions
    Photo.objects.update(renditions=[])
    out = StringIO()
    call_command("make_renditions", "--dry-run", stdout=out)
    assert "1 photos need renditions" in out.getvalue()
    assert Photo.objects.get(pk=photo.pk).renditions == []
    call_command("make_renditions", stdout=StringIO())
    assert Photo.objects.get(pk=photo.pk).renditions == made
