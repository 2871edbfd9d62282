from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from newsroom import pagecache

from .models import Photo
from .renditions import make_renditions


def make_renditions_and_refresh(photo):
    if make_renditions(photo):
        # Pages drawn between the commit and now showed the original file.
        pagecache.rows_changed(Photo, [photo.pk])


@receiver(post_save, sender=Photo, dispatch_uid="articles.photo_renditions")
def make_photo_renditions(sender, instance, raw=False, **kwargs):
    """Resize when a photo is saved, so no reader request ever waits for Pillow: once the
    save has committed, as resizing 50 megapixels takes seconds, and inside the save's
    transaction the database's write lock would keep every other editor's save waiting."""
    if not raw and instance.image:
        transaction.on_commit(partial(make_renditions_and_refresh, instance))
