"""
WordPress post content to clean HTML.

WordPress stores classic posts as text with blank lines for paragraphs (PHP adds the
<p> tags when it shows them) and shortcodes in square brackets; block posts carry their
HTML with the block grammar in comments. Both become plain HTML here; the article
sanitiser then removes anything outside its allow-list.
"""

import json
import re

from django.utils.html import escape

from .html import link, media_link, plain_text, tidy

SHORTCODE = re.compile(
    r"\[(?P<name>caption|wp_caption|gallery|embed|audio|video|playlist)\b(?P<attrs>[^\]]*)\]"
    r"(?:(?P<content>(?:(?!\[(?P=name)[\s\]]).)*?)\[/(?P=name)\])?",
    re.DOTALL,
)
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|(\S+)"""
)
LEADING_IMAGE = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL)
EMBED_BLOCK = re.compile(
    r"<!-- wp:(?:core-)?embed(?:/[\w-]+)?\s*(\{.*?\})?\s*-->(.*?)<!-- /wp:(?:core-)?embed(?:/[\w-]+)? -->",
    re.DOTALL,
)
FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.DOTALL | re.IGNORECASE)
URL_ONLY = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$")
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL | re.IGNORECASE)
BLOCK_NAMES = (
    r"(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|caption|colgroup|tr|td|th"
    r"|blockquote|pre|figure|figcaption|hr|address|section|article|aside|header|footer|nav"
    r"|details|summary|iframe|audio|video|form|fieldset|legend|style|script)"
)
BLOCK_TAG = re.compile(rf"^\s*(?:</?{BLOCK_NAMES}\b|\x00)", re.IGNORECASE)
BLOCK_OPEN = re.compile(rf"(<{BLOCK_NAMES}\b[^>]*>)", re.IGNORECASE)
BLOCK_CLOSE = re.compile(rf"(</{BLOCK_NAMES}>)", re.IGNORECASE)
AUDIO_KEYS = ("src", "mp3", "m4a", "ogg", "wav", "wma")
VIDEO_KEYS = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv")


def parse_attributes(text):
    """Shortcode attributes as WordPress reads them: name="value", name=value or bare values."""
    named, positional = {}, []
    for match in ATTRIBUTE.finditer(text or ""):
        if match.group(1):
            named[match.group(1).lower()] = match.group(2)
        elif match.group(3):
            named[match.group(3).lower()] = match.group(4)
        elif match.group(5):
            named[match.group(5).lower()] = match.group(6)
        else:
            positional.append(match.group(7) if match.group(7) is not None else match.group(8))
    return named, positional


def figure(image_html, caption):
    caption = caption.strip()
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{image_html}{figcaption}</figure>"


def image_tag(url, alt):
    return f'<img src="{escape(url)}" alt="{escape(alt)}">'


class ContentConverter:
    """Converts the bodies of one export; knows its attachments for galleries."""

    def __init__(self, attachments):
        # attachment id -> dict(url, alt, caption, title, parent, mime)
        self.attachments = attachments

    def convert(self, content, post_id=""):
        content = (content or "").replace("\r\n", "\n")
        is_blocks = "<!-- wp:" in content
        content = EMBED_BLOCK.sub(self.embed_block, content)
        content = SHORTCODE.sub(lambda match: self.shortcode(match, post_id), content)
        if not is_blocks:
            content = autop(content)
        return tidy(content)

    def embed_block(self, match):
        try:
            attributes = json.loads(match.group(1) or "{}")
        except ValueError:
            attributes = {}
        url = attributes.get("url") or ""
        if not url:
            found = re.search(r"https?://[^\s<>\"]+", match.group(2))
            url = found.group(0) if found else ""
        if not url:
            return ""
        caption = FIGCAPTION.search(match.group(2))
        return figure(f"<p>{link(url)}</p>", caption.group(1) if caption else "")

    def shortcode(self, match, post_id):
        name = match.group("name")
        named, positional = parse_attributes(match.group("attrs"))
        content = match.group("content") or ""
        if name in ("caption", "wp_caption"):
            return self.caption(named, content)
        if name == "gallery":
            return self.gallery(named, post_id)
        if name == "embed":
            url = content.strip() or named.get("src", "")
            return f"<p>{link(url)}</p>" if url else ""
        if name in ("audio", "video"):
            keys = AUDIO_KEYS if name == "audio" else VIDEO_KEYS
            url = next((named[key] for key in keys if named.get(key)), "")
            url = url or next((value for value in positional if "://" in value), "")
            url = url or self.attached_media(post_id, name)
            return media_link(name, url) if url else ""
        # Playlists need a player this site does not have; list their files instead.
        return self.gallery(named, post_id) if name == "playlist" else match.group(0)

    def caption(self, named, content):
        found = LEADING_IMAGE.match(content)
        if not found:
            return content
        image_html, text = found.group(1), found.group(2)
        return figure(image_html, named.get("caption") or text)

    def gallery(self, named, post_id):
        if named.get("ids") or named.get("include"):
            ids = re.split(r"\s*,\s*", (named.get("ids") or named.get("include")).strip())
            items = [self.attachments[i] for i in ids if i in self.attachments]
        else:
            items = [
                item
                for item in self.attachments.values()
                if item["parent"] == post_id and item["mime"].startswith("image")
            ]
        if not items:
            return ""
        entries = []
        for item in items:
            image = image_tag(item["url"], item["alt"] or item["title"])
            caption = escape(plain_text(item["caption"]))
            entries.append(f"<li>{figure(image, caption) if caption else image}</li>")
        return f"<figure><ul>{''.join(entries)}</ul></figure>"

    def attached_media(self, post_id, kind):
        for item in self.attachments.values():
            if item["parent"] == post_id and item["mime"].startswith(kind):
                return item["url"]
        return ""


def autop(text):
    """
    Blank-line-separated text to paragraphs, as WordPress's wpautop() does when it shows
    a classic post: chunks that already start with a block element are left as they are,
    single line breaks inside a paragraph become <br>, and a chunk that is only a URL
    (which WordPress would embed) becomes a link.
    """
    preserved = []

    def keep(match):
        preserved.append(match.group(0))
        return f"\x00{len(preserved) - 1}\x00"

    text = PRE.sub(keep, text)
    # Like wpautop(), treat every block element as a paragraph break of its own.
    text = BLOCK_OPEN.sub(r"\n\n\1", text)
    text = BLOCK_CLOSE.sub(r"\1\n\n", text)
    chunks = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        url = URL_ONLY.match(chunk)
        if url:
            chunks.append(f"<p>{link(url.group(1))}</p>")
        elif BLOCK_TAG.match(chunk):
            chunks.append(chunk)
        else:
            chunk = re.sub(r"<br\s*/?>\s*\n\s*", "<br>", chunk)
            chunks.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    text = "\n".join(chunks)
    return re.sub(r"\x00(\d+)\x00", lambda match: preserved[int(match.group(1))], text)
