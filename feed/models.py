import re
from urllib.parse import parse_qs, urlsplit

import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from articles.models import (
    Publishable,
    publishable_constraints,
    publishable_indexes,
    summary_from_html,
)
from newsroom.paths import slug_path
from newsroom.sanitize import breakable_spaces, sanitize_html


class Quote(Publishable):
    """A short statement for the News Feed: what was said, who said it, and where."""

    text = models.TextField(_("text"), help_text=_("The words as spoken, without quotation marks."))
    speaker = models.CharField(_("speaker"), max_length=200)
    context = models.CharField(
        _("context"),
        max_length=300,
        blank=True,
        help_text=_(
            'Who the speaker is or where it was said, e.g. "Prime Minister of Poland, said on X".'
        ),
    )
    source_article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
        help_text=_("Our article that tells the story behind the quote."),
        verbose_name=_("source article"),
    )
    source_url = models.URLField(
        _("source address"),
        max_length=500,
        blank=True,
        help_text=_("Where the quote was first published."),
    )

    class Meta(Publishable.Meta):
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        indexes = publishable_indexes("quote")
        constraints = publishable_constraints("quote")
        permissions = [("publish_quote", "Can publish, schedule and unpublish quotes")]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"

    def get_absolute_url(self):
        return slug_path("feed:quote", self.slug, self.language)

    @property
    def breaking_headline(self):
        return f"{self.speaker}: “{Truncator(self.text).words(14)}”"

    @property
    def story(self):
        """The article behind the quote, while readers may see it (a draft's headline and
        address are not theirs to read)."""
        article = self.source_article
        return article if article is not None and article.is_live else None


class Video(Publishable):
    title = models.CharField(max_length=300)
    teaser = models.TextField(
        _("teaser"), blank=True, help_text=_("One or two lines shown under the thumbnail.")
    )
    thumbnail = models.ForeignKey(
        "articles.Photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="thumbnail_of",
        verbose_name=_("thumbnail"),
    )
    video_url = models.URLField(
        _("video address"),
        max_length=500,
        help_text=_(
            "The page or embed address of the video (YouTube, Vimeo or a direct .mp4 file)."
        ),
    )
    duration_seconds = models.PositiveIntegerField(
        _("duration"), null=True, blank=True, help_text=_("Length in seconds.")
    )

    class Meta(Publishable.Meta):
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        indexes = publishable_indexes("video")
        constraints = publishable_constraints("video")
        permissions = [("publish_video", "Can publish, schedule and unpublish videos")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.duration_seconds == 0:
            raise ValidationError(
                {"duration_seconds": gettext("A video cannot last zero seconds.")}
            )

    def get_absolute_url(self):
        return slug_path("feed:video", self.slug, self.language)

    @property
    def embed(self):
        """(kind, address) of the player to load on request: ("iframe", …) for YouTube and
        Vimeo, ("video", …) for a direct file, or ("", "") when only a link will do."""
        parts = urlsplit(self.video_url)
        host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
        video_id = ""
        if host in ("youtube.com", "youtube-nocookie.com"):
            if parts.path == "/watch":
                video_id = parse_qs(parts.query).get("v", [""])[0]
            elif parts.path.startswith(("/embed/", "/shorts/")):
                video_id = parts.path.split("/")[2]
        elif host == "youtu.be":
            video_id = parts.path.strip("/")
        if video_id and re.fullmatch(r"[\w-]{6,20}", video_id):
            return "iframe", f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
        if host in ("vimeo.com", "player.vimeo.com"):
            number = parts.path.rstrip("/").rsplit("/", 1)[-1]
            if number.isdigit():
                return "iframe", f"https://player.vimeo.com/video/{number}?autoplay=1"
        if parts.scheme in ("http", "https") and parts.path.lower().endswith((".mp4", ".webm")):
            return "video", self.video_url
        return "", ""

    @property
    def duration_display(self):
        """'4:05' or '1:02:09'."""
        if not self.duration_seconds:
            return ""
        minutes, seconds = divmod(self.duration_seconds, 60)
        hours, minutes = divmod(minutes, 60)
        if hours:
            return f"{hours}:{minutes:02d}:{seconds:02d}"
        return f"{minutes}:{seconds:02d}"


# A brief is a paragraph or two: no headings, pictures or lists in its text.
BRIEF_EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "HardBreak": True,
    "History": True,
}


