"""
`machine_time` and `machine_date` (newsroom/templatetags/times.py): the times in
<time datetime> and meta tags, in the current time zone, as the pages have printed them;
and `reader_time`, the day and time readers see in lists.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone

from newsroom.templatetags.times import machine_date, machine_time

KYIV = ZoneInfo("Europe/Kyiv")
NEW_YORK = ZoneInfo("America/New_York")
UTC = ZoneInfo("UTC")


def render(source, **context):
    return Template("{% load times %}" + source).render(Context(context))


@pytest.fixture(autouse=True)
def site_in_kyiv(settings):
    settings.TIME_ZONE = "Europe/Kyiv"


def test_an_aware_time_is_given_in_the_site_zone_with_its_offset():
    # New York, 09:26 in winter: 16:26 in Kyiv (UTC+2).
    when = datetime(2026, 1, 14, 9, 26, 53, tzinfo=NEW_YORK)
    assert render("{{ when|machine_time }}", when=when) == "2026-01-14T16:26:53+0200"


def test_summer_time_moves_the_offset():
    when = datetime(2026, 7, 14, 6, 26, 53, tzinfo=UTC)
    assert render("{{ when|machine_time }}", when=when) == "2026-07-14T09:26:53+0300"


def test_the_current_time_zone_wins_over_the_site_one():
    when = datetime(2026, 1, 14, 9, 26, 53, tzinfo=UTC)
    assert (
        render(
            '{% load tz %}{% timezone "Asia/Tokyo" %}{{ when|machine_time }}{% endtimezone %}',
            when=when,
        )
        == "2026-01-14T18:26:53+0900"
    )
    with timezone.override(NEW_YORK):
        assert render("{{ when|machine_time }}", when=when) == "2026-01-14T04:26:53-0500"


def test_microseconds_are_left_out():
    when = datetime(2026, 1, 14, 9, 26, 53, 987654, tzinfo=KYIV)
    assert render("{{ when|machine_time }}", when=when) == "2026-01-14T09:26:53+0200"


def test_it_prints_what_the_templates_printed_with_a_format_string():
    start = datetime(2026, 3, 28, 22, 0, tzinfo=UTC)  # across the spring change in Kyiv
    for hours in range(0, 6):
        when = start + timedelta(hours=hours, minutes=7, seconds=3, microseconds=5)
        old = render(r"{{ when|date:'Y-m-d\TH:i:sO' }}", when=when)
        assert render("{{ when|machine_time }}", when=when) == old
        assert render("{{ when|machine_date }}", when=when) == render(
            "{{ when|date:'Y-m-d' }}", when=when
        )


@pytest.mark.parametrize("empty", [None, ""])
def test_nothing_gives_an_empty_string(empty):
    assert render("{{ when|machine_time }}|{{ when|machine_date }}", when=empty) == "|"
    assert machine_time(empty) == ""
    assert machine_date(empty) == ""


def test_a_missing_variable_gives_an_empty_string():
    assert render("{{ missing|machine_time }}{{ missing|machine_date }}") == ""


def test_something_else_than_a_time_gives_an_empty_string():
    assert render("{{ when|machine_time }}{{ when|machine_date }}", when="yesterday") == ""


def test_a_date_is_a_date_for_both():
    day = date(2026, 3, 14)
    assert render("{{ day|machine_time }} {{ day|machine_date }}", day=day) == (
        "2026-03-14 2026-03-14"
    )


def test_the_day_of_a_time_is_the_day_in_the_site_zone():
    # 23:30 in London on the 13th is already the 14th in Kyiv.
    when = datetime(2026, 3, 13, 23, 30, tzinfo=UTC)
    assert render("{{ when|machine_date }}", when=when) == "2026-03-14"


def test_a_naive_time_is_read_as_the_site_time():
    when = datetime(2026, 3, 14, 9, 26, 53)
    assert render("{{ when|machine_time }}", when=when) == "2026-03-14T09:26:53+0200"


def test_readers_get_the_day_with_the_time(time_machine):
    # Noon in Kyiv on 1 December.
    time_machine.move_to(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))

    def shown(moment):
        return render("{{ moment|reader_time }}", moment=moment)

    assert shown(datetime(2026, 12, 1, 7, 5, tzinfo=UTC)) == "09:05"
    # 23:30 UTC on 30 November is already 1 December in Kyiv: today.
    assert shown(datetime(2026, 11, 30, 23, 30, tzinfo=UTC)) == "01:30"
    assert shown(datetime(2026, 11, 30, 18, 47, tzinfo=UTC)) == "Yesterday, 20:47"
    assert shown(datetime(2026, 11, 28, 12, 5, tzinfo=UTC)) == "28 Nov, 14:05"
    assert shown(datetime(2025, 11, 30, 18, 47, tzinfo=UTC)) == "30 Nov 2025, 20:47"
    # A scheduled item, seen in a preview.
    assert shown(datetime(2026, 12, 2, 8, 0, tzinfo=UTC)) == "2 Dec, 10:00"
    assert shown(None) == ""


def test_the_news_feed_says_which_day_each_item_is_from(client, db):
    from tests.factories import ArticleFactory, AuthorFactory, QuoteFactory

    yesterday = timezone.now() - timedelta(days=1)
    ArticleFactory(published_at=yesterday, authors=[AuthorFactory()])
    QuoteFactory(published_at=yesterday)

    html = client.get("/feed/").text

    day = timezone.localtime(yesterday).strftime("Yesterday, %H:%M")
    assert html.count(f">{day}</time>") == 2


def test_a_shown_time_carries_its_day_and_zone_for_those_who_ask(time_machine, settings):
    time_machine.move_to(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    moment = datetime(2026, 11, 30, 18, 47, tzinfo=UTC)
    assert render("{% shown_time moment %}", moment=moment) == (
        '<time datetime="2026-11-30T20:47:00+0200" title="30 November 2026, 20:47, Kyiv time">'
        "Yesterday, 20:47</time>"
    )
    assert render("{% shown_time moment %}", moment=None) == ""
    settings.TIME_ZONE = "UTC"
    assert render("{% zone_name %}") == "UTC"


def test_the_strip_names_the_earlier_day_where_it_crosses_one(client, db, time_machine):
    import re

    from tests.factories import ArticleFactory, QuoteFactory

    time_machine.move_to(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    now = timezone.now()
    ArticleFactory(headline="Bridge reopens", published_at=now - timedelta(minutes=5))
    QuoteFactory(text="We will rebuild", published_at=now - timedelta(days=1))

    strip = re.search(r'<section class="news-feed-strip".*?</section>', client.get("/").text, re.S)
    entries = re.findall(r'<li class="(feed-day|feed-item)[^"]*"', strip.group(0))
    # Today's item needs no heading; yesterday's is under one.
    assert entries == ["feed-item", "feed-day", "feed-item"]
    yesterday = timezone.localtime(now - timedelta(days=1))
    assert f'<time datetime="{yesterday:%Y-%m-%d}">' in strip.group(0)
