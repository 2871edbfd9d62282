"""
Newsletters: the lists readers join, the readers who joined them, the issues sent to
them and the log of every copy sent.

A reader is a `Subscriber` (one row per address, no account) with one `Subscription` per
list. Nothing is sent to an address until its owner has clicked the link in the
confirmation email (`confirmed_at`); a bounce or complaint suppresses the address
(`suppressed_at`) whatever lists it is on. Every link in an email is signed with the
subscriber's `key`, which erasing the subscriber destroys with the row.

Sending an issue writes one `Delivery` per confirmed subscriber of its list, once, and
each copy is sent at most once from that log, so a send that stops half-way resumes
where it stopped.
"""

import secrets

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField

from articles.models import BODY_EDITOR_EXTENSIONS
from newsroom.sanitize import breakable_spaces, sanitize_html


def new_key():
    return secrets.token_urlsafe(24)


class Newsletter(models.Model):
    """A list readers can join, such as the daily briefing."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(
        blank=True, help_text="One or two sentences readers see when they choose their lists."
    )
    cadence = models.CharField(
        max_length=100, blank=True, help_text="As readers see it, e.g. “Every weekday morning”."
    )
    is_public = models.BooleanField(
        "offered to readers",
        default=True,
        help_text="Offered at sign-up, with its archive on the site. Untick for a list "
        "readers cannot join themselves.",
    )
    is_default = models.BooleanField(
        "default list",
        default=False,
        help_text="The list a one-click sign-up (the footer, the box after articles) joins.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Lists are offered in this order, lowest first."
    )

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="newsletter_one_default",
                violation_error_message="Another list is the default: untick it there first.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("newsletters:archive", kwargs={"slug": self.slug})


class Subscriber(models.Model):
    """One email address and the lists it is on."""

    email = models.EmailField(max_length=254)
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the reader clicked the link in the confirmation email.",
    )
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    suppressed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the address bounced or its owner marked an email as spam: "
        "nothing is sent to it any more.",
    )
    suppression_reason = models.CharField(
        max_length=20,
        blank=True,
        choices=[("bounced", "Bounced"), ("complained", "Marked as spam")],
    )
    newsletters = models.ManyToManyField(
        Newsletter, through="Subscription", related_name="subscribers", blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One row per address, however it was typed.
            models.UniqueConstraint(Lower("email"), name="subscriber_unique_email"),
        ]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def can_receive(self):
        return self.confirmed_at is not None and self.suppressed_at is None


def normalize_email(email):
    """The address as stored and compared: trimmed and lower-cased, so one reader is one
    row whatever they typed."""
    return (email or "").strip().lower()


class Subscription(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE)
    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "subscriber"], name="subscription_once_per_list"
            ),
        ]

    def __str__(self):
        return f"{self.subscriber} on {self.newsletter}"


class Issue(models.Model):
    """One edition of a newsletter: written like an article, sent once, then kept as a
    page in the newsletter's archive."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="issues")
    subject = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    preheader = models.CharField(
        max_length=200,
        blank=True,
        help_text="The line inboxes show after the subject.",
    )
    body = ProseEditorField(
        blank=True,
        config={"extensions": BODY_EDITOR_EXTENSIONS},
        help_text="Cleaned of anything unsafe when saved.",
    )
    send_at = models.DateTimeField(
        "send at",
        null=True,
        blank=True,
        help_text="Leave empty to send by hand; a time schedules the sending.",
    )
    sending_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    in_archive = models.BooleanField(
        "published in the archive",
        default=True,
        help_text="Once sent, the issue is a page on the site, in the newsletter's archive.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-sent_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "slug"], name="issue_slug_per_list"),
        ]
        permissions = [("send_issue", "Can send and schedule newsletter issues")]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        # Every path that stores an issue (admin, automatic draft, shell) stores it clean.
        self.body = breakable_spaces(sanitize_html(self.body))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "newsletters:issue", kwargs={"slug": self.newsletter.slug, "issue": self.slug}
        )

    @property
    def is_sent(self):
        return self.sent_at is not None


class Delivery(models.Model):
    """One copy of an issue for one subscriber: written before sending, marked when sent."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=250, blank=True)
    error = models.TextField(blank=True)
    # The sending batch that holds this copy, so two workers never send it both; a batch
    # renews `claimed_at` while it works, so a claim left by a stopped worker goes stale.
    claimed_by = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="delivery_once_per_copy"),
        ]
        indexes = [models.Index(fields=["issue", "status", "id"], name="delivery_queue_idx")]

    def __str__(self):
        return f"{self.issue} to {self.subscriber}"
