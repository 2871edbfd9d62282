"""
Write an `Export` into the database, idempotently.

Every row the loader creates is recorded in `ImportedItem` under the export's source
and the item's id there; the next run finds it and updates it in place (the export
wins for the fields it carries) or leaves it alone when nothing differs. Nothing is
matched by title, so renamed items are still found. The caller runs `load()` inside
one transaction, or the steps of a batched import each in its own (see run_import).
"""

import re
from contextlib import suppress
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from taggit.models import Tag

from articles.models import Article, ArticleAuthor, Photo, Section, Status
from authors.models import Author
from redirects import models as redirects
from redirects.models import Redirect

from .errors import ImportFileError, ImportStopped
from .models import ImportedItem
from .report import IMPORTED, UNCHANGED, UPDATED

# How the report counts what Redirect.objects.point did with an old address.
REDIRECT_OUTCOMES = {
    redirects.CREATED: IMPORTED,
    redirects.UPDATED: UPDATED,
    redirects.UNCHANGED: UNCHANGED,
}

PAGES_SECTION = ("Pages", "pages")
# Where uploads live in the URL of the old site; the local copy mirrors what follows.
MEDIA_MARKERS = ("/wp-content/uploads/", "/content/images/")
IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
TAG_NAME_LENGTH = 100

FILLED_WHEN_EMPTY = {"standfirst", "seo_description"}


def field_length(model, name):
    return model._meta.get_field(name).max_length


def clip(value, model, name):
    return (value or "")[: field_length(model, name)]


def find_local_media(media_dir, url):
    """The file in `media_dir` that holds `url`, or None. Never leaves `media_dir`."""
    if not media_dir or not url:
        return None
    root = Path(media_dir).resolve()
    path = unquote(urlsplit(url).path)
    candidates = [path.split(marker, 1)[1] for marker in MEDIA_MARKERS if marker in path]
    candidates += [path.lstrip("/"), PurePosixPath(path).name]
    for relative in candidates:
        if not relative:
            continue
        candidate = (root / relative).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


