from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from newsroom import pagecache

from .models import Article, Photo
from .renditions import make_renditions


@receiver(post_save, sender=Photo, dispatch_uid="articles.photo_renditions")
def make_photo_renditions(sender, instance, raw=False, **kwargs):
    """Resize when a photo is saved, so no reader request ever waits for Pillow."""
    if not raw and instance.image:
        make_renditions(instance)


@receiver(m2m_changed, sender=Article.related_articles.through, dispatch_uid="articles.picks")
def refresh_pages_with_new_picks(sender, instance, action, pk_set, **kwargs):
    """The editor's picks show on the article's page; changing them redraws it."""
    if action in ("post_add", "post_remove", "post_clear"):
        # Either side may show the pairing (reverse adds, symmetrical relations).
        pks = {instance.pk, *(pk_set or ())}
        pagecache.invalidate({pagecache.object_tag(Article, pk) for pk in pks})
