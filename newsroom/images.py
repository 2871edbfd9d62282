"""
Checks and clean-up for stored pictures (photos and author avatars).

Every picture is opened with Pillow and refused unless it is a real JPEG, PNG, WebP or
GIF within the size and pixel limits; pictures that declare enormous dimensions
(decompression bombs, which would exhaust memory when decoded) get a clear message.
The stored copy is turned upright from its EXIF orientation and written without EXIF,
GPS, XMP or comments: a photographer's location must never reach the public site.

The rule lives in the model field (CleanImageField): whatever stores a picture — the
admin, an importer, the shell — stores the clean copy. The admin's form field checks
the upload first, so a bad file is a form error rather than a failed save.

Decoding is slow (seconds for a large animation), and the admin saves inside a write
transaction, which on SQLite holds the database's one write lock from its start: an
admin with CleanUploadsAdminMixin cleans its uploads before that transaction opens, and
the model field stores the CleanedPicture it gets without decoding it again.
"""

import io
import warnings
from pathlib import Path

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

# Pillow format name → file extension of the stored copy.
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MAX_UPLOAD_BYTES = 25 * 1024 * 1024
# 50 megapixels is more than any press camera makes and far less than a bomb declares.
MAX_PIXELS = 50_000_000
JPEG_QUALITY = 90
# Every frame of an animation is decoded when it is stored and resized: 400 large frames
# took a minute of a worker's time, holding the database's write lock.
MAX_ANIMATION_PIXELS = 100_000_000
# No news picture is twenty times longer one way than the other; one that is cannot be
# resized into WebP renditions (at most 16,383 pixels a side) at the widths pages use.
MAX_ASPECT = 20

BOMB_MESSAGE = _(
    "This picture declares more pixels than the %(limit)s megapixels allowed%(size)s; files "
    "like this are used to exhaust the server's memory. Export a smaller version and upload that."
)


def _bomb_error(width=None, height=None):
    size = f" ({width:,} × {height:,})" if width else ""
    return ValidationError(
        BOMB_MESSAGE,
        code="too_many_pixels",
        params={"limit": MAX_PIXELS // 1_000_000, "size": size},
    )


def _inspect(upload):
    """Open and verify the upload; return its Pillow format name. Raises ValidationError."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                image_format = image.format
                if width * height > MAX_PIXELS:
                    raise _bomb_error(width, height)
                frames = getattr(image, "n_frames", 1)
                if frames > 1 and frames * width * height > MAX_ANIMATION_PIXELS:
                    raise ValidationError(
                        gettext(
                            "This animation has %(frames)s frames of %(width)s × %(height)s pixels, "
                            "more than the %(limit)s million pixels in all that can be stored. "
                            "Use fewer or smaller frames, or a video."
                        ),
                        code="animation",
                        params={
                            "frames": frames,
                            "width": f"{width:,}",
                            "height": f"{height:,}",
                            "limit": MAX_ANIMATION_PIXELS // 1_000_000,
                        },
                    )
                if max(width, height) > MAX_ASPECT * max(1, min(width, height)):
                    raise ValidationError(
                        gettext(
                            "This picture is %(width)s × %(height)s pixels: more than %(aspect)s "
                            "times longer one way than the other, which pages cannot show. "
                            "Crop it and upload that."
                        ),
                        code="shape",
                        params={
                            "width": f"{width:,}",
                            "height": f"{height:,}",
                            "aspect": MAX_ASPECT,
                        },
                    )
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _bomb_error() from None
    except Exception:
        raise ValidationError(
            gettext(
                "This file is not a picture Pillow can read, or it is damaged. "
                "Upload a JPEG, PNG, WebP or GIF."
            ),
            code="invalid_image",
        ) from None
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            gettext("%(format)s pictures are not accepted. Upload a JPEG, PNG, WebP or GIF."),
            code="format",
            params={"format": image_format},
        )
    return image_format


def _without_metadata(image, image_format):
    """Encode `image` upright and without metadata; keep the colour profile."""
    icc_profile = image.info.get("icc_profile")
    buffer = io.BytesIO()
    if image_format == "GIF":
        # Keep animation; GIFs carry no EXIF, but drop comments and XMP.
        for key in ("comment", "xmp", "extension"):
            image.info.pop(key, None)
        image.save(buffer, "GIF", save_all=getattr(image, "is_animated", False))
        return buffer.getvalue()
    upright = ImageOps.exif_transpose(image)
    upright.info = {}
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
        options |= {"quality": JPEG_QUALITY, "optimize": True}
    elif image_format == "WEBP":
        options |= {"quality": JPEG_QUALITY}
    upright.save(buffer, image_format, **options)
    return buffer.getvalue()


def check_image(upload):
    """Refuse what is not a picture we store (ValidationError); its Pillow format name."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            gettext("This file is %(size)s; pictures may be at most %(limit)s."),
            code="file_size",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_UPLOAD_BYTES),
            },
        )
    return _inspect(upload)