class Loader:
    def __init__(self, export, *, media_dir=None, dry_run=False, default_section="News"):
        self.export = export
        self.source = export.source
        self.report = export.report
        self.report.source = export.source
        self.report.dry_run = dry_run
        self.media_dir = media_dir
        self.dry_run = dry_run
        self.default_section_name = default_section
        self.saved_files = []
        self.authors = {}
        self.sections = {}
        self.photos = {}
        self.reserved_slugs = {}
        self.claimed_paths = set()
        self.content_types = {}
        self.known = {
            (item.kind, item.source_id): item
            for item in ImportedItem.objects.filter(source=self.source)
        }

    # Provenance ------------------------------------------------------------------

    def content_type(self, model):
        if model not in self.content_types:
            self.content_types[model] = ContentType.objects.get_for_model(model)
        return self.content_types[model]

    def find(self, kind, source_id, model):
        """The row imported earlier for this item, or None (also when it was deleted since)."""
        item = self.known.get((kind, str(source_id)))
        if item is None or item.content_type_id != self.content_type(model).pk:
            return None
        return model.objects.filter(pk=item.object_id).first()

    def remember(self, kind, source_id, obj, note=""):
        item, _ = ImportedItem.objects.update_or_create(
            source=self.source,
            kind=kind,
            source_id=str(source_id),
            defaults={
                "content_type": self.content_type(type(obj)),
                "object_id": obj.pk,
                "note": note,
            },
        )
        self.known[(kind, str(source_id))] = item

    def unique_slug(self, model, wanted, fallback):
        """`wanted` as a slug, with -2, -3… appended when another row already has it."""
        max_length = field_length(model, "slug")
        base = slugify(wanted)[:max_length].strip("-") or slugify(fallback)[:max_length]
        reserved = self.reserved_slugs.setdefault(model, set())
        candidate, number = base, 1
        while candidate in reserved or model.objects.filter(slug=candidate).exists():
            number += 1
            suffix = f"-{number}"
            candidate = base[: max_length - len(suffix)] + suffix
        reserved.add(candidate)
        return candidate

    @staticmethod
    def apply(obj, values):
        """Set `values` on `obj`; True when any of them differed."""
        changed = False
        for name, value in values.items():
            # The site fills these from the body when they are empty, so an empty value in
            # the export means "let the site derive it", not a change.
            if name in FILLED_WHEN_EMPTY and not value and getattr(obj, name):
                continue
            if getattr(obj, name) != value:
                setattr(obj, name, value)
                changed = True
        return changed

    # Media -------------------------------------------------------------------------

    def attach_local_file(self, field_file, url, label):
        """Copy the local copy of `url` into `field_file`; False when there is none."""
        local = find_local_media(self.media_dir, url)
        if local is None:
            return False
        if self.dry_run:
            self.report.copied_media.append({"url": url, "file": str(local), "would_copy": True})
            return True
        with local.open("rb") as handle:
            try:
                # The field stores a clean copy: upright, without location or camera data.
                field_file.save(local.name, File(handle), save=False)
            except ValidationError as error:
                # One bad file must not stop the import: the item keeps its source URL.
                self.report.note(label, url, local.name, f"Not copied: {' '.join(error.messages)}")
                return False
        self.saved_files.append(field_file.name)
        self.report.copied_media.append({"url": url, "file": str(local), "stored_as": label})
        return True

    def discard_saved_files(self):
        """Remove files copied by a run whose transaction was rolled back."""
        for name in self.saved_files:
            default_storage.delete(name)
        self.saved_files = []

    # Loading -----------------------------------------------------------------------

    def load(self, progress=None):
        self.load_authors_and_sections()
        self.load_articles(self.export.articles, progress)
        return self.report

    def load_authors_and_sections(self):
        for record in self.export.authors:
            self.load_author(record)
        for record in self.export.sections:
            self.load_section(record)
        self.count_tags()

    def load_articles(self, records, progress=None, start=0):
        """Load `records`, the articles and pages from number `start` of the export on."""
        total = len(self.export.articles)
        for done, record in enumerate(records, start=start + 1):
            self.load_article(record)
            if progress:
                progress(done, total)

    def load_author(self, record):
        values = {
            "name": clip(record.name, Author, "name"),
            "bio": record.bio,
            "website": clip(record.website, Author, "website"),
            "x_handle": clip(record.x_handle, Author, "x_handle"),
        }
        author = self.find("author", record.source_id, Author)
        if author is None:
            slug = self.unique_slug(
                Author, record.slug or record.name, f"author-{record.source_id}"
            )
            author = Author(slug=slug, **values)
            self.attach_avatar(author, record)
            author.save()
            self.remember("author", record.source_id, author)
            self.report.count("authors", IMPORTED)
        else:
            changed = self.apply(author, values)
            changed = self.attach_avatar(author, record) or changed
            if changed:
                author.save()
            self.report.count("authors", UPDATED if changed else UNCHANGED)
        self.authors[record.source_id] = author
        self.load_legacy_paths(record.legacy_paths, author)

    def attach_avatar(self, author, record):
        if not record.avatar_url:
            return False
        if not author.avatar and self.attach_local_file(author.avatar, record.avatar_url, "avatar"):
            return not self.dry_run
        if not author.avatar:
            self.report.remote_media.add(record.avatar_url)
        return False

    def load_section(self, record):
        section = self.find("category", record.source_id, Section)
        if section is None:
            slug = slugify(record.slug or record.name)[: field_length(Section, "slug")]
            section = (
                Section.objects.filter(slug=slug).first()
                or Section.objects.filter(name__iexact=record.name).first()
            )
            if section is not None:
                self.report.count("sections", UNCHANGED)
                self.report.note(
                    "sections",
                    record.source_id,
                    record.name,
                    f"matched the existing section “{section.name}”",
                )
            else:
                section = Section(
                    name=self.unique_section_name(record.name),
                    slug=self.unique_slug(Section, slug, f"section-{record.source_id}"),
                    description=record.description,
                )
                section.save()
                self.report.count("sections", IMPORTED)
            self.remember("category", record.source_id, section)
        else:
            self.report.count("sections", UNCHANGED)
        self.sections[record.source_id] = section
        self.load_legacy_paths(record.legacy_paths, section)

    def unique_section_name(self, name):
        name = clip(name, Section, "name") or "Untitled section"
        candidate, number = name, 1
        while Section.objects.filter(name=candidate).exists():
            number += 1
            candidate = f"{name} ({number})"
        return candidate

    def named_section(self, name, slug):
        section = Section.objects.filter(slug=slug).first()
        if section is None:
            section = Section.objects.create(
                name=self.unique_section_name(name), slug=self.unique_slug(Section, slug, slug)
            )
            self.report.count("sections", IMPORTED)
        return section

    def section_for(self, record):
        if record.kind == "page":
            if "__pages__" not in self.sections:
                self.sections["__pages__"] = self.named_section(*PAGES_SECTION)
            return self.sections["__pages__"]
        if record.section_id in self.sections:
            return self.sections[record.section_id]
        if "__default__" not in self.sections:
            name = self.default_section_name
            self.sections["__default__"] = self.named_section(name, slugify(name) or "news")
        return self.sections["__default__"]

    def count_tags(self):
        names = {name[:TAG_NAME_LENGTH] for record in self.export.articles for name in record.tags}
        existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
        for name in names:
            self.report.count("tags", UNCHANGED if name in existing else IMPORTED)

    def load_photo(self, record):
        values = {
            "source_url": clip(record.url, Photo, "source_url"),
            "alt_text": clip(record.alt_text, Photo, "alt_text"),
            "caption": record.caption,
            "photographer": clip(record.photographer, Photo, "photographer"),
            "agency": clip(record.agency, Photo, "agency"),
        }
        if record.source_id in self.photos:
            return self.photos[record.source_id]  # one picture heading several articles
        photo = self.find("photo", record.source_id, Photo)
        created = photo is None
        if created:
            photo = Photo(**values)
            changed = True
        else:
            changed = self.apply(photo, values)
        if not photo.image and not self.attach_local_file(photo.image, record.url, "photo"):
            self.report.remote_media.add(record.url)
        elif photo.image and photo.image.name in self.saved_files:
            changed = True
        if changed:
            photo.save()
        if created:
            self.remember("photo", record.source_id, photo)
        self.report.count("photos", IMPORTED if created else UPDATED if changed else UNCHANGED)
        self.photos[record.source_id] = photo
        return photo

    def load_article(self, record):
        kind = "pages" if record.kind == "page" else "articles"
        # The body as the article will store it, to compare with what is stored.
        incoming = Article(body=record.body)
        incoming.derive_fields()
        body = incoming.body
        for url in IMG_SRC.findall(body):
            if url.startswith(("http://", "https://")):
                self.report.remote_media.add(url)
        values = {
            "headline": clip(record.headline, Article, "headline"),
            "standfirst": record.standfirst,
            "body": body,
            "status": record.status,
            "published_at": record.published_at,
            "section": self.section_for(record),
            "hero_photo": self.load_photo(record.photo) if record.photo else None,
            "is_featured": record.is_featured,
            "seo_title": clip(record.seo_title, Article, "seo_title"),
            "seo_description": clip(record.seo_description, Article, "seo_description"),
        }
        authors = []
        for author_id in record.author_ids:
            author = self.authors.get(author_id)
            if author is not None and author not in authors:
                authors.append(author)
        tags = sorted({name[:TAG_NAME_LENGTH] for name in record.tags})
        if values["status"] == Status.PUBLISHED and values["published_at"] is None:
            # Published with no date would be live for no reader and reported as fine.
            values["status"] = Status.DRAFT
            record.notes.append("Its publication date could not be read: imported as a draft.")
        note = " ".join(record.notes)
        report_notes = list(record.notes)

        article = self.find(record.kind, record.source_id, Article)
        if article is None:
            slug = self.unique_slug(Article, record.slug, f"{record.kind}-{record.source_id}")
            if slug != record.slug:
                report_notes.append(f"Address is “{slug}” (the old one was taken or unusable).")
            article = Article(slug=slug, **values)
            article.save()
            self.set_byline(article, authors)
            article.tags.set(tags)
            outcome = IMPORTED
        else:
            changed = self.apply(article, values)
            if changed:
                article.save()
            if [credit.author_id for credit in article.credits.all()] != [a.pk for a in authors]:
                article.credits.all().delete()
                self.set_byline(article, authors)
                changed = True
            if sorted(article.tags.names()) != tags:
                article.tags.set(tags)
                changed = True
            outcome = UPDATED if changed else UNCHANGED
        if outcome != UNCHANGED or self.known[(record.kind, record.source_id)].note != note:
            self.remember(record.kind, record.source_id, article, note)
        if report_notes and outcome == IMPORTED:
            self.report.note(kind, record.source_id, record.headline, " ".join(report_notes))
        self.report.count(kind, outcome)
        self.load_legacy_paths(record.legacy_paths, article)

    @staticmethod
    def set_byline(article, authors):
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author=author, position=position)
            for position, author in enumerate(authors)
        )

    def load_legacy_paths(self, paths, obj):
        max_length = field_length(Redirect, "old_path")
        for path in dict.fromkeys(paths):
            if not path or len(path) > max_length or not path.startswith("/"):
                continue
            if obj.get_absolute_url() == path or path in self.claimed_paths:
                continue  # within one export the first item to claim an address keeps it
            self.claimed_paths.add(path)
            outcome = Redirect.objects.point(path, obj)
            self.report.count("redirects", REDIRECT_OUTCOMES[outcome])


