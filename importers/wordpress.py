"""
Read a WordPress eXtended RSS (WXR) export into import records.

Elements are matched by local name and a namespace *family*, not by exact namespace
URI: WordPress writes `http://wordpress.org/export/1.2/`, but hand-edited and
WordPress.com files use `https://`, and older exports say 1.0 or 1.1. The file is read
incrementally with defusedxml (no entity expansion, no external resources), and each
<item> is dropped from memory once it has been read.
"""

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Status

from .errors import ImportFileError
from .html import plain_text
from .records import ArticleRecord, AuthorRecord, Export, PhotoRecord, SectionRecord
from .wpcontent import ContentConverter

NAMESPACE_FAMILIES = {
    "purl.org/rss/1.0/modules/content": "content",
    "purl.org/dc/elements/1.1": "dc",
    "wellformedweb.org/CommentAPI": "wfw",
}
ZERO_DATE = "0000-00-00 00:00:00"
IMPORTED_TYPES = {"post", "page"}
SKIPPED_TYPES = {
    "attachment": "media library entry; used for featured images and galleries, file not fetched",
    "nav_menu_item": "navigation menu item; menus are not imported",
    "wp_navigation": "navigation menu; menus are not imported",
    "revision": "earlier revision of a post",
    "wp_block": "reusable block definition",
    "wp_template": "theme template",
    "wp_template_part": "theme template part",
    "wp_global_styles": "theme styles",
    "custom_css": "theme CSS",
}
SKIPPED_STATUSES = {
    "trash": "in the WordPress bin",
    "auto-draft": "automatic draft that was never edited",
    "inherit": "belongs to another post (revision or attachment)",
}
YOAST_VARIABLE = re.compile(r"%%[a-z_]+%%")


def local_name(tag):
    """'{https://wordpress.org/export/1.2/}post_id' -> 'wp:post_id'."""
    if not tag.startswith("{"):
        return tag
    uri, name = tag[1:].split("}", 1)
    family = re.sub(r"^https?://", "", uri).rstrip("/")
    if family.startswith("wordpress.org/export/"):
        prefix = "excerpt" if family.endswith("/excerpt") else "wp"
    else:
        prefix = NAMESPACE_FAMILIES.get(family, family)
    return f"{prefix}:{name}"


