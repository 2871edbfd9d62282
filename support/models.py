"""
What the newsroom asks readers for: prompts to become a member or give once, each linking
to the payment page elsewhere (the site itself takes no payments), optionally with the
campaign's goal and how far it has come.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class PromptQuerySet(models.QuerySet):
    def shown(self):
        """Active prompts whose window is open now, newest start first."""
        now = timezone.now()
        return self.filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=now), is_active=True, starts_at__lte=now
        ).order_by("-starts_at", "-pk")

    def next_change_at(self):
        """When an active prompt starts or ends by itself, with no one saving it, or None."""
        now = timezone.now()
        active = self.filter(is_active=True)
        times = active.aggregate(
            start=models.Min("starts_at", filter=Q(starts_at__gt=now)),
            end=models.Min("ends_at", filter=Q(ends_at__gt=now)),
        )
        return min((when for when in times.values() if when), default=None)


class Prompt(models.Model):
    """A request for readers' support, shown in one place on every page that has it."""

    class Placement(models.TextChoices):
        # The values are the places pages name (newsroom.slots).
        TOP = "top", _("Top bar, on every page")
        AFTER_ARTICLE = "after_article", _("Box after the article body")
        NEWS_FEED = "news_feed", _("Card in the News Feed")

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The edition whose pages show it, in its language."),
    )
    placement = models.CharField(
        _("placement"),
        max_length=20,
        choices=Placement.choices,
        help_text=_(
            "Where readers see it. Each place shows one prompt: of the active ones "
            "whose window is open, the one that started last."
        ),
    )
    heading = models.CharField(
        _("heading"), max_length=100, help_text=_("Short: “Keep our journalism free”.")
    )
    text = models.TextField(
        _("text"),
        max_length=300,
        blank=True,
        help_text=_("One or two plain sentences (no HTML), up to 300 characters."),
    )
    button_label = models.CharField(
        _("button label"),
        max_length=40,
        help_text=_("What the button says: “Become a member”, “Give once”."),
    )
    link = models.URLField(
        _("link"),
        max_length=500,
        validators=[URLValidator(schemes=["https"])],
        help_text=_(
            "The payment page the button opens (https:// only). The site takes no payments itself."
        ),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to take the prompt off every page at once."),
    )
    starts_at = models.DateTimeField(
        _("starts at"),
        default=timezone.now,
        help_text=_("Readers see it from this time; a future time schedules it."),
    )
    ends_at = models.DateTimeField(
        _("ends at"),
        null=True,
        blank=True,
        help_text=_("Readers stop seeing it at this time. Empty: no end."),
    )
    goal = models.PositiveIntegerField(
        _("goal"),
        null=True,
        blank=True,
        help_text=_(
            "A campaign's target, as a number (1000 members, 50000 euros). Empty: no progress bar."
        ),
    )
    current_figure = models.PositiveIntegerField(
        _("current figure"),
        default=0,
        help_text=_(
            "How far the campaign has come; update it as it grows. Changing it "
            "does not show the prompt again to readers who dismissed it."
        ),
    )
    currency_sign = models.CharField(
        _("currency sign"),
        max_length=5,
        blank=True,
        help_text=_("Written before each figure for money: €, ₴, $."),
    )
    goal_label = models.CharField(
        _("goal label"),
        max_length=40,
        blank=True,
        help_text=_(
            "Written after the goal: “members”, “raised”. "
            "So: “640 of 1,000 members”, “€32,400 of €50,000 raised”."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PromptQuerySet.as_manager()

    class Meta:
        verbose_name = _("prompt")
        verbose_name_plural = _("prompts")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            # The form's validator refuses anything else; this also holds for scripts.
            models.CheckConstraint(
                condition=Q(link__startswith="https://"), name="support_prompt_link_https"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="support_prompt_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["is_active", "-starts_at"], name="support_prompt_shown")]

    def __str__(self):
        return self.heading

    def clean(self):
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": gettext("The end must come after the start.")})

    @property
    def is_shown(self):
        now = timezone.now()
        return (
            self.is_active
            and self.starts_at <= now
            and (self.ends_at is None or now < self.ends_at)
        )

    @property
    def version(self):
        """A stamp of what the prompt says, for remembering a reader's dismissal: a new
        heading, text, button, link or goal shows it again; a new current figure does not."""
        message = "\x1f".join(
            str(value)
            for value in (self.heading, self.text, self.button_label, self.link, self.goal)
        )
        return hashlib.sha256(message.encode()).hexdigest()[:12]

    @property
    def has_goal(self):
        return bool(self.goal)

    def figure(self, amount):
        """`amount` grouped as the page's language writes it: "1,000", "1 000"."""
        return f"{self.currency_sign}{number_format(amount, force_grouping=True)}"

    @property
    def progress_text(self):
        """“640 of 1,000 members”, or "" without a goal."""
        if not self.goal:
            return ""
        figures = {
            "current": self.figure(self.current_figure),
            "goal": self.figure(self.goal),
            "label": self.goal_label,
        }
        if self.goal_label:
            return gettext("%(current)s of %(goal)s %(label)s") % figures
        return gettext("%(current)s of %(goal)s") % figures
