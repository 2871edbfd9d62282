"""
Times for machines, in one format each, rather than a format string in every template:

    <time datetime="{{ article.published_at|machine_time }}">…</time>   2026-03-14T09:26:53+0200
    <time datetime="{{ item.published_at|machine_date }}">…</time>      2026-03-14

Like Django's `date` filter, both read an aware datetime in the current time zone (the
site's, unless a view or `{% timezone %}` changed it) and give "" for None or "".
Seconds are the finest unit: a valid HTML datetime, and the same in every template.

And one for readers, in teasers: `{{ item.published_at|reader_time }}` gives "1 Dec,
20:47" ("1 Dec 2025, 20:47" in another year), never a time alone: a page kept in a cache
past midnight would otherwise show yesterday's item as today's.
"""

from datetime import date, datetime

from django import template
from django.utils import dateformat, timezone

register = template.Library()

# A valid global date and time string for <time datetime> and OpenGraph (a naive
# datetime is taken to be in the site's time zone, as `date` takes it).
TIME_FORMAT = r"Y-m-d\TH:i:sO"
DATE_FORMAT = "Y-m-d"


@register.filter(expects_localtime=True)
def machine_time(value):
    """The moment as 2026-03-14T09:26:53+0200; a date alone as 2026-03-14."""
    if isinstance(value, datetime):
        return dateformat.format(value, TIME_FORMAT)
    if isinstance(value, date):
        return dateformat.format(value, DATE_FORMAT)
    return ""


@register.filter(expects_localtime=True)
def machine_date(value):
    """The calendar day (in the current time zone for a datetime) as 2026-03-14."""
    if isinstance(value, date):
        return dateformat.format(value, DATE_FORMAT)
    return ""


@register.filter(expects_localtime=True)
def reader_time(value):
    """The moment as readers of a list read it: "1 Dec, 20:47", with the year when it
    is not this year's."""
    if not isinstance(value, datetime):
        return ""
    this_year = value.year == timezone.localdate().year
    return dateformat.format(value, "j M, H:i" if this_year else "j M Y, H:i")
