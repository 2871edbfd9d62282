import re
from urllib.parse import parse_qs, urlsplit

import reversion
from django.core.exceptions import ValidationError
from django.db import models

from articles.models import Publishable, publishable_indexes
from newsroom.paths import slug_path


class Quote(Publishable):
    """A short statement for the News Feed: what was said, who said it, and where."""

    text = models.TextField(help_text="The words as spoken, without quotation marks.")
    speaker = models.CharField(max_length=200)
    context = models.CharField(
        max_length=300,
        blank=True,
        help_text='Who the speaker is or where it was said, e.g. "Prime Minister of Poland, said on X".',
    )
    source_article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
        help_text="Our article that tells the story behind the quote.",
    )
    source_url = models.URLField(
        max_length=500, blank=True, help_text="Where the quote was first published."
    )

    class Meta(Publishable.Meta):
        indexes = publishable_indexes("quote")
        permissions = [("publish_quote", "Can publish, schedule and unpublish quotes")]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"

    def get_absolute_url(self):
        return slug_path("feed:quote", self.slug)

    @property
    def story(self):
        """The article behind the quote, while readers may see it (a draft's headline and
        address are not theirs to read)."""
        article = self.source_article
        return article if article is not None and article.is_live else None


class Video(Publishable):
    title = models.CharField(max_length=300)
    teaser = models.TextField(blank=True, help_text="One or two lines shown under the thumbnail.")
    thumbnail = models.ForeignKey(
        "articles.Photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="thumbnail_of",
    )
    video_url = models.URLField(
        "video address",
        max_length=500,
        help_text="The page or embed address of the video (YouTube, Vimeo or a direct .mp4 file).",
    )
    duration_seconds = models.PositiveIntegerField(
        "duration", null=True, blank=True, help_text="Length in seconds."
    )

    class Meta(Publishable.Meta):
        indexes = publishable_indexes("video")
        permissions = [("publish_video", "Can publish, schedule and unpublish videos")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.duration_seconds == 0:
            raise ValidationError({"duration_seconds": "A video cannot last zero seconds."})

    def get_absolute_url(self):
        return slug_path("feed:video", self.slug)

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


# History: versions carry the tags, which restoring a version brings back.
reversion.register(Quote, follow=["tag_links"])
reversion.register(Video, follow=["tag_links"])
