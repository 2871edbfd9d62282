"""
The breaking-news bar: the one item editors marked as breaking news, at the top of every
page until its mark runs out or is cleared.

Any kind may be breaking news (the mark is on the publishing base). At most one item is
shown: of the live items whose mark has not run out, the one marked last, so an older
mark simply loses to a newer one and nothing has to be unmarked for the rule to hold,
whatever path made the marks. A scheduled item's mark counts from its publication.

How pages stay current: `breaking_until` is one of every kind's list fields, so marking,
clearing or re-marking an item bumps its kind's list tag, which every page records
through the bar; an edit of the item shown bumps its own tag; and the expiry of a mark
bounds page lifetimes like a scheduled publication (`next_change_at` on each kind's
manager).
"""

from django.db.models import Value
from django.template.loader import render_to_string

from . import kinds, pagecache

BAR_TEMPLATE = "includes/_breaking.html"


def current():
    """The item readers see as breaking news now, or None.

    One query across every kind (a UNION of the few marked rows, live or not), and one
    more to load the item when there is one. The newest mark wins; ties go the way of
    the stream (kind, then pk).
    """
    marked = []
    for kind in kinds.registered():
        # The bar depends on every kind's marks, even when none is marked.
        pagecache.record_list(kind.model)
        marked.append(
            kind.model.objects.marked_breaking()
            .annotate(kind=Value(kind.name))
            .values_list("breaking_since", "kind", "pk", "is_shown")
        )
    if not marked:
        return None
    live = [
        (since, name, pk)
        for since, name, pk, is_shown in marked[0].union(*marked[1:], all=True)
        if is_shown
    ]
    if not live:
        return None
    _, name, pk = max(live)
    return kinds.get(name).model.objects.filter(pk=pk).first()


def bar_html():
    """The bar as HTML, "" when nothing is breaking: kept like a shared fragment of pages
    until a mark changes, the item shown is edited or its mark runs out."""
    return pagecache.cached_fragment("breaking-bar", render_bar)


def render_bar():
    item = current()
    return render_to_string(BAR_TEMPLATE, {"item": item}) if item is not None else ""
