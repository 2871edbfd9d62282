"""
{% stream_entry item %}: an item of the mixed stream as a list entry (newsroom.stream),
the same markup the live updates send, so the live script can compare them.
{% day_heading item %}: the heading that opens the item's calendar day.
"""

from django import template

from newsroom.stream import day_heading_html, list_entry

register = template.Library()


@register.simple_tag
def stream_entry(item):
    html, _stamp = list_entry(item)
    return html


@register.simple_tag
def day_heading(item):
    return day_heading_html(item)
