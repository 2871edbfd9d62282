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
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from articles.models import BODY_EDITOR_EXTENSIONS
from newsroom.sanitize import breakable_spaces, sanitize_html


def new_key():
    return secrets.token_urlsafe(24)


class Newsletter(models.Model):
    """A list readers can join, such as the daily briefing."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences readers see when they choose their lists."),
    )
    cadence = models.CharField(
        _("cadence"),
        max_length=100,
        blank=True,
        help_text=_("As readers see it, e.g. “Every weekday morning”."),
    )
    is_public = models.BooleanField(
        _("offered to readers"),
        default=True,
        help_text=_(
            "Offered at sign-up, with its archive on the site. Untick for a list "
            "readers cannot join themselves."
        ),
    )
    is_default = models.BooleanField(
        _("default list"),
        default=False,
        help_text=_("The list a one-click sign-up (the footer, the box after articles) joins."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lists are offered in this order, lowest first.")
    )

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="newsletter_one_default",
                violation_error_message=_("Another list is the default: untick it there first."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("newsletters:archive", kwargs={"slug": self.slug})


class Subscriber(models.Model):
    """One email address and the lists it is on."""

    email = models.EmailField(_("email"), max_length=254)
    key = models.CharField(_("key"), max_length=40, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(
        _("confirmed at"),
        null=True,
        blank=True,
        help_text=_("When the reader clicked the link in the confirmation email."),
    )
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent at"), null=True, blank=True, editable=False
    )
    suppressed_at = models.DateTimeField(
        _("suppressed at"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the address bounced or its owner marked an email as spam: "
            "nothing is sent to it any more."
        ),
    )
    suppression_reason = models.CharField(
        _("suppression reason"),
        max_length=20,
        blank=True,
        choices=[("bounced", _("Bounced")), ("complained", _("Marked as spam"))],
    )
    newsletters = models.ManyToManyField(
        Newsletter,
        through="Subscription",
        related_name="subscribers",
        blank=True,
        verbose_name=_("newsletters"),
    )

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
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
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, verbose_name=_("subscriber")
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, verbose_name=_("newsletter")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "subscriber"], name="subscription_once_per_list"
            ),
        ]

    def __str__(self):
        return gettext("%(subscriber)s on %(newsletter)s") % {
            "subscriber": self.subscriber,
            "newsletter": self.newsletter,
        }


class Issue(models.Model):
    """One edition of a newsletter: written like an article, sent once, then kept as a
    page in the newsletter's archive."""

    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.PROTECT, related_name="issues", verbose_name=_("newsletter")
    )
    subject = models.CharField(_("subject"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    preheader = models.CharField(
        _("preheader"),
        max_length=200,
        blank=True,
        help_text=_("The line inboxes show after the subject."),
    )
    body = ProseEditorField(
        _("body"),
        blank=True,
        config={"extensions": BODY_EDITOR_EXTENSIONS},
        help_text=_("Cleaned of anything unsafe when saved."),
    )
    send_at = models.DateTimeField(
        _("send at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to send by hand; a time schedules the sending."),
    )
    sending_started_at = models.DateTimeField(
        _("sending started at"), null=True, blank=True, editable=False
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    in_archive = models.BooleanField(
        _("published in the archive"),
        default=True,
        help_text=_("Once sent, the issue is a page on the site, in the newsletter's archive."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
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
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("issue")
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    message_id = models.CharField(_("message id"), max_length=250, blank=True)
    error = models.TextField(_("error"), blank=True)
    # The sending batch that holds this copy, so two workers never send it both; a batch
    # renews `claimed_at` while it works, so a claim left by a stopped worker goes stale.
    claimed_by = models.CharField(_("claimed by"), max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="delivery_once_per_copy"),
        ]
        indexes = [models.Index(fields=["issue", "status", "id"], name="delivery_queue_idx")]

    def __str__(self):
        return gettext("%(issue)s to %(subscriber)s") % {
            "issue": self.issue,
            "subscriber": self.subscriber,
        }
