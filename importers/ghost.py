"""
Read a Ghost JSON export (Settings → Labs → Export) into import records.

Only content tables are read: posts, users, tags and their link tables, and posts_meta
for SEO fields. Everything else — settings, roles, permissions, members, sessions and
above all `api_keys` and the users' password hashes — is left untouched; the report
names the tables it ignored.
"""

import json
from datetime import UTC, datetime

from django.utils.text import slugify

from articles.models import Status

from .errors import ImportFileError
from .ghostcards import render_lexical, render_mobiledoc
from .html import absolute_url, plain_text, tidy
from .records import ArticleRecord, AuthorRecord, Export, PhotoRecord

CONTENT_TABLES = {"posts", "users", "tags", "posts_authors", "posts_tags", "posts_meta"}
SECRET_TABLES = {"api_keys", "sessions", "tokens", "members_stripe_customers", "brute", "invites"}
GHOST_URL = "__GHOST_URL__"
STATUSES = {
    "published": Status.PUBLISHED,
    "scheduled": Status.PUBLISHED,
    "draft": Status.DRAFT,
}


def parse_time(value):
    """Ghost writes ISO 8601 in UTC ('2021-03-24T04:34:09.000Z'); old exports omit the zone."""
    if not value:
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    try:
        moment = datetime.fromisoformat(str(value).replace(" ", "T"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def site_relative(url):
    """Ghost 4+ writes its own address as __GHOST_URL__; keep such links site-relative."""
    url = absolute_url(url)
    return url.replace(GHOST_URL, "") if url else ""


def read_json(file):
    try:
        document = json.load(file)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"The file is not valid JSON at line {error.lineno}, column {error.colno}: "
            f"{error.msg}. It may be truncated; nothing was imported."
        ) from error
    except UnicodeDecodeError as error:
        raise ImportFileError(f"The file is not UTF-8 text: {error}.") from error
    if isinstance(document, dict) and isinstance(document.get("db"), list) and document["db"]:
        document = document["db"][0]
    if not isinstance(document, dict) or not isinstance(document.get("data"), dict):
        raise ImportFileError("This is not a Ghost export: there is no db[0].data object.")
    return document.get("meta") or {}, document["data"]


# The text columns of the tables read, as Ghost writes them (text or null).
TEXT_COLUMNS = {
    "posts": ("id", "title", "slug", "html", "lexical", "mobiledoc", "custom_excerpt",
              "feature_image", "status", "visibility", "type", "meta_title", "meta_description"),
    "users": ("id", "name", "slug", "bio", "website", "twitter", "profile_image"),
    "tags": ("id", "name", "slug"),
}  # fmt: skip


def check_types(data):
    """TypeError naming the first row whose text column holds something else (a number,
    a list): such a file was not written by Ghost, and would be imported as nonsense."""
    for table, columns in TEXT_COLUMNS.items():
        rows = data.get(table) or []
        if not isinstance(rows, list):
            raise TypeError(f"“{table}” should be a list of rows, not {type(rows).__name__}")
        for row in rows:
            if not isinstance(row, dict):
                raise TypeError(f"a row of “{table}” is {type(row).__name__}, not an object")
            for column in columns:
                value = row.get(column)
                if value is not None and not isinstance(value, str):
                    raise TypeError(
                        f"{table} {row.get('id')!r}: “{column}” should be text, "
                        f"not {type(value).__name__}"
                    )


class GhostReader:
    def __init__(self, file):
        self.file = file

    def read(self):
        meta, data = read_json(self.file)
        check_types(data)
        export = Export(source="ghost")
        report = self.report = export.report
        report.policies.append(
            "Pages are imported as articles in the “Pages” section; posts go to the default "
            "section and keep their tags. Posts for paying members are imported as drafts. "
            "User passwords, e-mail addresses and API keys are never imported."
        )
        ignored = sorted(name for name, rows in data.items() if name not in CONTENT_TABLES and rows)
        for name in ignored:
            reason = (
                "secrets; never imported" if name in SECRET_TABLES else "not content; not imported"
            )
            report.skip("other", name, f"table {name} ({len(data[name])} rows)", reason)

        users = {row["id"]: row for row in data.get("users") or [] if row.get("id")}
        tags = {row["id"]: row for row in data.get("tags") or [] if row.get("id")}
        posts_meta = {row.get("post_id"): row for row in data.get("posts_meta") or []}
        authors_of, tags_of = {}, {}
        for row in sorted(data.get("posts_authors") or [], key=lambda r: r.get("sort_order") or 0):
            authors_of.setdefault(row.get("post_id"), []).append(row.get("author_id"))
        for row in sorted(data.get("posts_tags") or [], key=lambda r: r.get("sort_order") or 0):
            tags_of.setdefault(row.get("post_id"), []).append(row.get("tag_id"))

        for user_id, user in users.items():
            twitter = (user.get("twitter") or "").strip().lstrip("@")
            export.authors.append(
                AuthorRecord(
                    source_id=user_id,
                    name=plain_text(user.get("name")) or user.get("slug") or "Unnamed author",
                    slug=user.get("slug") or "",
                    bio=user.get("bio") or "",
                    website=absolute_url(user.get("website")),
                    x_handle=twitter.rsplit("/", 1)[-1],
                    avatar_url=site_relative(user.get("profile_image")),
                    legacy_paths=[f"/author/{user.get('slug')}/"] if user.get("slug") else [],
                )
            )

        for post in data.get("posts") or []:
            record = self.article(post, users, tags, posts_meta, authors_of, tags_of)
            if record is not None:
                export.articles.append(record)
        if meta.get("version"):
            report.policies.append(f"Export from Ghost {meta['version']}.")
        return export

    def article(self, post, users, tags, posts_meta, authors_of, tags_of):
        post_id = post.get("id") or ""
        title = plain_text(post.get("title"))
        kind = "page" if post.get("type") == "page" or post.get("page") in (1, True) else "post"
        report_kind = "pages" if kind == "page" else "articles"
        ghost_status = post.get("status") or "draft"
        if ghost_status not in STATUSES:
            self.report.skip(report_kind, post_id, title, f"Ghost status “{ghost_status}”")
            return None
        status = STATUSES[ghost_status]
        notes = []
        visibility = post.get("visibility") or "public"
        if visibility != "public":
            status = Status.DRAFT
            notes.append(
                f"Visible only to {visibility} members on Ghost; imported as a draft so it is "
                "not public."
            )

        slug = slugify(post.get("slug") or "") or slugify(title) or f"{kind}-{post_id}"
        headline = title or f"Untitled {kind} {post_id}"
        if not title:
            notes.append("Had no title; the headline was made up.")

        body = post.get("html")
        if not body and post.get("lexical"):
            body = render_lexical(post["lexical"])
        elif not body and post.get("mobiledoc"):
            body = render_mobiledoc(post["mobiledoc"])
        body = tidy((body or "").replace(GHOST_URL, ""))

        extra = posts_meta.get(post_id) or {}
        photo = None
        feature_image = site_relative(post.get("feature_image"))
        if feature_image:
            photo = PhotoRecord(
                source_id=feature_image,
                url=feature_image,
                alt_text=plain_text(extra.get("feature_image_alt") or post.get("feature_image_alt"))
                or headline,
                caption=plain_text(
                    extra.get("feature_image_caption") or post.get("feature_image_caption")
                ),
            )

        author_ids = authors_of.get(post_id) or [post.get("author_id")]
        author_ids = [author_id for author_id in author_ids if author_id in users]
        tag_names = []
        for tag_id in tags_of.get(post_id, []):
            tag = tags.get(tag_id)
            if tag is None:
                continue
            if tag.get("name", "").startswith("#"):
                continue  # internal tags steer Ghost themes and mean nothing to readers
            tag_names.append(plain_text(tag.get("name")))

        def seo(name):
            return plain_text(extra.get(name) or post.get(name))

        return ArticleRecord(
            kind=kind,
            source_id=post_id,
            headline=headline,
            slug=slug,
            status=status,
            published_at=parse_time(post.get("published_at"))
            if ghost_status != "draft" or post.get("published_at")
            else None,
            body=body,
            standfirst=plain_text(post.get("custom_excerpt")),
            author_ids=author_ids,
            tags=[name for name in tag_names if name],
            photo=photo,
            is_featured=post.get("featured") in (1, True, "1", "true"),
            seo_title=seo("meta_title"),
            seo_description=seo("meta_description"),
            legacy_paths=[f"/{post.get('slug')}/"] if post.get("slug") else [],
            notes=notes,
        )
