"""An article may tell its hero photo's caption its own way; the credit stays the photo's."""

import json
import re

import pytest
import reversion
from reversion.models import Version

from tests.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db

HERO = re.compile(r'<figure class="photo photo--hero">.*?</figure>', re.S)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
FIRST_STORY = "KYIV, UKRAINE - NOVEMBER 19: A street after the rain."
SECOND_STORY = "KYIV, UKRAINE - DECEMBER 2: The same street, a fortnight after the floods."


@pytest.fixture
def photo():
    return PhotoFactory(caption=FIRST_STORY, photographer="Brandon Bell", agency="Getty Images")


def hero_figure(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    return HERO.search(html).group(0), html


def json_ld_image(html):
    nodes = json.loads(JSON_LD.search(html).group(1))["@graph"]
    return next(node for node in nodes if node["@type"] == "NewsArticle")["image"][0]


def test_the_article_page_shows_the_articles_own_caption_with_the_photos_credit(client, photo):
    ArticleFactory(hero_photo=photo)
    reuse = ArticleFactory(hero_photo=photo, hero_caption=SECOND_STORY)

    figure, html = hero_figure(client, reuse)

    assert SECOND_STORY in figure
    assert FIRST_STORY not in html
    assert "(Photo by Brandon Bell/Getty Images)" in figure
    assert json_ld_image(html)["caption"] == SECOND_STORY
    assert json_ld_image(html)["creditText"] == "Brandon Bell/Getty Images"


def test_without_its_own_caption_the_article_shows_the_photos(client, photo):
    article = ArticleFactory(hero_photo=photo, hero_caption="   ")

    figure, html = hero_figure(client, article)

    assert FIRST_STORY in figure
    assert "(Photo by Brandon Bell/Getty Images)" in figure
    assert json_ld_image(html)["caption"] == FIRST_STORY


def test_the_first_story_keeps_its_caption_when_the_photo_is_reused(client, photo):
    first = ArticleFactory(hero_photo=photo)
    ArticleFactory(hero_photo=photo, hero_caption=SECOND_STORY)

    figure, _ = hero_figure(client, first)

    assert FIRST_STORY in figure
    assert SECOND_STORY not in figure


def test_the_caption_override_is_part_of_the_articles_versions(photo):
    article = ArticleFactory(draft=True, hero_photo=photo)
    for caption in ("", SECOND_STORY):
        article.hero_caption = caption
        with reversion.create_revision():
            article.save()

    newer, older = Version.objects.get_for_object(article)
    assert newer.field_dict["hero_caption"] == SECOND_STORY
    older.revision.revert()
    article.refresh_from_db()
    assert article.hero_caption == ""
