import functools
import math
import operator
import uuid
from datetime import timedelta
from html import unescape
from typing import NamedTuple

import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from newsroom import pagecache
from newsroom.images import CleanImageField
from newsroom.paths import slug_path
from newsroom.sanitize import breakable_spaces, sanitize_html, web_address
from newsroom.translations import in_language

WORDS_PER_MINUTE = 230
STANDFIRST_WORDS = 40

# What the body editor offers; the sanitiser's allow-list (newsroom/sanitize.py) is wider,
# so text pasted or imported from elsewhere keeps its tables and figures.
BODY_EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "Heading": {"levels": [2, 3]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Blockquote": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    "Figure": True,
    "Image": True,
    "Caption": True,
    "History": True,
    "SpecialCharacters": True,
}
# Edits within this time of publication (typo fixes) do not earn an "Updated" line.
UPDATE_NOTICE_AFTER = timedelta(minutes=15)


def reading_time_minutes(html):
    """Minutes an average adult needs to read `html`, never less than one."""
    words = len(strip_tags(html).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def summary(text, words=STANDFIRST_WORDS, max_chars=None):
    """The opening of plain `text`, cut at a word boundary."""
    text = Truncator(" ".join(text.split())).words(words, truncate="…")
    if max_chars:
        text = Truncator(text).chars(max_chars, truncate="…")
    return text


def summary_from_html(html, words=STANDFIRST_WORDS, max_chars=None):
    """Plain text of the body's opening, cut at a word boundary: a standfirst when none is given."""
    # Plain text: "&amp;" in the HTML is "&" in it (templates and feeds escape it again).
    return summary(unescape(strip_tags(html.replace("</p>", "</p> "))), words, max_chars)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Ready for review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


class Step(NamedTuple):
    """One move of the publishing workflow: a button under the form and a list action."""

    source: str
    target: str
    label: str
    # Only people with the kind's publish permission (editors) may take it.
    editors_only: bool


# The publishing workflow, in the order the buttons appear. The admin's buttons, list
# actions and form all read it: a move that is not here is not offered.
WORKFLOW = (
    Step(Status.DRAFT, Status.REVIEW, _("Submit for review"), False),
    Step(Status.DRAFT, Status.PUBLISHED, _("Publish"), True),
    Step(Status.REVIEW, Status.PUBLISHED, _("Publish"), True),
    Step(Status.REVIEW, Status.DRAFT, _("Return to draft"), False),
    Step(Status.PUBLISHED, Status.UNPUBLISHED, _("Unpublish"), True),
    Step(Status.UNPUBLISHED, Status.PUBLISHED, _("Publish"), True),
    Step(Status.UNPUBLISHED, Status.DRAFT, _("Return to draft"), True),
)  # fmt: skip


def workflow_steps(status, can_publish):
    """The moves open from `status` to someone who may (or may not) publish."""
    return [
        step
        for step in WORKFLOW
        if step.source == status and (can_publish or not step.editors_only)
    ]


def statuses_leading_to(target):
    """The statuses from which the workflow moves to `target`."""
    return [step.source for step in WORKFLOW if step.target == target]


class PublishableQuerySet(models.QuerySet):
    def in_edition(self, language=None):
        """The items of one edition: `language`'s, by default the active one's (the
        edition of the page being drawn)."""
        return self.filter(language=language or get_language())

    def published(self):
        """Items readers may see: published, with a publication time that has passed."""
        # The page being rendered now depends on which items are live, even if none are.
        pagecache.record_list(self.model)
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def published_in_bulk(self, pks):
        """{pk: item} for the items among `pks` that readers may see now.

        Fetched by pk alone and checked here: with the publication filter in the query,
        SQLite walks the (status, published_at) index over every published row instead.
        """
        pagecache.record_list(self.model)
        return {pk: item for pk, item in self.in_bulk(pks).items() if item.is_live}

    def update(self, **kwargs):
        """Bulk changes (admin actions) bypass save(), so tell the page cache here."""
        pks = list(self.values_list("pk", flat=True))
        # A bulk change is a change: an edit form opened before it must see it is out of date.
        kwargs.setdefault("updated_at", timezone.now())
        count = super().update(**kwargs)
        pagecache.rows_changed(self.model, pks)
        return count

    def next_publication_at(self):
        """When the earliest scheduled item goes live, or None."""
        return self.scheduled().aggregate(next=models.Min("published_at"))["next"]

    def marked_breaking(self, language=None):
        """Items whose breaking-news mark has not run out, with `breaking_since` (when
        the mark counts from: a scheduled item's from its publication) and `is_shown`
        (live and in `language`'s edition, by default the active one's, so its readers
        may see it). Which one they see is for the caller (newsroom.breaking) to work
        out: the marks are few.

        Liveness and edition are worked out, not filtered on: with either in the WHERE
        clause, SQLite walks an edition index through every row of the edition instead
        of the mark's own index.
        """
        now = timezone.now()
        return (
            self.filter(breaking_until__gt=now)
            .annotate(
                breaking_since=Greatest(
                    Coalesce("breaking_marked_at", "published_at"), "published_at"
                ),
                is_shown=models.ExpressionWrapper(
                    models.Q(
                        status=Status.PUBLISHED,
                        published_at__lte=now,
                        language=language or get_language(),
                    ),
                    output_field=models.BooleanField(),
                ),
            )
            .order_by()
        )

    def next_breaking_expiry_at(self):
        """When the earliest breaking mark of a published item runs out, or None."""
        # Published in the aggregate's filter, not the WHERE clause: see marked_breaking().
        published = models.Q(status=Status.PUBLISHED)
        return self.filter(breaking_until__gt=timezone.now()).aggregate(
            next=models.Min("breaking_until", filter=published)
        )["next"]

    def next_change_at(self):
        """When an item changes by itself, with no one saving it: the next scheduled
        publication or breaking-news expiry, whichever comes first; None when neither."""
        times = [
            when for when in (self.next_publication_at(), self.next_breaking_expiry_at()) if when
        ]
        return min(times, default=None)

    def scheduled(self):
        """Published items whose publication time is still in the future."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def drafts(self):
        return self.filter(status__in=[Status.DRAFT, Status.REVIEW])

    def in_review(self):
        return self.filter(status=Status.REVIEW)

    def owned_by(self, user):
        """Items `user` started: the queryset form of `is_owned_by`."""
        return self.filter(created_by=user)

    def with_people(self):
        """The items with what `people` names loaded alongside them."""
        return self.select_related("created_by")


class Publishable(models.Model):
    """What articles, quotes and videos share: an address, a publication state, tags,
    an edition and a group of translations."""

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The edition the item appears in."),
    )
    translation_group = models.UUIDField(
        _("translation group"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Items sharing it are one story in different languages, one per language."),
    )

    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("Part of the page's address. Changing it after publication breaks links."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "Readers only see published items, and only once their publication time has come."
        ),
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=False,
        help_text=_("A time in the future schedules the item: it appears by itself at that time."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The staff account that started the item; contributors may edit their own drafts."
        ),
        verbose_name=_("created by"),
    )
    tags = TaggableManager(
        blank=True,
        help_text=_("Comma-separated; each tag has its own page."),
        verbose_name=_("tags"),
    )
    breaking_until = models.DateTimeField(
        _("breaking news until"),
        null=True,
        blank=True,
        help_text=_(
            "Shows the item in a bar at the top of every page until this time (from its "
            "publication, if scheduled). Only one item is breaking news at a time: the one marked "
            "last. Empty it to take the bar down."
        ),
    )
    breaking_marked_at = models.DateTimeField(
        _("breaking marked at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the item was last marked as breaking news: the newest mark wins."),
    )

    objects = PublishableQuerySet.as_manager()

    # Statuses in which the people who started an item may still change it.
    EDITABLE_BY_CONTRIBUTORS = (Status.DRAFT, Status.REVIEW)

    class Meta:
        abstract = True
        ordering = ["-published_at", "-id"]

    def save(self, *args, **kwargs):
        derived = self.derive_fields() | self.note_breaking_mark()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the row said, to tell on save whether the item was marked anew.
        instance._stored_breaking_until = instance.__dict__.get("breaking_until")
        return instance

    def derive_fields(self):
        """Set the fields a kind works out from others (a body's stored form, say) and
        return their names. save() calls it, so does every path that bypasses save()
        (bulk_create); a kind with such fields overrides it."""
        return set()

    def note_breaking_mark(self):
        """Date a new or changed breaking-news mark, so the newest one wins whatever path
        made it (the admin, a script); return the field names it set."""
        if self.breaking_until is None:
            if self.breaking_marked_at is None:
                return set()
            self.breaking_marked_at = None
        elif self.breaking_until != getattr(self, "_stored_breaking_until", None):
            self.breaking_marked_at = timezone.now()
        else:
            return set()
        self._stored_breaking_until = self.breaking_until
        return {"breaking_marked_at"}

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
    def has_been_published(self):
        """True once readers may have seen the item (and may have kept its address)."""
        return self.status in (Status.PUBLISHED, Status.UNPUBLISHED)

    @property
    def edited_after_publication(self):
        """True when the item was edited well after it was published (and written: a
        backdated or imported item is not "updated" by being entered)."""
        if not self.published_at:
            return False
        return self.updated_at - max(self.published_at, self.created_at) > UPDATE_NOTICE_AFTER

    @property
    def edited_at(self):
        """When readers should read "Updated": the last edit, if it came well after
        publication; else None. (Teasers show it; an article's page also counts its
        corrections, see Article.last_modified_at.)"""
        return self.updated_at if self.edited_after_publication else None

    @property
    def is_scheduled(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def tag_links(self):
        """The item's links to its tags (taggit's TaggedItem rows): its versions keep them,
        so the history shows each version's tags and restoring one brings them back."""
        through = self.tags.through
        return through.objects.filter(**through.lookup_kwargs(self))

    @property
    def breaking_headline(self):
        """What the breaking-news bar says of the item: its headline or title."""
        return str(self)

    def is_owned_by(self, user):
        """True when `user` started this item."""
        return self.created_by_id is not None and self.created_by_id == user.pk

    @property
    def people(self):
        """Who the item is by, as names for staff lists: who started it (load them with
        `with_people()`)."""
        return [staff_name(self.created_by)] if self.created_by else []

    @property
    def translations(self):
        """The other items of the item's translation group (of its own kind), as a
        queryset; empty when it has none."""
        if self.translation_group is None:
            return type(self).objects.none()
        return (
            type(self).objects.filter(translation_group=self.translation_group).exclude(pk=self.pk)
        )

    @functools.cached_property
    def live_translations(self):
        """The item's versions in other languages that readers may see, loaded once."""
        return list(self.translations.published().only("slug", "language", "published_at"))

    def link_translation(self, other):
        """Make `other` (an item of the same kind in another language) a translation of
        this one: both join one group, with whatever translations either had. Raises
        ValidationError when that would put two items of one language in the group."""
        if type(other) is not type(self) or other.pk == self.pk:
            raise ValidationError(gettext("A translation is another item of the same kind."))
        members = {self.pk: self, other.pk: other}
        for item in (self, other):
            for member in item.translations:
                members.setdefault(member.pk, member)
        languages = [member.language for member in members.values()]
        if len(languages) != len(set(languages)):
            raise ValidationError(
                gettext(
                    "A story has one version per language: this would give it two in the same one."
                )
            )
        group = self.translation_group or other.translation_group or uuid.uuid4()
        type(self).objects.filter(pk__in=members).update(translation_group=group)
        for item in (self, other):
            item.translation_group = group

    def unlink_translation(self):
        """Take the item out of its translation group (the others stay linked)."""
        if self.translation_group is None:
            return
        remaining = list(self.translations.values_list("pk", flat=True))
        type(self).objects.filter(pk=self.pk).update(translation_group=None)
        if len(remaining) == 1:
            type(self).objects.filter(pk__in=remaining).update(translation_group=None)
        self.translation_group = None

    def publishing_problems(self, author_count=None):
        """What stops the item from being published, as sentences for the editor; empty when ready."""
        problems = []
        if not self.slug:
            problems.append(gettext("It needs a slug (its web address)."))
        return problems


def staff_name(user):
    """A staff account as lists name it: the full name, else the username."""
    return user.get_full_name() or user.get_username()


def publishable_indexes(prefix):
    """The index behind every reader list: an edition's live items, newest first, ties
    broken by id."""
    return [
        models.Index(
            fields=["language", "status", "-published_at", "-id"], name=f"{prefix}_edition_pub_idx"
        ),
        # Few rows are ever marked: the breaking-news bar and its expiry read only those.
        models.Index(fields=["breaking_until"], name=f"{prefix}_breaking_idx"),
        models.Index(fields=["translation_group"], name=f"{prefix}_translation_idx"),
    ]


def publishable_constraints(prefix):
    """What every kind's table holds to, whatever writes it: one version of a story per
    language."""
    return [
        models.UniqueConstraint(
            fields=["translation_group", "language"],
            name=f"{prefix}_one_translation_per_language",
            violation_error_message=_("This story already has a version in this language."),
        ),
    ]


class SectionQuerySet(models.QuerySet):
    def latest_article_pks(self, count, exclude=()):
        """{section pk: the pks of its newest `count` published articles}, leaving out the
        pks in `exclude`.

        One query whatever the number of sections, each section's newest found by a
        LIMITed subquery on its (section, status, published_at) index. (Slicing per
        section with a window function ranks every article: a second at 100,000.)
        """
        pagecache.record_list(self.model)
        newest = [
            Article.objects.published()
            .in_edition()
            .filter(section=section)
            .exclude(pk__in=exclude)
            .order_by("-published_at", "-pk")
            .values("pk")[:count]
            for section in self.order_by().values_list("pk", flat=True)
        ]
        if not newest:
            return {}
        if connection.features.supports_slicing_ordering_in_compound:
            # PostgreSQL: IN over a UNION of the subqueries becomes a join on the pk.
            latest = models.Q(pk__in=newest[0].union(*newest[1:], all=True))
        else:
            # SQLite cannot LIMIT inside a UNION; it answers ORed INs with one index
            # search each (PostgreSQL would scan every article for them).
            latest = functools.reduce(operator.or_, (models.Q(pk__in=pks) for pks in newest))
        pks = {}
        rows = (
            Article.objects.filter(latest)
            .order_by("-published_at", "-pk")
            .values_list("section_id", "pk")
        )
        for section_pk, pk in rows:
            pks.setdefault(section_pk, []).append(pk)
        return pks


class Section(models.Model):
    """A department of the paper (World, Business, …); every article belongs to one."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Shown at the top of the section page.")
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("Sections are listed in the navigation in this order, lowest first."),
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_("The name and description in the other editions."),
    )

    # What `translations` may give in another language.
    TRANSLATED_FIELDS = ("name", "description")

    objects = SectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("articles:section", self.slug)

    def translated(self, field, language=None):
        """`field` in `language` (the active one by default): its translation when there
        is one, else the field itself."""
        return in_language(self, field, language)


class PhotoQuerySet(models.QuerySet):
    def missing_credits(self):
        """Photos without alt text, or with neither a photographer nor an agency."""
        return self.filter(models.Q(alt_text="") | models.Q(photographer="", agency=""))

    def editable_by(self, user):
        """The photos `user` may change: the queryset form of `Photo.is_editable_by`."""
        if user.has_perm("articles.change_any_photo"):
            return self
        return self.filter(uploaded_by=user).exclude(shown_in_published())


def shown_in_published():
    """A filter for photos a published item (live or scheduled) shows: the query form of
    `Photo.is_published_with`, asking every model that points at photos and publishes."""
    shown = models.Q(pk__in=[])
    for relation in Photo._meta.related_objects:
        related = relation.related_model
        if relation.one_to_many and issubclass(related, Publishable):
            published = related._default_manager.filter(status=Status.PUBLISHED)
            shown |= models.Q(pk__in=published.values(relation.field.attname))
    return shown


class Photo(models.Model):
    """A picture with the words that must travel with it: alt text, caption and credit."""

    image = CleanImageField(
        _("image"),
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
        blank=True,
        help_text=_("JPEG, PNG, WebP or GIF. Location and camera data are removed when uploaded."),
    )
    source_url = models.URLField(
        _("source address"),
        max_length=500,
        blank=True,
        help_text=_("Where the picture came from when it was imported and not copied here."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("Describes the picture for readers who cannot see it. Required."),
    )
    caption = models.TextField(
        _("caption"),
        blank=True,
        help_text=_('Dateline and description, e.g. "BROWNSVILLE, TEXAS - NOVEMBER 19: …".'),
    )
    photographer = models.CharField(_("photographer"), max_length=200, blank=True)
    agency = models.CharField(
        _("agency"), max_length=200, blank=True, help_text=_("e.g. Getty Images, Reuters.")
    )
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    focal_x = models.FloatField(
        _("horizontal focal point"),
        default=0.5,
        help_text=_("Horizontal focal point, 0 (left) to 1 (right), kept when cropping."),
    )
    focal_y = models.FloatField(
        _("vertical focal point"),
        default=0.5,
        help_text=_("Vertical focal point, 0 (top) to 1 (bottom), kept when cropping."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Contributors may change only the photos they uploaded, until published."),
        verbose_name=_("uploaded by"),
    )
    # The WebP copies for `srcset`, made once (see articles.renditions). Kept on the photo
    # so a page lists pictures with the query that finds them: a table of renditions cost
    # a query and a model instance per width and crop on every list.
    renditions = models.JSONField(_("renditions"), default=list, blank=True, editable=False)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="photo_focal_point_in_frame",
            ),
        ]
        permissions = [
            (
                "change_any_photo",
                "Can change and delete any photo, including those published items show",
            ),
        ]

    def __str__(self):
        return self.alt_text[:80]

    def clean(self):
        super().clean()
        if not self.image and not self.source_url:
            raise ValidationError({"image": gettext("Upload a picture.")})

    def is_published_with(self):
        """True when a published item (live or scheduled) shows the photo: changing it
        changes what readers see. Asks every model that points at photos and publishes."""
        for relation in self._meta.related_objects:
            related = relation.related_model
            if relation.one_to_many and issubclass(related, Publishable):
                shown = {relation.field.name: self, "status": Status.PUBLISHED}
                if related._default_manager.filter(**shown).exists():
                    return True
        return False

    def is_editable_by(self, user):
        """Editors change any photo; contributors only their own, while nothing published
        shows it."""
        if user.has_perm("articles.change_any_photo"):
            return True
        return (
            self.uploaded_by_id is not None
            and self.uploaded_by_id == user.pk
            and not self.is_published_with()
        )

    @property
    def credit(self):
        """'Brandon Bell/Getty Images', from whichever parts are known."""
        return "/".join(part for part in (self.photographer, self.agency) if part)

    @property
    def credit_line(self):
        return gettext("Photo by %(credit)s") % {"credit": self.credit} if self.credit else ""

    @property
    def url(self):
        """Where the picture is: our stored file, else the http(s) address it was
        imported from (anything else, "javascript:" say, is no address at all)."""
        return self.image.url if self.image else web_address(self.source_url)


class ArticleQuerySet(PublishableQuerySet):
    def owned_by(self, user):
        """Articles `user` started or is on the byline of: the queryset form of
        `Article.is_owned_by`."""
        signed = ArticleAuthor.objects.filter(author__user=user).values("article")
        return self.filter(models.Q(created_by=user) | models.Q(pk__in=signed))

    def with_people(self):
        return super().with_people().prefetch_related(with_bylines())

    def next_publication_at(self):
        """The next time a published article changes for readers: a scheduled one goes
        live, or a live blog starts or ends (its badge and entries say which)."""
        now = timezone.now()
        # Each on its own index; "published" in the aggregate's filter, not the WHERE
        # clause, where it would make SQLite walk every published row.
        published = models.Q(status=Status.PUBLISHED)
        times = [
            super().next_publication_at(),
            *(
                self.filter(**{f"{field}__gt": now}).aggregate(
                    next=models.Min(field, filter=published)
                )["next"]
                for field in ("live_starts_at", "live_ends_at")
            ),
        ]
        upcoming = [when for when in times if when is not None]
        return min(upcoming) if upcoming else None


class LiveState(models.TextChoices):
    SCHEDULED = "scheduled", pgettext_lazy("live blog", "Starts")
    LIVE = "live", pgettext_lazy("live blog", "Live")
    ENDED = "ended", pgettext_lazy("live blog", "Ended")


class Article(Publishable):
    headline = models.CharField(_("headline"), max_length=300)
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_(
            "The summary under the headline; also used in lists and search results. "
            "Left empty, the opening of the body is used."
        ),
    )
    body = ProseEditorField(
        _("body"),
        blank=True,
        config={"extensions": BODY_EDITOR_EXTENSIONS},
        help_text=_("Cleaned of anything unsafe when saved."),
    )
    hero_photo = models.ForeignKey(
        Photo,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hero_of",
        help_text=_("Shown at the top of the article and in teasers."),
        verbose_name=_("hero photo"),
    )
    hero_caption = models.TextField(
        _("hero photo caption"),
        blank=True,
        help_text=_(
            "Replaces the photo's own caption in this article only; the photo's credit is "
            "always shown. Left empty, the photo's caption is used."
        ),
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_("Where the article is filed. A draft may wait for one; publishing needs it."),
        verbose_name=_("section"),
    )
    authors = models.ManyToManyField(
        "authors.Author",
        through="ArticleAuthor",
        related_name="articles",
        blank=True,
        verbose_name=_("authors"),
    )
    related_articles = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        help_text=_(
            "Shown as teasers in the article. Left empty, recent articles sharing tags are shown."
        ),
        verbose_name=_("related articles"),
    )
    reading_time = models.PositiveSmallIntegerField(
        _("reading time"),
        default=1,
        editable=False,
        help_text=_("Minutes, worked out from the body when saved."),
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Featured articles lead the home page.")
    )
    seo_title = models.CharField(
        _("SEO title"),
        max_length=300,
        blank=True,
        help_text=_("Replaces the headline in search results."),
    )
    seo_description = models.CharField(
        _("SEO description"),
        max_length=300,
        blank=True,
        help_text=_(
            "Replaces the standfirst in search results and social cards. "
            "Left empty, it is filled from the standfirst or the body."
        ),
    )
    live_starts_at = models.DateTimeField(
        _("live coverage starts"),
        null=True,
        blank=True,
        help_text=_(
            "Makes the article a live blog: its entries (briefs attached to it) show under "
            "it, newest first. Until this time the page says when coverage starts."
        ),
    )
    live_ends_at = models.DateTimeField(
        _("live coverage ends"),
        null=True,
        blank=True,
        help_text=_("From this time the live blog says “Ended”. Left empty, it stays live."),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            *publishable_indexes("article"),
            models.Index(
                fields=["section", "language", "status", "-published_at", "-id"],
                name="article_section_pub_idx",
            ),
            models.Index(
                fields=["is_featured", "language", "status", "-published_at"],
                name="article_featured_idx",
            ),
            # When the next live blog starts or ends (page lifetimes, next_publication_at).
            models.Index(fields=["live_starts_at"], name="article_live_starts_idx"),
            models.Index(fields=["live_ends_at"], name="article_live_ends_idx"),
        ]
        constraints = [
            *publishable_constraints("article"),
            # Drafts may wait for a section; whatever saves a published article (admin,
            # importer, shell) must give it one.
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(section__isnull=False),
                name="article_published_has_section",
            ),
            models.CheckConstraint(
                condition=models.Q(live_ends_at__isnull=True)
                | models.Q(
                    live_starts_at__isnull=False, live_starts_at__lte=models.F("live_ends_at")
                ),
                name="article_live_ends_after_start",
                violation_error_message=_("Live coverage needs a start, no later than its end."),
            ),
        ]
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return slug_path("articles:detail", self.slug, self.language)

    def derive_fields(self):
        """Work out what the body decides: the body as stored (sanitised, with plain
        spaces, whatever wrote it), the reading time, and the standfirst and SEO
        description when left empty.

        save() calls it; paths that bypass save() (bulk_create) call it on each row.
        Returns the names of the fields it set.
        """
        self.body = breakable_spaces(sanitize_html(self.body))
        self.reading_time = reading_time_minutes(self.body)
        derived = {"body", "reading_time"}
        if not self.standfirst.strip() and self.body:
            self.standfirst = summary_from_html(self.body)
            derived.add("standfirst")
        if not self.seo_description.strip() and (self.standfirst.strip() or self.body):
            self.seo_description = (
                summary(self.standfirst, max_chars=160)
                if self.standfirst.strip()
                else summary_from_html(self.body, max_chars=160)
            )
            derived.add("seo_description")
        return derived

    @property
    def is_live_blog(self):
        return self.live_starts_at is not None

    @property
    def live_state(self):
        """Where the live blog's coverage stands now (a LiveState); None for other articles."""
        if not self.is_live_blog:
            return None
        now = timezone.now()
        if now < self.live_starts_at:
            return LiveState.SCHEDULED
        if self.live_ends_at is not None and now >= self.live_ends_at:
            return LiveState.ENDED
        return LiveState.LIVE

    def get_entry_url(self, entry):
        """The address of one of the live blog's entries: its anchor on this page."""
        return f"{self.get_absolute_url()}#entry-{entry.pk}"

    def is_owned_by(self, user):
        """True when `user` started the article or is on its byline."""
        if super().is_owned_by(user):
            return True
        return self.pk is not None and self.credits.filter(author__user=user).exists()

    def publishing_problems(self, author_count=None):
        """
        What a published article must have: headline, slug, section, at least one author, and,
        when it has a hero photo, that photo's alt text and credit.

        `author_count` lets the admin pass the byline being submitted with the form.
        """
        problems = super().publishing_problems()
        if not self.headline.strip():
            problems.insert(0, gettext("It needs a headline."))
        if self.section_id is None:
            problems.append(gettext("It needs a section."))
        problems += self.byline_problems(author_count)
        photo = self.hero_photo
        if photo is not None:
            if not photo.alt_text.strip():
                problems.append(gettext("The hero photo needs alt text."))
            if not photo.credit:
                problems.append(gettext("The hero photo needs a credit (photographer or agency)."))
        return problems

    def byline_problems(self, author_count=None):
        """What stops the byline from being published: it needs at least one author.

        `author_count` is the byline being submitted with a form; the stored one otherwise.
        """
        if author_count is None:
            author_count = self.credits.count() if self.pk else 0
        return [] if author_count >= 1 else [gettext("It needs at least one author in the byline.")]

    @property
    def people(self):
        """The byline's names, else who started the article."""
        return [author.name for author in self.byline] or super().people

    @property
    def hero_photo_caption(self):
        """The hero photo's caption as this article tells it: its own override, else the
        photo's (a photo reused for another story keeps its first story's caption)."""
        if self.hero_photo is None:
            return ""
        return self.hero_caption.strip() or self.hero_photo.caption

    @property
    def byline(self):
        """Authors in byline order, as a list (loaded with their credits once)."""
        if self.pk is not None and "credits" not in getattr(self, "_prefetched_objects_cache", {}):
            models.prefetch_related_objects([self], with_bylines())
        return [credit.author for credit in self.credits.all()]

    def with_details(self):
        """The article with its bylines, tags and corrections loaded, each once.

        Pages load them here, on first use, rather than up front: a cached fragment of
        the page may not need them at all.
        """
        if self.pk is not None:
            models.prefetch_related_objects([self], with_bylines(), "tags", "corrections")
        return self

    @property
    def last_modified_at(self):
        """When the article last changed for readers: publication, the latest correction or
        update note, or a later edit (the "Updated" line and dateModified)."""
        times = [self.published_at, *(note.noted_at for note in self.corrections.all())]
        if self.edited_after_publication:
            times.append(self.updated_at)
        times = [time for time in times if time is not None]
        return max(times) if times else self.updated_at

    @property
    def was_updated(self):
        return bool(self.published_at) and self.last_modified_at > self.published_at

    def related_teasers(self, limit=3):
        """The editor's picks that readers may see, else the newest articles sharing a tag.

        Which ones is kept as a fragment (until the article, or the list of articles,
        changes), so a redrawn page loads just the teasers.
        """
        pks = pagecache.cached_fragment(
            f"related:{self.pk}:{limit}",
            lambda: self.related_pks(limit),
            depends=[pagecache.object_tag(Article, self.pk)],
        )
        teasers = (
            Article.objects.select_related("section", "hero_photo")
            .prefetch_related(with_bylines())
            .published_in_bulk(pks)
        )
        return [teasers[pk] for pk in pks if pk in teasers]

    def related_pks(self, limit):
        candidates = (
            Article.objects.published()
            .in_edition(self.language)
            .exclude(pk=self.pk)
            .values_list("pk", flat=True)
        )
        # The editor's picks by pk, their liveness and edition checked here: with those
        # in the query, SQLite walks the edition's index through every live article.
        picks = sorted(
            (
                article
                for article in Article.objects.filter(pk__in=self.related_articles.values("pk"))
                .exclude(pk=self.pk)
                .order_by()
                .only("pk", "language", "status", "published_at")
                if article.is_live and article.language == self.language
            ),
            key=lambda article: (article.published_at, article.pk),
            reverse=True,
        )
        if picks:
            return [article.pk for article in picks[:limit]]
        tag_ids = [tag.pk for tag in self.tags.all()]
        if not tag_ids:
            return []
        return list(candidates.filter(tags__in=tag_ids).distinct()[:limit])


class ArticleAuthor(models.Model):
    """One author's credit on an article; `position` orders the byline."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="credits", verbose_name=_("article")
    )
    author = models.ForeignKey(
        "authors.Author", on_delete=models.PROTECT, related_name="credits", verbose_name=_("author")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name_plural = _("bylines")
        ordering = ["position", "id"]
        verbose_name = _("byline")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_article_author"),
        ]

    def __str__(self):
        return gettext("%(author)s on %(article)s") % {
            "author": self.author,
            "article": self.article,
        }


def with_bylines():
    """A prefetch of articles' bylines with their authors, in one query (not two)."""
    return models.Prefetch("credits", queryset=ArticleAuthor.objects.select_related("author"))


class Correction(models.Model):
    """A dated note telling readers what changed in a published article, and why."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("article")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    note = models.TextField(
        _("note"),
        help_text=_(
            'Shown under the article, e.g. "An earlier version misstated the date of the vote."'
        ),
    )
    noted_at = models.DateTimeField(
        _("date"),
        default=timezone.now,
        help_text=_("Shown with the note; the article's “Updated” time moves to the latest note."),
    )

    class Meta:
        ordering = ["noted_at", "id"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("Corrections and updates (shown to readers)")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.note[:60]}"


# History (django-reversion, shown in the admin): an article's versions carry its byline
# and tags, which restoring a version brings back. Corrections are a public record: they
# are kept out of the article's versions, so restoring an older version never deletes one.
reversion.register(ArticleAuthor)
reversion.register(Correction)
reversion.register(TaggedItem)
reversion.register(Article, follow=["credits", "tag_links"])

PREVIEW_LIFETIMES = [
    (1, _("1 hour")),
    (24, _("1 day")),
    (72, _("3 days")),
    (168, _("1 week")),
    (720, _("30 days")),
]
PREVIEW_LINK_SALT = "articles.preview-link"


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A shareable, expiring, revocable link to an unpublished article for people without an account."""

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="preview_links", verbose_name=_("article")
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("Who the link is for, e.g. “Legal review”."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(
        _("expires at"), help_text=_("After this time the link shows “expired”.")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["article", "-created_at"], name="previewlink_article_idx")]

    def __str__(self):
        return gettext("Preview of “%(article)s”") % {"article": self.article}

    def get_absolute_url(self):
        return reverse("articles:shared-preview", kwargs={"token": self.token})

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_active(self):
        return not self.is_revoked and not self.is_expired

    @property
    def state(self):
        """ "Active", "Expired" or "Revoked", as the admin shows it."""
        if self.is_revoked:
            return gettext("Revoked")
        return gettext("Expired") if self.is_expired else gettext("Active")

    @property
    def token(self):
        """The link's key, signed with the site's secret so keys cannot be guessed or forged."""
        return signing.Signer(salt=PREVIEW_LINK_SALT).sign(self.key.hex)

    @classmethod
    def key_from_token(cls, token):
        """The key inside a token from a URL; raises signing.BadSignature when forged."""
        return uuid.UUID(hex=signing.Signer(salt=PREVIEW_LINK_SALT).unsign(token))


class PreviewVisit(models.Model):
    """One opening of a shared preview link, so editors can see whether and when it was used."""

    link = models.ForeignKey(
        PreviewLink, on_delete=models.CASCADE, related_name="visits", verbose_name=_("link")
    )
    visited_at = models.DateTimeField(_("visited at"), auto_now_add=True)
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("preview visit")
        verbose_name_plural = _("preview visits")
        ordering = ["-visited_at", "-id"]

    def __str__(self):
        return gettext("%(link)s opened %(time)s") % {
            "link": self.link,
            "time": f"{self.visited_at:%Y-%m-%d %H:%M}",
        }


class EditSession(models.Model):
    """Someone with an item's edit form open, kept alive by the form's heartbeat, so the
    others working on the same story know who else is in it and since when."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    item = GenericForeignKey("content_type", "object_id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    opened_at = models.DateTimeField(_("opened at"))
    seen_at = models.DateTimeField(_("seen at"))

    class Meta:
        verbose_name = _("edit session")
        verbose_name_plural = _("edit sessions")
        ordering = ["opened_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="edit_session_once_per_user"
            ),
        ]

    def __str__(self):
        return f"{self.user} editing {self.content_type.model} {self.object_id}"
