"""
Ghost editor documents (mobiledoc and lexical) to HTML, for posts exported without
their rendered `html`. Covers text with links and emphasis, headings, quotes, lists and
the cards newsrooms use: image, gallery, bookmark, embed, markdown, code, html, hr.
Cards with no meaning outside Ghost (paywall, signup, buttons) are dropped.
"""

import json

from django.utils.html import escape, linebreaks

from .html import link, media_link

LEXICAL_FORMATS = (
    (1, "strong"),
    (2, "em"),
    (4, "s"),
    (8, "u"),
    (16, "code"),
    (32, "sub"),
    (64, "sup"),
)


def image_figure(src, alt="", caption=""):
    if not src:
        return ""
    image = f'<img src="{escape(src)}" alt="{escape(alt or "")}">'
    caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{image}{caption_html}</figure>"


def render_card(name, payload):
    """HTML for one card; the caption fields are already HTML in Ghost exports."""
    payload = payload or {}
    caption = payload.get("caption") or ""
    if name == "image":
        return image_figure(payload.get("src"), payload.get("alt"), caption)
    if name == "gallery":
        items = "".join(
            f'<li><img src="{escape(image.get("src", ""))}" alt="{escape(image.get("alt") or "")}"></li>'
            for image in payload.get("images") or []
            if image.get("src")
        )
        caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
        return f"<figure><ul>{items}</ul>{caption_html}</figure>" if items else ""
    if name == "bookmark":
        metadata = payload.get("metadata") or {}
        url = payload.get("url") or metadata.get("url") or ""
        if not url:
            return ""
        title = metadata.get("title") or url
        description = metadata.get("description") or ""
        text = f"<p><strong>{link(url, title)}</strong></p>"
        if description:
            text += f"<p>{escape(description)}</p>"
        return f"<blockquote>{text}</blockquote>"
    if name == "embed":
        url = payload.get("url") or ""
        caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
        return f"<figure><p>{link(url)}</p>{caption_html}</figure>" if url else ""
    if name == "markdown":
        # Rendered as plain paragraphs: the exported `html` carries the formatted version.
        return linebreaks(payload.get("markdown") or "", autoescape=True)
    if name == "code":
        return f"<pre><code>{escape(payload.get('code') or '')}</code></pre>"
    if name == "html":
        return payload.get("html") or ""
    if name in ("hr", "horizontalrule"):
        return "<hr>"
    if name in ("audio", "video", "file"):
        url = payload.get("src") or ""
        return media_link(name, url) if url else ""
    return ""


def render_mobiledoc(document):
    data = json.loads(document) if isinstance(document, str) else document
    markups = data.get("markups") or []
    atoms = data.get("atoms") or []
    cards = data.get("cards") or []

    def markers_html(markers):
        out, open_tags = [], []
        for marker in markers:
            kind, opens, closes, value = marker[0], marker[1], marker[2], marker[3]
            for index in opens:
                tag, attributes = markups[index][0], markups[index][1:] and markups[index][1]
                attribute_html = ""
                if attributes:
                    pairs = zip(attributes[::2], attributes[1::2], strict=False)
                    attribute_html = "".join(f' {name}="{escape(val)}"' for name, val in pairs)
                out.append(f"<{tag}{attribute_html}>")
                open_tags.append(tag)
            if kind == 0:
                out.append(escape(value))
            elif kind == 1 and value < len(atoms):
                atom = atoms[value]
                out.append("<br>" if atom[0] == "soft-return" else escape(atom[1]))
            for _ in range(closes):
                out.append(f"</{open_tags.pop()}>")
        out.extend(f"</{tag}>" for tag in reversed(open_tags))
        return "".join(out)

    parts = []
    for section in data.get("sections") or []:
        kind = section[0]
        if kind == 1:
            tag = section[1].lower()
            tag = {"pull-quote": "blockquote", "aside": "blockquote"}.get(tag, tag)
            parts.append(f"<{tag}>{markers_html(section[2])}</{tag}>")
        elif kind == 3:
            items = "".join(f"<li>{markers_html(item)}</li>" for item in section[2])
            parts.append(f"<{section[1]}>{items}</{section[1]}>")
        elif kind == 2:
            parts.append(image_figure(section[1]))
        elif kind == 10 and section[1] < len(cards):
            name, payload = cards[section[1]][0], cards[section[1]][1]
            parts.append(render_card(name, payload))
    return "\n".join(part for part in parts if part)


def render_lexical(document):
    data = json.loads(document) if isinstance(document, str) else document

    def children(node):
        return "".join(render(child) for child in node.get("children") or [])

    def render(node):
        kind = node.get("type")
        if kind in ("text", "extended-text"):
            text = escape(node.get("text") or "")
            for bit, tag in LEXICAL_FORMATS:
                if (node.get("format") or 0) & bit:
                    text = f"<{tag}>{text}</{tag}>"
            return text
        if kind == "linebreak":
            return "<br>"
        if kind == "link":
            return f'<a href="{escape(node.get("url") or "")}">{children(node)}</a>'
        if kind in ("paragraph", "extended-paragraph"):
            return f"<p>{children(node)}</p>"
        if kind in ("heading", "extended-heading"):
            tag = node.get("tag") or "h2"
            return f"<{tag}>{children(node)}</{tag}>"
        if kind in ("quote", "extended-quote", "aside"):
            return f"<blockquote>{children(node)}</blockquote>"
        if kind == "list":
            tag = "ol" if node.get("listType") == "number" else "ul"
            return f"<{tag}>{children(node)}</{tag}>"
        if kind == "listitem":
            return f"<li>{children(node)}</li>"
        if kind == "codeblock":
            return render_card("code", node)
        if kind == "root":
            return children(node)
        return render_card(kind, node)

    return render(data.get("root") or {})
