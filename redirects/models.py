"""
Addresses that used to show an item, answered with a permanent redirect to wherever the
item lives now: every earlier slug of an item, and the paths an imported site used.

Shaped like django.contrib.redirects, but a redirect points at the item rather than at
a path, so it follows the item through later slug changes and stops (a 404) while the
item is not visible to readers.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class RedirectQuerySet(models.QuerySet):
    def point(self, old_path, target):
        """Make `old_path` redirect to `target`; says whether that was CREATED, UPDATED
        (it pointed elsewhere) or UNCHANGED."""
        content_type = ContentType.objects.get_for_model(target)
        redirect = self.filter(old_path=old_path).first()
        if redirect is None:
            self.create(old_path=old_path, content_type=content_type, object_id=target.pk)
            return CREATED
        if (redirect.content_type_id, redirect.object_id) == (content_type.pk, target.pk):
            return UNCHANGED
        redirect.content_type, redirect.object_id = content_type, target.pk
        redirect.save(update_fields=["content_type", "object_id"])
        return UPDATED


class Redirect(models.Model):
    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_(
            "Path and, where it matters, query string, e.g. /2012/01/04/hello/ or "
            "/?p=1168. Starts with /."
        ),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        ordering = ["old_path"]
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        indexes = [models.Index(fields=["content_type", "object_id"], name="redirect_target_idx")]

    def __str__(self):
        return self.old_path

    def target_url(self):
        """The item's current address, or None when readers may not see it."""
        target = self.target
        if target is None or getattr(target, "is_live", True) is False:
            return None
        url = target.get_absolute_url()
        # An item back at an address it once had is served there, not sent round in a loop.
        return None if url == self.old_path else url
