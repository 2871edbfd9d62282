"""Small HTML helpers shared by the WordPress and Ghost converters."""

import html
import re

from django.utils.html import escape, strip_tags

PROTOCOL_RELATIVE = re.compile(r"""(\b(?:src|href)\s*=\s*["'])//""", re.IGNORECASE)
IFRAME = re.compile(
    r"""<iframe\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>.*?</iframe>""",
    re.IGNORECASE | re.DOTALL,
)
MEDIA_ELEMENT = re.compile(r"<(audio|video)\b([^>]*)>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
SRC_ATTRIBUTE = re.compile(r"""\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
OUT_OF_RANGE_HEADING = re.compile(r"<(/?)h([156])\b", re.IGNORECASE)
HEADING_FOR = {"1": "2", "5": "4", "6": "4"}
MEDIA_LABEL = {"audio": "Listen to the audio", "video": "Watch the video"}


def plain_text(value):
    """Markup and entities removed, whitespace collapsed: for headlines and standfirsts."""
    if not value:
        return ""
    text = html.unescape(strip_tags(value))
    return " ".join(text.split())


def absolute_url(url):
    """`//host/x` becomes `https://host/x`; everything else is returned unchanged."""
    url = (url or "").strip()
    return "https:" + url if url.startswith("//") else url


def link(url, text=None):
    url = absolute_url(url)
    return f'<a href="{escape(url)}">{escape(text or url)}</a>'


def media_link(kind, url):
    return f"<p>{link(url, MEDIA_LABEL.get(kind, url))}</p>"


def tidy(body):
    """
    Turn what the sanitiser would throw away into something it keeps: iframes, audio
    and video become links, protocol-relative URLs get https, and h1/h5/h6 move into
    the h2–h4 range articles use.
    """
    body = PROTOCOL_RELATIVE.sub(r"\1https://", body)
    body = IFRAME.sub(lambda match: f"<p>{link(match.group(1))}</p>", body)

    def replace_media(match):
        kind, attributes, inner = match.group(1).lower(), match.group(2), match.group(3)
        source = SRC_ATTRIBUTE.search(attributes) or SRC_ATTRIBUTE.search(inner)
        return media_link(kind, source.group(1)) if source else ""

    body = MEDIA_ELEMENT.sub(replace_media, body)
    return OUT_OF_RANGE_HEADING.sub(
        lambda match: f"<{match.group(1)}h{HEADING_FOR[match.group(2)]}", body
    )
