"""Pictures as cameras and phones make them, and what a stored copy still says."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps(size=(60, 30)):
    """A JPEG as a phone makes it: GPS position, camera model, rotated by an EXIF tag."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = image.getexif()
    exif[0x0110] = "Newsroom Phone 12"
    exif[ORIENTATION] = 6  # rotate 90° clockwise to display
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (50.0, 27.0, 1.5), 3: "E", 4: (30.0, 31.0, 2.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile("from-the-scene.jpg", buffer.getvalue(), content_type="image/jpeg")


def metadata_of(field_file):
    """(size, EXIF tags, info keys) of a stored picture."""
    with field_file.open("rb") as stored, Image.open(stored) as image:
        return image.size, dict(image.getexif()), set(image.info)
