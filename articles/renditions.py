"""
Photo renditions: WebP copies in several widths, made once and stored, for `srcset`.

Pages never resize pictures: they read the list of renditions stored on the photo
(`Photo.renditions`: ratio, width, height and file name of each) and fall back to the
original file when there are none yet. Renditions are
made when a photo is saved (see articles.signals) and by `manage.py make_renditions`
for photos created in bulk, such as the demo content.

A rendition's file name is derived from the original file, the focal point and the
crop, so photos sharing one picture share its files, and a changed picture or focal
point gets new ones.
"""

import hashlib
import io
from pathlib import PurePosixPath
from typing import NamedTuple

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

from newsroom import pagecache

from .models import Photo

WIDTHS = (320, 640, 960, 1280, 1600)
# "" keeps the picture's own proportions (heroes); "3:2" is the teaser crop.
RATIOS = ("", "3:2")
WEBP_QUALITY = 78


class Rendition(NamedTuple):
    ratio: str
    width: int
    height: int
    name: str

    @property
    def url(self):
        return default_storage.url(self.name)


def crop_box(width, height, ratio, focal_x=0.5, focal_y=0.5):
    """The largest box of proportions `ratio` ("W:H") inside the picture, centred on the
    focal point as far as the edges allow."""
    if not ratio:
        return (0, 0, width, height)
    ratio_w, ratio_h = (int(part) for part in ratio.split(":"))
    crop_w, crop_h = width, round(width * ratio_h / ratio_w)
    if crop_h > height:
        crop_w, crop_h = round(height * ratio_w / ratio_h), height
    left = min(max(round(focal_x * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(focal_y * height - crop_h / 2), 0), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def target_widths(available):
    """The standard widths the picture can fill without upscaling; at least one."""
    widths = [width for width in WIDTHS if width <= available]
    return widths or [available]


def rendition_name(photo, ratio, width):
    digest = hashlib.sha256(
        f"{photo.image.name}|{photo.focal_x:.3f}|{photo.focal_y:.3f}|{ratio}".encode()
    ).hexdigest()[:12]
    stem = PurePosixPath(photo.image.name).stem[:60]
    suffix = ratio.replace(":", "x") if ratio else "full"
    return f"renditions/{stem}-{digest}-{suffix}-{width}.webp"


def make_renditions(photo, storage=default_storage):
    """Make (or reuse) the photo's renditions and store their list on it; returns how
    many renditions it lists when that list changed, else 0."""
    if not photo.image:
        return 0
    with photo.image.open("rb") as source, Image.open(source) as original:
        picture = ImageOps.exif_transpose(original)
        if picture.mode not in ("RGB", "RGBA"):
            picture = picture.convert("RGBA" if "A" in picture.getbands() else "RGB")
        wanted = []
        for ratio in RATIOS:
            box = crop_box(*picture.size, ratio, photo.focal_x, photo.focal_y)
            crop_w, crop_h = box[2] - box[0], box[3] - box[1]
            cropped = None
            for width in target_widths(crop_w):
                height = max(1, round(crop_h * width / crop_w))
                name = rendition_name(photo, ratio, width)
                if not storage.exists(name):
                    cropped = cropped or picture.crop(box)
                    buffer = io.BytesIO()
                    # A fresh image carries no EXIF: location and camera data are not copied.
                    cropped.resize((width, height), Image.Resampling.LANCZOS).save(
                        buffer, "WEBP", quality=WEBP_QUALITY, method=4
                    )
                    name = storage.save(name, ContentFile(buffer.getvalue()))
                wanted.append(Rendition(ratio, width, height, name)._asdict())
    if photo.renditions == wanted:
        return 0
    # update(): this runs from the photo's post_save, where save() would start over.
    Photo.objects.filter(pk=photo.pk).update(renditions=wanted)
    photo.renditions = wanted
    return len(wanted)


def renditions_for(photo, ratio=""):
    """The photo's renditions with the given crop, narrowest first."""
    return sorted(
        (Rendition(**stored) for stored in photo.renditions if stored["ratio"] == ratio),
        key=lambda rendition: rendition.width,
    )


def photos_missing_renditions():
    return Photo.objects.exclude(image="").filter(renditions=[])


def make_missing_renditions():
    """Renditions for every photo that has none (bulk-created photos); returns how many
    renditions the photos gained.

    Photos sharing a picture and focal point share rendition files, so each picture is
    resized once and the other photos get its list in one UPDATE.
    """
    made = 0
    pictures = (
        photos_missing_renditions().order_by().values_list("image", "focal_x", "focal_y").distinct()
    )
    for image, focal_x, focal_y in list(pictures):
        same = photos_missing_renditions().filter(image=image, focal_x=focal_x, focal_y=focal_y)
        first = same.order_by("pk").first()
        made += make_renditions(first)
        made += same.update(renditions=first.renditions) * len(first.renditions)
    if made:
        # Bulk updates send no signals; the pages showing these photos must be redrawn.
        pagecache.invalidate_everything()
    return made
