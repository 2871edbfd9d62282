"""
What the newsroom asks readers for: prompts to become a member or give once, each linking
to the payment page elsewhere (the site itself takes no payments), optionally with the
campaign's goal and how far it has come.
"""

import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone


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
        TOP = "top", "Top bar, on every page"
        AFTER_ARTICLE = "after_article", "Box after the article body"
        NEWS_FEED = "news_feed", "Card in the News Feed"

    placement = models.CharField(
        max_length=20,
        choices=Placement.choices,
        help_text="Where readers see it. Each place shows one prompt: of the active ones "
        "whose window is open, the one that started last.",
    )
    heading = models.CharField(max_length=100, help_text="Short: “Keep our journalism free”.")
    text = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two plain sentences (no HTML), up to 300 characters.",
    )
    button_label = models.CharField(
        max_length=40, help_text="What the button says: “Become a member”, “Give once”."
    )
    link = models.URLField(
        max_length=500,
        validators=[URLValidator(schemes=["https"])],
        help_text="The payment page the button opens (https:// only). The site takes no "
        "payments itself.",
    )
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="Untick to take the prompt off every page at once.",
    )
    starts_at = models.DateTimeField(
        default=timezone.now,
        help_text="Readers see it from this time; a future time schedules it.",
    )
    ends_at = models.DateTimeField(
        null=True, blank=True, help_text="Readers stop seeing it at this time. Empty: no end."
    )
    goal = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="A campaign's target, as a number (1000 members, 50000 euros). Empty: "
        "no progress bar.",
    )
    current_figure = models.PositiveIntegerField(
        default=0,
        help_text="How far the campaign has come; update it as it grows. Changing it "
        "does not show the prompt again to readers who dismissed it.",
    )
    currency_sign = models.CharField(
        max_length=5, blank=True, help_text="Written before each figure for money: €, ₴, $."
    )
    goal_label = models.CharField(
        max_length=40,
        blank=True,
        help_text="Written after the goal: “members”, “raised”. "
        "So: “640 of 1,000 members”, “€32,400 of €50,000 raised”.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PromptQuerySet.as_manager()

    class Meta:
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
            raise ValidationError({"ends_at": "The end must come after the start."})

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
        return f"{self.currency_sign}{amount:,}"

    @property
    def progress_text(self):
        """“640 of 1,000 members”, or "" without a goal."""
        if not self.goal:
            return ""
        text = f"{self.figure(self.current_figure)} of {self.figure(self.goal)}"
        return f"{text} {self.goal_label}" if self.goal_label else text