def stored_name(name, image_format):
    """The stem of `name` with the extension of the picture's real format."""
    stem = Path(name or "").stem or "photo"
    return f"{stem}.{ALLOWED_FORMATS[image_format]}"


class CleanedPicture(ContentFile):
    """A picture clean_image checked and stripped; only clean_image makes one, so storing
    it needs no second decode."""

    def __init__(self, data, name, image_format):
        super().__init__(data, name=stored_name(name, image_format))
        self.image_format = image_format


def clean_image(upload, name=None):
    """
    Check a picture and return a copy safe to store: upright, without EXIF/GPS/XMP
    metadata, named after `name` (or the upload's name) with the extension of its real
    format. Raises ValidationError for what check_image refuses.
    """
    image_format = check_image(upload)
    upload.seek(0)
    with Image.open(upload) as image:
        image.load()
        data = _without_metadata(image, image_format)
    return CleanedPicture(data, name or upload.name, image_format)


class CleanImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        # Every way of storing a picture ends here: a form's upload (through the field's
        # pre_save), an importer's copy, `photo.image.save()` in the shell.
        if not isinstance(content, CleanedPicture):
            content = clean_image(content, name)
        super().save(stored_name(name, content.image_format), content, save)


class CleanImageField(models.ImageField):
    """An ImageField that stores only checked pictures, without location or camera data."""

    attr_class = CleanImageFieldFile


class SafeImageField(forms.ImageField):
    """An image form field that refuses, as a form error, what CleanImageField would."""

    def to_python(self, data):
        # Skip forms.ImageField.to_python: it reports decompression bombs as "not an image".
        upload = forms.FileField.to_python(self, data)
        if upload is None or isinstance(upload, CleanedPicture):
            return upload
        refusal = getattr(upload, "refusal", None)
        if refusal is not None:
            raise refusal
        check_image(upload)
        upload.seek(0)
        return upload


def clean_uploads(files, field_names):
    """Replace each upload in `files` (request.FILES) for one of `field_names` by its
    CleanedPicture; a refused one stays, carrying its `refusal` for the form to report."""
    for name in field_names:
        prepared = []
        for upload in files.getlist(name):
            try:
                prepared.append(clean_image(upload))
            except ValidationError as error:
                upload.refusal = error
                prepared.append(upload)
        if prepared:
            files.setlist(name, prepared)


class CleanUploadsAdminMixin:
    """For a ModelAdmin with picture fields, listed before the admin class it extends:
    uploaded pictures are checked, decoded and stripped before the add or change view
    opens its write transaction (ModelAdmin and django-reversion each wrap the whole view
    in one), so other editors' saves never wait for Pillow. What is refused is never
    stored."""

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "POST" and self.has_add_permission(request):
            self.clean_picture_uploads(request)
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The object's own permission is checked inside, as ever; this only spares
        # decoding for someone who may change nothing of the kind.
        if request.method == "POST" and self.has_change_permission(request):
            self.clean_picture_uploads(request)
        return super().change_view(request, object_id, form_url, extra_context)

    def clean_picture_uploads(self, request):
        picture_fields = [
            field.name
            for field in self.model._meta.get_fields()
            if isinstance(field, models.ImageField)
        ]
        clean_uploads(request.FILES, picture_fields)


# For ModelAdmin.formfield_overrides: every image upload in the admin goes through the checks.
IMAGE_FIELD_OVERRIDES = {
    models.ImageField: {"form_class": SafeImageField, "widget": AdminFileWidget},
}
