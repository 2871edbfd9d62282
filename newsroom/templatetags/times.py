"""
Times for machines, in one format each, rather than a format string in every template:

    <time datetime="{{ article.published_at|machine_time }}">…</time>   2026-03-14T09:26:53+0200
    <time datetime="{{ item.published_at|machine_date }}">…</time>      2026-03-14

Like Django's `date` filter, both read an aware datetime in the current time zone (the
site's, unless a view or `{% timezone %}` changed it) and give "" for None or "".
Seconds are the finest unit: a valid HTML datetime, and the same in every template.

And one for readers, in teasers: `{{ item.published_at|reader_time }}` gives "14:05"
today, "Yesterday, 14:05", "28 Nov, 14:05" this year and "28 Nov 2025, 14:05" before.
Such words go stale at midnight, so nothing cached outlives the day it was drawn on:
pages and fragments expire at the next local midnight and teasers are kept per day
(newsroom.pagecache).
"""

from datetime import date, datetime, timedelta

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
    """The moment as readers of a list read it: the time alone today, "Yesterday" and
    the time, the day and month this year, and the year as well before."""
    if not isinstance(value, datetime):
        return ""
    today = timezone.localdate()
    if value.date() == today:
        return dateformat.format(value, "H:i")
    if value.date() == today - timedelta(days=1):
        return "Yesterday, " + dateformat.format(value, "H:i")
    return dateformat.format(value, "j M, H:i" if value.year == today.year else "j M Y, H:i")
