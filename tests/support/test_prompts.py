"""Which prompt readers see in each place, and when."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from support import prompts
from support.models import Prompt

from .factories import PromptFactory

pytestmark = pytest.mark.django_db

TOP, AFTER_ARTICLE, NEWS_FEED = Prompt.Placement.values


def test_the_newest_active_prompt_wins_in_each_place():
    now = timezone.now()
    PromptFactory(placement=AFTER_ARTICLE, starts_at=now - timedelta(days=3))
    newest = PromptFactory(placement=AFTER_ARTICLE, starts_at=now - timedelta(days=1))
    PromptFactory(placement=AFTER_ARTICLE, starts_at=now - timedelta(hours=1), is_active=False)
    bar = PromptFactory(placement=TOP, starts_at=now - timedelta(days=5))

    assert prompts.shown() == {AFTER_ARTICLE: newest, TOP: bar}


def test_a_prompt_shows_only_inside_its_window(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    now = timezone.now()
    running = PromptFactory(starts_at=now - timedelta(days=1), ends_at=now + timedelta(hours=2))
    PromptFactory(starts_at=now - timedelta(days=2), ends_at=now - timedelta(minutes=1))
    upcoming = PromptFactory(starts_at=now + timedelta(hours=1))
    assert prompts.shown() == {AFTER_ARTICLE: running}

    time_machine.shift(timedelta(hours=1))
    assert prompts.shown() == {AFTER_ARTICLE: upcoming}, "the newer start takes over"

    upcoming.delete()
    time_machine.shift(timedelta(hours=1))
    assert prompts.shown() == {}, "its end time has come"


def test_the_next_start_or_end_is_when_prompts_change_by_themselves():
    now = timezone.now()
    PromptFactory(starts_at=now - timedelta(days=1), ends_at=now + timedelta(hours=3))
    PromptFactory(starts_at=now + timedelta(hours=2))
    PromptFactory(starts_at=now + timedelta(minutes=5), is_active=False)
    assert Prompt.objects.next_change_at() == now + timedelta(hours=2)


def test_nothing_to_wait_for_without_a_start_or_end_ahead():
    PromptFactory()
    assert Prompt.objects.next_change_at() is None


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "http://example.org/join", "data:text/html,hi", "//example.org"],
)
def test_the_button_links_to_https_pages_only(link):
    prompt = PromptFactory.build(link=link)
    with pytest.raises(ValidationError) as error:
        prompt.full_clean()
    assert "link" in error.value.message_dict


def test_the_database_refuses_a_link_that_is_not_https_too():
    # Scripts and imports skip form validation.
    with pytest.raises(IntegrityError):
        PromptFactory(link="javascript:alert(document.cookie)")


def test_an_end_before_the_start_is_refused():
    now = timezone.now()
    prompt = PromptFactory.build(starts_at=now, ends_at=now - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        prompt.full_clean()
    assert "ends_at" in error.value.message_dict


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"goal": 1000, "current_figure": 640, "goal_label": "members"}, "640 of 1,000 members"),
        (
            {"goal": 50000, "current_figure": 32400, "currency_sign": "€", "goal_label": "raised"},
            "€32,400 of €50,000 raised",
        ),
        ({"goal": 500000, "current_figure": 0, "currency_sign": "₴"}, "₴0 of ₴500,000"),
        ({"goal": None}, ""),
    ],
)
def test_the_campaign_figure_reads_naturally(fields, text):
    assert PromptFactory.build(**fields).progress_text == text


def test_editing_the_message_makes_a_new_version_but_a_new_figure_does_not():
    prompt = PromptFactory(goal=1000, current_figure=10)
    version = prompt.version
    prompt.current_figure = 11
    assert prompt.version == version, "readers who dismissed it are not asked at every member"
    prompt.heading = "Last week of our campaign"
    assert prompt.version != version