class DryRunRollback(Exception):
    """Raised inside the transaction to undo a dry run."""


def run_import(
    reader,
    *,
    dry_run=False,
    media_dir=None,
    default_section="News",
    progress=None,
    source=None,
    batch_size=0,
):
    """
    Read an export with `reader` and write it in one transaction, or with `batch_size`
    in one per `batch_size` articles and pages (the first with the authors and sections).
    A file that cannot be read raises ImportFileError before anything is written; any
    error while writing rolls back its transaction, copied media files included. A dry
    run does all the work in one transaction and then rolls back, so its report says
    exactly what a real run would do.
    """
    try:
        export = reader.read()
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        # A field of another type than the format's (a number for a title, a string for
        # a list): the file is not what it claims to be, which the operator is told.
        raise ImportFileError(
            f"it has a field of an unexpected type or shape ({type(error).__name__}: {error}); "
            "nothing was imported."
        ) from error
    if source:
        export.source = source
    loader = Loader(export, media_dir=media_dir, dry_run=dry_run, default_section=default_section)
    if batch_size and not dry_run:
        write_in_batches(loader, batch_size, progress)
        return loader.report
    try:
        with transaction.atomic():
            loader.load(progress=progress)
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        pass
    except BaseException:
        with suppress(OSError):
            loader.discard_saved_files()
        raise
    return loader.report


