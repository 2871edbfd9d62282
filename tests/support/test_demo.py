import pytest
from django.urls import reverse

from demo.support import seed_support
from support.models import Prompt

pytestmark = pytest.mark.django_db


def test_the_demo_campaign_shows_a_top_bar_and_a_box_after_articles(client):
    assert seed_support() == 4
    for language in ("en", "uk"):
        shown = Prompt.objects.shown().filter(language=language)
        assert set(shown.values_list("placement", flat=True)) == {
            Prompt.Placement.TOP,
            Prompt.Placement.AFTER_ARTICLE,
        }
    assert "640 of 1,000 new members this month" in client.get(reverse("home")).text
    assert "640 з 1\xa0000 нових членів клубу цього місяця" in client.get("/uk/").text


def test_seeding_the_campaign_again_adds_nothing():
    seed_support()
    Prompt.objects.update(current_figure=700)
    seed_support()
    assert Prompt.objects.count() == 4
    assert set(Prompt.objects.values_list("current_figure", flat=True)) == {640}
