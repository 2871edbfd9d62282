"""
Every earlier public address of an item keeps working, whatever changed its slug: the
admin, a revision restore, the shell or an importer. The rule lives on the model's
save, not in a form.
"""

from django.db.models.signals import post_save, pre_save

from .models import Redirect


def _remember_address(sender, instance, **kwargs):
    """Before a save: the address the row had in the database, if readers may have seen it."""
    instance._redirects_previous_url = None
    if instance.pk is None:
        return
    previous = sender._default_manager.filter(pk=instance.pk).first()
    if previous is not None and getattr(previous, "has_been_published", True):
        instance._redirects_previous_url = previous.get_absolute_url()


def _keep_old_address(sender, instance, **kwargs):
    """After a save: a changed address redirects from the old one to the new one."""
    old_url = getattr(instance, "_redirects_previous_url", None)
    new_url = instance.get_absolute_url()
    instance.redirected_from = None
    if not old_url or old_url == new_url:
        return
    # Back at an address it had before: that one is the item's own again.
    Redirect.objects.filter(old_path=new_url).delete()
    Redirect.objects.point(old_url, instance)
    instance.redirected_from = old_url


def track(model):
    """Keep the earlier addresses of `model`'s rows redirecting after a slug change.

    A row's address is its get_absolute_url(); one that was never published (the model's
    `has_been_published`, when it has one) was never public and is not kept.
    """
    uid = f"redirects:{model._meta.label_lower}"
    pre_save.connect(_remember_address, sender=model, dispatch_uid=uid, weak=False)
    post_save.connect(_keep_old_address, sender=model, dispatch_uid=uid, weak=False)