def element_to_dict(element):
    """Children as {name: text}, plus lists for the repeating ones."""
    data = {"categories": [], "postmeta": {}, "comments": 0}
    for child in element:
        name = local_name(child.tag)
        if name == "category":
            data["categories"].append(
                (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name == "wp:postmeta":
            meta = {local_name(part.tag): part.text or "" for part in child}
            data["postmeta"][meta.get("wp:meta_key", "")] = meta.get("wp:meta_value", "")
        elif name == "wp:comment":
            data["comments"] += 1
        else:
            data[name] = (child.text or "").strip() if len(child) == 0 else child
    return data


def read_wxr(file):
    """Channel fields, authors, categories and items of a WXR file, as plain dicts."""
    channel, authors, categories, items = {}, [], [], []
    depth = 0
    try:
        for event, element in iterparse(file, events=("start", "end")):
            if event == "start":
                depth += 1
                continue
            depth -= 1
            name = local_name(element.tag)
            if depth == 2 and name in ("title", "link", "wp:base_blog_url", "wp:wxr_version"):
                channel[name] = (element.text or "").strip()
            elif depth == 2 and name == "wp:author":
                authors.append(element_to_dict(element))
            elif depth == 2 and name == "wp:category":
                categories.append(element_to_dict(element))
            elif depth == 2 and name == "item":
                items.append(element_to_dict(element))
                element.clear()
            elif depth == 0 and name != "rss":
                raise ImportFileError(f"This is not a WordPress export: the root is <{name}>.")
    except ParseError as error:
        line, column = error.position
        raise ImportFileError(
            f"The file is not well-formed XML at line {line}, column {column + 1}: {error.msg}. "
            "It may be truncated; nothing was imported."
        ) from error
    except DefusedXmlException as error:
        raise ImportFileError(f"The file uses a forbidden XML feature: {error}.") from error
    if "wp:wxr_version" not in channel and not authors and not categories:
        raise ImportFileError("This is an RSS file but not a WordPress export (no wp: elements).")
    return channel, authors, categories, items


def parse_gmt(value):
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def item_date(item):
    """Publication time: post_date_gmt, else post_date in the site's zone, else pubDate."""
    moment = parse_gmt(item.get("wp:post_date_gmt"))
    if moment:
        return moment
    local = parse_gmt(item.get("wp:post_date"))
    if local and item.get("wp:status") not in ("draft", "pending", "auto-draft"):
        return timezone.make_aware(local.replace(tzinfo=None))
    if item.get("pubDate") and item.get("wp:status") not in ("draft", "pending", "auto-draft"):
        try:
            return parsedate_to_datetime(item["pubDate"])
        except (TypeError, ValueError):
            return None
    return None


def legacy_path(url, site_host):
    """The path (and query) of `url` on the old site, or '' if it points elsewhere."""
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.netloc and site_host and parts.netloc != site_host:
        return ""
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def yoast_text(value, headline):
    """Yoast templates such as '%%title%% %%sep%% %%sitename%%', reduced to plain text."""
    if "%%" not in value:
        return plain_text(value)
    value = value.replace("%%title%%", headline)
    value = YOAST_VARIABLE.sub("", value)
    return plain_text(value).strip(" -|–—·")


def make_slug(*candidates):
    for candidate in candidates:
        slug = slugify(unquote(candidate or ""))
        if slug:
            return slug
    return ""


class WordPressReader:
    def __init__(self, file):
        self.file = file

    def read(self):
        channel, authors, categories, items = read_wxr(self.file)
        site_url = channel.get("wp:base_blog_url") or channel.get("link") or ""
        self.site_host = urlsplit(site_url).netloc
        export = Export(source=f"wordpress:{self.site_host}" if self.site_host else "wordpress")
        self.report = export.report
        self.report.policies.append(
            "Pages are imported as articles in the “Pages” section. Posts go to the section of "
            "their first category (other categories become tags); posts without one go to the "
            "default section. Comments, menus and the media library itself are not imported."
        )
        self.attachments = {
            item.get("wp:post_id", ""): self.attachment(item)
            for item in items
            if item.get("wp:post_type") == "attachment"
        }
        self.converter = ContentConverter(self.attachments)

        self.authors = {}
        for data in authors:
            login = data.get("wp:author_login", "")
            if not login:
                continue
            full_name = " ".join(
                part
                for part in (data.get("wp:author_first_name"), data.get("wp:author_last_name"))
                if part
            )
            record = AuthorRecord(
                source_id=login,
                name=plain_text(data.get("wp:author_display_name")) or full_name or login,
                slug=make_slug(login),
                legacy_paths=[f"/author/{make_slug(login)}/"],
            )
            self.authors[login] = record
        self.author_by_nicename = {}
        for login, record in self.authors.items():
            self.author_by_nicename[make_slug(login)] = record
            self.author_by_nicename["cap-" + make_slug(login)] = record

        self.categories = {
            data.get("wp:category_nicename", ""): data
            for data in categories
            if data.get("wp:category_nicename")
        }
        self.sections = {}

        for item in items:
            record = self.article(item)
            if record is not None:
                export.articles.append(record)
            if item.get("comments"):
                self.report.skip(
                    "comments",
                    item.get("wp:post_id", ""),
                    plain_text(item.get("title")),
                    f"{item['comments']} comment(s); comments are not imported",
                )
        export.authors = list(self.authors.values())
        export.sections = list(self.sections.values())
        for nicename, data in self.categories.items():
            if nicename not in self.sections:
                self.report.skip(
                    "sections",
                    nicename,
                    plain_text(data.get("wp:cat_name")),
                    "no post has it as its first category (kept as a tag where used)",
                )
        return export

    @staticmethod
    def attachment(item):
        meta = item["postmeta"]
        credit = re.search(r's:6:"credit";s:\d+:"([^"]*)"', meta.get("_wp_attachment_metadata", ""))
        url = item.get("wp:attachment_url") or item.get("guid") or ""
        return {
            "url": url.strip(),
            "alt": plain_text(meta.get("_wp_attachment_image_alt")),
            "caption": item.get("excerpt:encoded", ""),
            "title": plain_text(item.get("title")),
            "parent": item.get("wp:post_parent", ""),
            "mime": guess_mime(url),
            "credit": plain_text(credit.group(1)) if credit else "",
        }

    def article(self, item):
        post_type = item.get("wp:post_type", "")
        post_id = item.get("wp:post_id", "")
        title = plain_text(item.get("title"))
        if post_type not in IMPORTED_TYPES:
            reason = SKIPPED_TYPES.get(post_type, f"post type “{post_type}” is not imported")
            self.report.skip("other", post_id, title, reason)
            return None
        kind = post_type
        report_kind = "pages" if kind == "page" else "articles"
        wp_status = item.get("wp:status", "")
        if wp_status in SKIPPED_STATUSES:
            self.report.skip(report_kind, post_id, title, SKIPPED_STATUSES[wp_status])
            return None

        notes = []
        status = {
            "publish": Status.PUBLISHED,
            "future": Status.PUBLISHED,
            "pending": Status.REVIEW,
        }.get(wp_status, Status.DRAFT)
        if wp_status == "private":
            notes.append("Private on WordPress; imported as a draft.")
        if item.get("wp:post_password"):
            status = Status.DRAFT
            notes.append(
                "Password-protected on WordPress; imported as a draft so it is not public."
            )
        if wp_status not in ("publish", "future", "pending", "draft", "private"):
            notes.append(f"WordPress status “{wp_status}”; imported as a draft.")

        slug = make_slug(item.get("wp:post_name"), title) or f"{kind}-{post_id}"
        headline = title
        if not headline:
            headline = slug.replace("-", " ").capitalize() if item.get("wp:post_name") else ""
            headline = headline or f"Untitled {kind} {post_id}"
            notes.append(f"Had no title; the headline “{headline}” was made up.")

        section_id, tags, authors = None, [], []
        for domain, nicename, text in item["categories"]:
            if domain == "category":
                if section_id is None and (
                    nicename != "uncategorized" or not self.other_categories(item)
                ):
                    section_id = self.section_for(nicename, text)
                else:
                    tags.append(plain_text(text))
            elif domain == "post_tag":
                tags.append(plain_text(text))
            elif domain == "author":
                authors.append(self.author_for(nicename, text))
        if not authors:
            creator = item.get("dc:creator", "")
            if creator in self.authors:
                authors.append(self.authors[creator])
            elif creator:
                authors.append(self.author_for(make_slug(creator), creator))

        meta = item["postmeta"]
        photo = None
        thumbnail_id = meta.get("_thumbnail_id", "")
        if thumbnail_id and thumbnail_id in self.attachments:
            attachment = self.attachments[thumbnail_id]
            photo = PhotoRecord(
                source_id=thumbnail_id,
                url=attachment["url"],
                alt_text=attachment["alt"] or attachment["title"] or headline,
                caption=plain_text(attachment["caption"]),
                photographer=attachment["credit"],
            )
        elif thumbnail_id:
            notes.append(f"Its featured image (attachment {thumbnail_id}) is not in the export.")

        # A guid of the form /?p=N can name another post (copied content); this post's
        # own shortlink is added from its id instead.
        guid = legacy_path(item.get("guid"), self.site_host)
        paths = [
            f"/?p={post_id}" if kind == "post" else f"/?page_id={post_id}",
            legacy_path(item.get("link"), self.site_host),
            "" if "?" in guid else guid,
        ]
        return ArticleRecord(
            kind=kind,
            source_id=post_id,
            headline=headline,
            slug=slug,
            status=status,
            published_at=item_date(item),
            body=self.converter.convert(item.get("content:encoded", ""), post_id),
            standfirst=plain_text(item.get("excerpt:encoded")),
            section_id=section_id,
            author_ids=[author.source_id for author in authors],
            tags=[tag for tag in tags if tag],
            photo=photo,
            is_featured=item.get("wp:is_sticky") == "1",
            seo_title=yoast_text(
                meta.get("_yoast_wpseo_title") or meta.get("_aioseop_title", ""), headline
            ),
            seo_description=yoast_text(
                meta.get("_yoast_wpseo_metadesc") or meta.get("_aioseop_description", ""),
                headline,
            ),
            legacy_paths=[path for path in paths if path and path != "/"],
            notes=notes,
        )

    @staticmethod
    def other_categories(item):
        return [
            nicename
            for domain, nicename, _ in item["categories"]
            if domain == "category" and nicename != "uncategorized"
        ]

    def section_for(self, nicename, text):
        if nicename not in self.sections:
            data = self.categories.get(nicename, {})
            self.sections[nicename] = SectionRecord(
                source_id=nicename,
                name=plain_text(data.get("wp:cat_name") or text) or nicename,
                slug=make_slug(nicename),
                description=plain_text(data.get("wp:category_description")),
                legacy_paths=[f"/category/{nicename}/"],
            )
        return nicename

    def author_for(self, nicename, name):
        """A WordPress user, or a Co-Authors Plus guest author met for the first time."""
        if nicename in self.author_by_nicename:
            return self.author_by_nicename[nicename]
        slug = make_slug(nicename.removeprefix("cap-"), name)
        record = AuthorRecord(
            source_id=f"guest:{nicename}",
            name=plain_text(name) or nicename,
            slug=slug,
            legacy_paths=[f"/author/{nicename}/"],
        )
        self.authors[record.source_id] = record
        self.author_by_nicename[nicename] = record
        return record


def guess_mime(url):
    extension = url.rsplit(".", 1)[-1].lower() if "." in url else ""
    if extension in ("jpg", "jpeg", "png", "gif", "webp", "avif", "svg"):
        return "image"
    if extension in ("mp3", "m4a", "ogg", "wav", "wma"):
        return "audio"
    if extension in ("mp4", "m4v", "mov", "webm", "ogv", "wmv", "flv"):
        return "video"
    return "other"
