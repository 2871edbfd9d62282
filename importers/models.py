from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedItem(models.Model):
    """
    Where an imported row came from, so importing the same export again updates it
    instead of creating a copy. Kept apart from the content models on purpose: an
    article does not need to know it once lived in WordPress.
    """

    source = models.CharField(
        max_length=200,
        help_text='The system and site the item came from, e.g. "wordpress:example.com".',
    )
    kind = models.CharField(max_length=30, help_text="post, page, author, category, photo, …")
    source_id = models.CharField(max_length=200, help_text="The item's id in the source system.")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    note = models.TextField(
        blank=True,
        help_text="Why the item was changed on the way in, e.g. a password-protected post "
        "that became a draft.",
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["source", "kind", "source_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "source_id"], name="unique_imported_item"
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="imported_item_object_idx"),
        ]

    def __str__(self):
        return f"{self.source} {self.kind} {self.source_id}"