def write_in_batches(loader, batch_size, progress):
    """
    Write the export `batch_size` articles and pages to a transaction, so that on SQLite
    (one writer at a time) editors' saves wait for one batch, not the whole import.

    Each batch holds whole items (an article with its byline, tags, photo and old
    addresses), so a failure leaves the batches before it complete and its own undone;
    the run stops and says so, and running it again finds what was kept and goes on.
    """
    articles = loader.export.articles
    starts = range(0, len(articles), batch_size) or [0]
    for start in starts:
        batch = articles[start : start + batch_size]
        try:
            with transaction.atomic():
                if start == 0:
                    loader.load_authors_and_sections()
                loader.load_articles(batch, progress, start=start)
        except BaseException as error:
            with suppress(OSError):
                loader.discard_saved_files()
            if start == 0 or not isinstance(error, Exception):
                raise
            raise ImportStopped(
                f"stopped by an error while writing items {start + 1:,} to "
                f"{start + len(batch):,} of {len(articles):,} ({type(error).__name__}: "
                f"{error}); those were rolled back. The authors, sections and the first "
                f"{start:,} items were imported and kept: run the same command again to "
                "import the rest (what was kept is found and left as it is)."
            ) from error
        # Committed with their rows: a later batch's failure must not remove them.
        loader.saved_files = []
        loader.report.transactions += 1
    loader.report.batch_size = batch_size
