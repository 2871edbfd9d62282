"""Serve uploaded media so that no upload can ever run as a page on the site's origin.

An editor's upload (or a file an attacker managed to upload) named .html, .svg or .js
would, served inline, run script with the site's cookies and origin. Only raster image
types are shown inline, with their own type; everything else is sent as a download with a
neutral type. Every media response also forbids content sniffing and carries a sandboxing
Content-Security-Policy, so even a mislabelled file cannot execute.
"""

import mimetypes
import posixpath

from django.conf import settings
from django.http import Http404
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.static import serve

# Raster images browsers render without running anything. SVG is missing on purpose:
# it is a document that can carry script.
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"})
MEDIA_CSP = "default-src 'none'; sandbox"
# Uploaded files keep their name once stored; a day is a safe browser/CDN cache time.
MEDIA_CACHE_CONTROL = "public, max-age=86400"
# Renditions are named after a hash of their source and crop: a new picture, a new name.
RENDITION_PREFIX = "renditions/"
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"


def serve_media(request, path):
    """Serve MEDIA_ROOT/path: images inline, anything else as an attachment."""
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        # A name longer than the file system allows names no file.
        raise Http404(gettext("No such file.")) from error
    guessed_type, encoding = mimetypes.guess_type(path)
    if response.status_code == 200:
        if guessed_type in INLINE_TYPES and encoding is None:
            response.headers["Content-Type"] = guessed_type
            response.headers["Content-Disposition"] = "inline"
        else:
            response.headers["Content-Type"] = "application/octet-stream"
            response.headers["Content-Disposition"] = content_disposition_header(
                True, posixpath.basename(path)
            )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = MEDIA_CSP
    response.headers.setdefault(
        "Cache-Control",
        RENDITION_CACHE_CONTROL if path.startswith(RENDITION_PREFIX) else MEDIA_CACHE_CONTROL,
    )
    return response
