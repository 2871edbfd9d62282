from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Photo
from .renditions import make_renditions


@receiver(post_save, sender=Photo, dispatch_uid="articles.photo_renditions")
def make_photo_renditions(sender, instance, raw=False, **kwargs):
    """Resize when a photo is saved, so no reader request ever waits for Pillow."""
    if not raw and instance.image:
        make_renditions(instance)
