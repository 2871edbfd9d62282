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
(newsroom.pagecache). `{% shown_time item.published_at %}` gives the whole element, the
full date and the zone in its title: <time datetime="…" title="1 December 2026, 14:05,
Kyiv time">14:05</time>; `{% zone_name %}` says the zone once on a page ("Kyiv time").
"""

from datetime import date, datetime, timedelta

from django import template
from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

register = template.Library()

# A valid global date and time string for <time datetime> and OpenGraph (a naive
# datetime is taken to be in the site's time zone, as `date` takes it).
TIME_FORMAT = r"Y-m-d\TH:i:sO"
DATE_FORMAT = "Y-m-d"
# The newsroom's own zone in words each language has for it ("за київським часом"); other
# zones are named after their city.
ZONE_NAMES = {"Europe/Kyiv": _("Kyiv time")}


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
        return gettext("Yesterday, %(time)s") % {"time": dateformat.format(value, "H:i")}
    if value.year == today.year:
        return dateformat.format(value, f"{get_format('MONTH_DAY_FORMAT')}, H:i")
    return dateformat.format(value, get_format("SHORT_DATETIME_FORMAT"))


@register.simple_tag
def zone_name():
    """The site's time zone as readers name it: "Kyiv time" for Europe/Kyiv."""
    if settings.TIME_ZONE.upper() in ("UTC", "GMT"):
        return "UTC"
    if settings.TIME_ZONE in ZONE_NAMES:
        return ZONE_NAMES[settings.TIME_ZONE]
    city = settings.TIME_ZONE.rsplit("/", 1)[-1].replace("_", " ")
    return gettext("%(city)s time") % {"city": city}


@register.simple_tag
def shown_time(value):
    """The moment as a list shows it (reader_time), with the full date and the zone in
    its title and the machine form in datetime; "" for no time."""
    if not isinstance(value, datetime):
        return ""
    local = timezone.localtime(value)
    return format_html(
        '<time datetime="{}" title="{}, {}">{}</time>',
        machine_time(local),
        dateformat.format(local, get_format("DATETIME_FORMAT")),
        zone_name(),
        reader_time(local),
    )
