import math
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from taggit.managers import TaggableManager

from newsroom.sanitize import sanitize_html

WORDS_PER_MINUTE = 230
# Edits within this time of publication (typo fixes) do not earn an "Updated" line.
UPDATE_NOTICE_AFTER = timedelta(minutes=15)


def reading_time_minutes(html):
    """Minutes an average adult needs to read `html`, never less than one."""
    words = len(strip_tags(html).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "Ready for review"
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Items readers may see: published, with a publication time that has passed."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published items whose publication time is still in the future."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def drafts(self):
        return self.filter(status__in=[Status.DRAFT, Status.REVIEW])


class Publishable(models.Model):
    """What articles, quotes and videos share: an address, a publication state, tags."""

    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="Part of the page's address. Changing it after publication breaks links.",
    )
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Readers only see published items, and only once their publication time has come.",
    )
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        db_index=False,
        help_text="A time in the future schedules the item: it appears by itself at that time.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    tags = TaggableManager(blank=True, help_text="Comma-separated; each tag has its own page.")

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-published_at", "-id"]

    def clean(self):
        super().clean()
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    @property
    def is_live(self):
        """True when readers can see the item now."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )


def publishable_indexes(prefix):
    """The index behind every reader list: live items, newest first, ties broken by id."""
    return [
        models.Index(fields=["status", "-published_at", "-id"], name=f"{prefix}_status_pub_idx"),
    ]


class SectionQuerySet(models.QuerySet):
    def with_latest(self, count, exclude=()):
        """Sections, each with `latest_articles`: its newest `count` published articles
        (leaving out the pks in `exclude`), fetched in one query for all sections."""
        latest = (
            Article.objects.published()
            .exclude(pk__in=exclude)
            .select_related("section", "hero_photo")
            .prefetch_related("hero_photo__renditions")[:count]
        )
        return self.prefetch_related(
            models.Prefetch("articles", queryset=latest, to_attr="latest_articles")
        )


class Section(models.Model):
    """A department of the paper (World, Business, …); every article belongs to one."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True, help_text="Shown at the top of the section page.")
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Sections are listed in the navigation in this order, lowest first."
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})


class Photo(models.Model):
    """A picture with the words that must travel with it: alt text, caption and credit."""

    image = models.ImageField(
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
        blank=True,
        help_text="JPEG, PNG or WebP.",
    )
    source_url = models.URLField(
        max_length=500,
        blank=True,
        help_text="Where the picture came from when it was imported and not copied here.",
    )
    alt_text = models.CharField(
        max_length=300,
        help_text="Describes the picture for readers who cannot see it. Required.",
    )
    caption = models.TextField(
        blank=True,
        help_text='Dateline and description, e.g. "BROWNSVILLE, TEXAS - NOVEMBER 19: …".',
    )
    photographer = models.CharField(max_length=200, blank=True)
    agency = models.CharField(max_length=200, blank=True, help_text="e.g. Getty Images, Reuters.")
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    focal_x = models.FloatField(
        default=0.5, help_text="Horizontal focal point, 0 (left) to 1 (right), kept when cropping."
    )
    focal_y = models.FloatField(
        default=0.5, help_text="Vertical focal point, 0 (top) to 1 (bottom), kept when cropping."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="photo_focal_point_in_frame",
            ),
        ]

    def __str__(self):
        return self.alt_text[:80]

    def clean(self):
        super().clean()
        if not self.image and not self.source_url:
            raise ValidationError({"image": "Upload a picture."})

    @property
    def credit(self):
        """'Brandon Bell/Getty Images', from whichever parts are known."""
        return "/".join(part for part in (self.photographer, self.agency) if part)

    @property
    def credit_line(self):
        return f"Photo by {self.credit}" if self.credit else ""

    @property
    def url(self):
        return self.image.url if self.image else self.source_url


class Article(Publishable):
    headline = models.CharField(max_length=300)
    standfirst = models.TextField(
        blank=True,
        help_text="The summary under the headline; also used in lists and search results.",
    )
    body = models.TextField(blank=True, help_text="Cleaned of anything unsafe when saved.")
    hero_photo = models.ForeignKey(
        Photo,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hero_of",
        help_text="Shown at the top of the article and in teasers.",
    )
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    authors = models.ManyToManyField(
        "authors.Author", through="ArticleAuthor", related_name="articles", blank=True
    )
    related_articles = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        help_text="Shown as teasers in the article. Left empty, recent articles sharing tags are shown.",
    )
    reading_time = models.PositiveSmallIntegerField(
        default=1, editable=False, help_text="Minutes, worked out from the body when saved."
    )
    is_featured = models.BooleanField(
        "featured", default=False, help_text="Featured articles lead the home page."
    )
    seo_title = models.CharField(
        "SEO title",
        max_length=300,
        blank=True,
        help_text="Replaces the headline in search results.",
    )
    seo_description = models.CharField(
        "SEO description",
        max_length=300,
        blank=True,
        help_text="Replaces the standfirst in search results and social cards.",
    )

    class Meta(Publishable.Meta):
        indexes = [
            *publishable_indexes("article"),
            models.Index(
                fields=["section", "status", "-published_at", "-id"],
                name="article_section_pub_idx",
            ),
            models.Index(
                fields=["is_featured", "status", "-published_at"], name="article_featured_idx"
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        self.reading_time = reading_time_minutes(self.body)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body", "reading_time"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def byline(self):
        """Authors in byline order, as a list (uses the prefetch when there is one)."""
        return [credit.author for credit in self.credits.all()]

    @property
    def was_updated(self):
        """True when the article was edited well after it was published (and written: a
        backdated or imported article is not "updated" by being entered)."""
        if not self.published_at:
            return False
        return self.updated_at - max(self.published_at, self.created_at) > UPDATE_NOTICE_AFTER

    def related_teasers(self, limit=3):
        """The editor's picks that readers may see, else the newest articles sharing a tag."""
        teasers = (
            Article.objects.published()
            .exclude(pk=self.pk)
            .select_related("section", "hero_photo")
            .prefetch_related("hero_photo__renditions")
        )
        picks = list(teasers.filter(pk__in=self.related_articles.values("pk"))[:limit])
        if picks:
            return picks
        tag_ids = [tag.pk for tag in self.tags.all()]
        if not tag_ids:
            return []
        return list(teasers.filter(tags__in=tag_ids).distinct()[:limit])


class ArticleAuthor(models.Model):
    """One author's credit on an article; `position` orders the byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="credits")
    author = models.ForeignKey("authors.Author", on_delete=models.PROTECT, related_name="credits")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "byline"
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_article_author"),
        ]

    def __str__(self):
        return f"{self.author} on {self.article}"


class PhotoRendition(models.Model):
    """
    A WebP copy of a photo at one width, for `srcset`; made once when the photo is saved.

    `ratio` is empty for the photo's own proportions, or "W:H" for a crop around the
    focal point (see articles.renditions).
    """

    photo = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")
    ratio = models.CharField(max_length=10, blank=True)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    image = models.ImageField(upload_to="renditions/", max_length=300)

    class Meta:
        ordering = ["photo", "ratio", "width"]
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "ratio", "width"], name="unique_photo_rendition"
            ),
        ]

    def __str__(self):
        return f"{self.photo} at {self.width}px{f' ({self.ratio})' if self.ratio else ''}"