class Brief(Publishable):
    """A short news item for the News Feed: a headline and a paragraph or two, with an
    optional photo and a link to the full story or an outside source."""

    headline = models.CharField(_("headline"), max_length=200)
    body = ProseEditorField(
        _("body"),
        blank=True,
        config={"extensions": BRIEF_EDITOR_EXTENSIONS},
        help_text=_("A paragraph or two. Cleaned of anything unsafe when saved."),
    )
    link = models.URLField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("Our full story or the outside source, shown as a link under the brief."),
    )
    photo = models.ForeignKey(
        "articles.Photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="brief_of",
        verbose_name=_("photo"),
    )
    # A brief rarely has more than one author, so no ordered byline as articles have:
    # authors are listed by name.
    authors = models.ManyToManyField(
        "authors.Author", related_name="briefs", blank=True, verbose_name=_("authors")
    )
    live_blog = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_entries",
        limit_choices_to={"live_starts_at__isnull": False},
        help_text=_("Makes the brief an entry of this live blog, shown there with its time."),
        verbose_name=_("live blog"),
    )
    is_key_event = models.BooleanField(
        _("key event"),
        default=False,
        help_text=_("Listed under “Key events” at the top of the live blog."),
    )
    is_pinned = models.BooleanField(
        _("pinned summary"),
        default=False,
        help_text=_("Shown as the summary at the top of the live blog; a live blog has one."),
    )
    in_news_feed = models.BooleanField(
        _("also in the News Feed"),
        default=True,
        help_text=_(
            "A live blog's entry also appears in the News Feed, home and tag pages, "
            "linking to the live blog. Untick to keep it to the live blog."
        ),
    )

    class Meta(Publishable.Meta):
        verbose_name = _("brief")
        verbose_name_plural = _("briefs")
        indexes = [
            *publishable_indexes("brief"),
            # The live blog's own stream: its entries, newest first.
            models.Index(
                fields=["live_blog", "status", "-published_at", "-id"],
                name="brief_live_blog_pub_idx",
            ),
        ]
        constraints = [
            *publishable_constraints("brief"),
            # Whatever saves the entry (admin, shell, import), a live blog has one summary.
            models.UniqueConstraint(
                fields=["live_blog"],
                condition=models.Q(is_pinned=True),
                name="brief_one_pinned_per_live_blog",
                violation_error_message=_(
                    "This live blog already has a pinned summary: unpin that one first."
                ),
            ),
        ]
        permissions = [("publish_brief", "Can publish, schedule and unpublish briefs")]

    def __str__(self):
        return self.headline

    def derive_fields(self):
        """The body as stored: sanitised, with plain spaces, whatever wrote it, as
        Article.derive_fields() does. save() calls it; paths that bypass save()
        (bulk_create) call it on each row. Returns the names of the fields it set."""
        self.body = breakable_spaces(sanitize_html(self.body))
        return {"body"}

    def get_absolute_url(self):
        return slug_path("feed:brief", self.slug, self.language)

    def clean(self):
        super().clean()
        if self.live_blog_id is None and (self.is_pinned or self.is_key_event):
            raise ValidationError(
                {
                    "live_blog": gettext(
                        "A pinned summary or key event belongs to a live blog: choose it."
                    )
                }
            )

    @property
    def live_blog_shown(self):
        """The live blog the entry belongs to, while readers may see it (a draft's
        headline and address are not theirs to read) and it is still a live blog."""
        article = self.live_blog
        shown = article is not None and article.is_live and article.is_live_blog
        return article if shown else None

    @property
    def live_url(self):
        """The entry on its live blog's page, while readers may see the live blog."""
        article = self.live_blog_shown
        return article.get_entry_url(self) if article else ""

    @property
    def summary(self):
        """The body's opening as plain text, for descriptions and feeds."""
        return summary_from_html(self.body)

    def publishing_problems(self, author_count=None):
        problems = super().publishing_problems()
        if not self.headline.strip():
            problems.insert(0, gettext("It needs a headline."))
        if not self.summary:
            problems.append(gettext("It needs some text."))
        if self.photo is not None and not self.photo.alt_text.strip():
            problems.append(gettext("The photo needs alt text."))
        return problems


# History: versions carry the tags, which restoring a version brings back.
reversion.register(Quote, follow=["tag_links"])
reversion.register(Video, follow=["tag_links"])
reversion.register(Brief, follow=["tag_links"])
