"""
{% stream_entry item [teaser_template] %}: an item of the mixed stream as a list entry
(newsroom.stream), the same markup the live updates send, so the live script can compare
them; drawn with its kind's teaser, or `teaser_template` when the list has its own (a
live blog's entries).
{% day_heading item %}: the heading that opens the item's calendar day.
"""

from django import template

from newsroom.stream import day_heading_html, list_entry

register = template.Library()


@register.simple_tag
def stream_entry(item, teaser_template=""):
    html, _stamp = list_entry(item, teaser_template)
    return html


@register.simple_tag
def day_heading(item):
    return day_heading_html(item)
