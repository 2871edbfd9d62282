"""
The shape every export is read into before anything is written.

Parsers (wordpress.py, ghost.py) turn a file into these records and never touch the
database; the loader (loader.py) writes records and never looks at a file format.
"""

from dataclasses import dataclass, field
from datetime import datetime

from .report import ImportReport


@dataclass
class AuthorRecord:
    source_id: str
    name: str
    slug: str = ""
    bio: str = ""
    website: str = ""
    x_handle: str = ""
    avatar_url: str = ""
    legacy_paths: list = field(default_factory=list)


@dataclass
class SectionRecord:
    source_id: str
    name: str
    slug: str = ""
    description: str = ""
    legacy_paths: list = field(default_factory=list)


@dataclass
class PhotoRecord:
    source_id: str
    url: str
    alt_text: str = ""
    caption: str = ""
    photographer: str = ""
    agency: str = ""


@dataclass
class ArticleRecord:
    kind: str  # "post" or "page"
    source_id: str
    headline: str
    slug: str
    status: str
    published_at: datetime | None
    body: str = ""
    standfirst: str = ""
    section_id: str | None = None
    author_ids: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    photo: PhotoRecord | None = None
    is_featured: bool = False
    seo_title: str = ""
    seo_description: str = ""
    legacy_paths: list = field(default_factory=list)
    notes: list = field(default_factory=list)


@dataclass
class Export:
    """Everything read from one file, plus what the parser already decided to skip."""

    source: str
    authors: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)
