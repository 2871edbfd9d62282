"""{% slot "place" %}: what the apps registered for that place on the page (newsroom.slots)."""

from django import template

from newsroom import slots

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context, place):
    return slots.render(place, context)
