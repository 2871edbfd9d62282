"""What a live blog's page draws around its entries."""

from django import template

from newsroom.stream import cursor_at

register = template.Library()


@register.filter
def linked_from(key_events, page):
    """(entry, address) for each key event (stream items): its anchor when `page` shows
    it, else the page of entries that starts with it, so an older one is a click away
    without a script."""
    shown = {item.object.pk for item in page.items}
    return [
        (
            item.object,
            f"#entry-{item.object.pk}"
            if item.object.pk in shown
            else f"?cursor={cursor_at(item)}#entry-{item.object.pk}",
        )
        for item in key_events
    ]
