"""Dates read as each edition writes them: "1 December 2026, 14:05" and, with the month
in the genitive, "1 грудня 2026, 14:05"; machines get the same form in both."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.forms import DateField
from django.template import Context, Template
from django.utils import translation

from newsroom.templatetags.times import reader_time
from tests.factories import QuoteFactory

from .test_pages import get_in_ukrainian

MOMENT = datetime(2026, 12, 1, 14, 5, tzinfo=ZoneInfo("Europe/Kyiv"))
DATES = (
    '{% load times %}{{ moment|date:"DATETIME_FORMAT" }} | {{ moment|date:"DATE_FORMAT" }}'
    ' | {{ moment|date:"SHORT_DATETIME_FORMAT" }} | {{ moment|machine_time }}'
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1 December 2026, 14:05 | 1 December 2026 | 1 Dec 2026, 14:05"),
        ("en-gb", "1 December 2026, 14:05 | 1 December 2026 | 1 Dec 2026, 14:05"),
        ("uk", "1 грудня 2026, 14:05 | 1 грудня 2026 | 01.12.2026, 14:05"),
    ],
)
def test_named_formats_read_as_the_language_writes_dates(language, expected):
    with translation.override(language):
        shown = Template(DATES).render(Context({"moment": MOMENT}))
    assert shown == expected + " | 2026-12-01T14:05:00+0200"


def test_a_times_title_gives_the_full_date_in_ukrainian():
    with translation.override("uk"):
        html = Template("{% load times %}{% shown_time moment %}").render(
            Context({"moment": MOMENT})
        )
    assert 'title="1 грудня 2026, 14:05, ' in html


def test_an_item_page_dates_the_item_in_ukrainian(client, db):
    quote = QuoteFactory(
        published_at=MOMENT, text="Ми впораємося", speaker="Олена Петренко", language="uk"
    )
    html = get_in_ukrainian(client, quote.get_absolute_url)
    assert '<time datetime="2026-12-01T14:05:00+0200">1 грудня 2026, 14:05</time>' in html


@pytest.mark.parametrize(
    ("language", "this_year", "last_year"),
    [
        ("en", "28 Nov, 14:05", "28 Nov 2025, 14:05"),
        ("uk", "28 листопада, 14:05", "28.11.2025, 14:05"),
    ],
)
def test_lists_date_an_older_item_as_the_language_writes_it(language, this_year, last_year):
    with time_machine.travel(MOMENT, tick=False), translation.override(language):
        assert reader_time(MOMENT.replace(day=28, month=11)) == this_year
        assert reader_time(MOMENT.replace(year=2025, day=28, month=11)) == last_year


@pytest.mark.parametrize(("language", "typed"), [("en", "24/12/2026"), ("uk", "24.12.2026")])
def test_editors_type_dates_day_first(language, typed):
    """What the admin's date fields show and read: the day first, as each edition writes."""
    with translation.override(language):
        assert DateField().clean(typed) == date(2026, 12, 24)
