"""
What a page depends on, and how a change spreads: while a page renders, every tracked
row that gets loaded records its tag, and every query for a list of published items
records the list's tag; saving or deleting a tracked row bumps its tags.
"""

import contextvars
from dataclasses import dataclass, field

from django.db.models.signals import post_delete, post_init, post_save

from . import versions
from .versions import list_tag, object_tag

# The tags of the page being rendered in this thread or task; None outside a render.
collected_tags = contextvars.ContextVar("pagecache_collected", default=None)


@dataclass
class RequestState:
    """What a reader's request knows about versions, so its teasers look them up together."""

    # The epoch when the request began, before it loaded anything.
    epoch: str
    versions: dict = field(default_factory=dict)
    # The tags of the tracked rows the request has loaded so far.
    loaded: set = field(default_factory=set)


request_state = contextvars.ContextVar("pagecache_request", default=None)

# model -> how its changes spread: its own list, and/or a parent object it belongs to.
_tracked = {}


@dataclass
class Tracking:
    listed: bool = False
    list_fields: tuple = ()
    parent: str | None = None


def record(*tags):
    """Note that the page being rendered depends on `tags` (no-op outside a render)."""
    collected = collected_tags.get()
    if collected is not None:
        collected.update(tags)


def record_list(model):
    record(list_tag(model))


def _on_init(sender, instance, **kwargs):
    tracking = _tracked[sender]
    if tracking.listed:
        # Remember where the item stood in lists, to tell on save whether that changed.
        instance._pagecache_list_state = _list_state(instance, tracking)
    if instance.pk is None:
        return
    if collected_tags.get() is not None:
        record(object_tag(sender, instance.pk), list_tag(sender))
    state = request_state.get()
    if state is not None:
        state.loaded.add(object_tag(sender, instance.pk))


def _list_state(instance, tracking):
    return tuple(instance.__dict__.get(name) for name in tracking.list_fields)


def _on_save(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    tracking = _tracked[sender]
    tags = {object_tag(sender, instance.pk)}
    moved = created or (
        tracking.listed
        and getattr(instance, "_pagecache_list_state", None) != _list_state(instance, tracking)
    )
    if moved or not tracking.listed:
        tags.add(list_tag(sender))
    if tracking.listed:
        instance._pagecache_list_state = _list_state(instance, tracking)
    tags |= _parent_tags(instance, tracking)
    versions.invalidate(tags, changed_items=[instance])


def _on_delete(sender, instance, **kwargs):
    tracking = _tracked[sender]
    tags = {object_tag(sender, instance.pk), list_tag(sender)}
    tags |= _parent_tags(instance, tracking)
    versions.invalidate(tags, changed_items=[instance])


def _parent_tags(instance, tracking):
    if not tracking.parent:
        return set()
    parent = getattr(instance, tracking.parent, None)
    if parent is None or type(parent) not in _tracked:
        return set()
    # A byline, tag or correction changes both the parent's page and the lists it is in.
    return {object_tag(type(parent), parent.pk), list_tag(type(parent))}


def track(model, *, listed=False, list_fields=(), parent=None, next_publication=None):
    """Invalidate cached pages when instances of `model` change.

    `listed` models appear in lists of published items; `list_fields` are the fields
    whose change moves an item in or out of such lists. `parent` names a relation whose
    page and lists also change when this row does (bylines, tags, corrections).
    `next_publication` returns the model's next scheduled publication time.
    """
    _tracked[model] = Tracking(listed=listed, list_fields=tuple(list_fields), parent=parent)
    uid = f"pagecache:{model._meta.label_lower}"
    post_init.connect(_on_init, sender=model, dispatch_uid=uid, weak=False)
    post_save.connect(_on_save, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid, weak=False)
    if next_publication is not None:
        versions.schedules.append(next_publication)


def shown_tags(instance):
    """The tags of `instance` and of the rows already loaded with it: its related rows
    (select_related) and its prefetched ones (with their own related rows)."""
    tags = [object_tag(type(instance), instance.pk)]
    loaded = [*instance._state.fields_cache.values()]
    for prefetched in getattr(instance, "_prefetched_objects_cache", {}).values():
        for row in prefetched:
            loaded += [row, *row._state.fields_cache.values()]
    for row in loaded:
        if row is not None and type(row) in _tracked:
            tags.append(object_tag(type(row), row.pk))
    return tags
