"""`{% picture %}`: a responsive <img> built from a photo's stored renditions."""

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html

from articles.renditions import renditions_for

register = template.Library()

# The width the browser picks when it ignores srcset; wide enough for a phone at 2x.
DEFAULT_WIDTH = 960


@register.simple_tag
def picture(photo, sizes="100vw", ratio="", hero=False, css_class=""):
    """
    An <img> with `srcset` of WebP renditions, explicit width and height (no layout
    shift) and the loading hints: the hero is fetched early, everything else lazily.

    Reads the renditions stored on the photo; with none made yet, the original is used.
    """
    if not photo:
        return ""
    renditions = renditions_for(photo, ratio)
    if renditions:
        largest = renditions[-1]
        fallback = next(
            (r for r in reversed(renditions) if r.width <= DEFAULT_WIDTH), renditions[0]
        )
        src, width, height = fallback.url, largest.width, largest.height
        srcset = ", ".join(f"{r.url} {r.width}w" for r in renditions)
    else:
        src, width, height, srcset = photo.url, photo.width, photo.height, ""
    attributes = [("src", src)]
    if srcset:
        attributes += [("srcset", srcset), ("sizes", sizes)]
    attributes.append(("alt", photo.alt_text))
    if width and height:
        attributes += [("width", width), ("height", height)]
    if hero:
        attributes.append(("fetchpriority", "high"))
    else:
        attributes += [("loading", "lazy"), ("decoding", "async")]
    if css_class:
        attributes.append(("class", css_class))
    return format_html("<img{}>", flatatt(dict(attributes)))
