"""
Paths of reader pages named by a slug, worked out once per slug and edition.

Every list links to each of its items and their sections, and the same items appear on
page after page; Django's reverse() re-walks the URL patterns each time.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language, override


@functools.lru_cache(maxsize=16384)
def _path(script_prefix, language, viewname, slug):
    with override(language):
        return reverse(viewname, kwargs={"slug": slug})


def slug_path(viewname, slug, language=None):
    """reverse(viewname, kwargs={"slug": slug}) in the edition of `language` (/uk/…),
    by default the active one; remembered."""
    return _path(get_script_prefix(), language or get_language(), viewname, slug)


@receiver(setting_changed)
def _forget_paths(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _path.cache_clear()
