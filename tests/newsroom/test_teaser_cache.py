"""
Teasers (cards and News Feed items) are cached one by one, so a page the page cache
misses is assembled from teasers rendered before; a change shows at once all the same.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Photo
from tests.factories import ArticleFactory, PhotoFactory, QuoteFactory, SectionFactory
from tests.newsroom_data import rendered_templates

# Versions move when a change commits, so these tests commit for real.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("parts_cached_only"),
]

CARD = "articles/_card.html"
FEED_ARTICLE = "feed/_item_article.html"


@pytest.fixture
def story():
    section = SectionFactory(name="Climate")
    photo = PhotoFactory(alt_text="Flooded street in Porto")
    return ArticleFactory(
        headline="River breaks its banks", section=section, hero_photo=photo, is_featured=True
    )


def test_a_second_page_reuses_the_teasers_of_the_first(client, story):
    QuoteFactory(text="We saw the water rise")
    first = client.get(reverse("home"))
    assert CARD in rendered_templates(first)
    assert FEED_ARTICLE in rendered_templates(first)

    again = client.get(reverse("home"))
    assert CARD not in rendered_templates(again)
    assert FEED_ARTICLE not in rendered_templates(again)
    assert again.content == first.content
    # The News Feed shows the same items with the same teasers.
    feed = client.get(reverse("feed:list"))
    assert FEED_ARTICLE not in rendered_templates(feed)
    assert "River breaks its banks" in feed.text
    assert "We saw the water rise" in feed.text


def test_editing_an_article_redraws_its_teaser_everywhere(client, story):
    client.get(reverse("home"))
    client.get(reverse("feed:list"))

    story.headline = "River breaks its banks again"
    story.save()

    for url in (reverse("home"), reverse("feed:list"), story.section.get_absolute_url()):
        page = client.get(url).text
        assert "River breaks its banks again" in page, url


def test_a_renamed_section_or_a_changed_photo_shows_in_the_teasers(client, story):
    client.get(reverse("home"))

    section = story.section
    section.name = "Climate and Environment"
    section.save()
    photo = Photo.objects.get(pk=story.hero_photo_id)
    photo.alt_text = "A flooded street in Porto at dawn"
    photo.save()

    page = client.get(reverse("home")).text
    assert "Climate and Environment" in page
    assert "A flooded street in Porto at dawn" in page


def test_bulk_updates_redraw_teasers(client, story):
    client.get(reverse("feed:list"))
    Article.objects.filter(pk=story.pk).update(headline="River recedes")
    assert "River recedes" in client.get(reverse("feed:list")).text


def test_staff_pages_are_drawn_afresh(client, story, django_user_model):
    client.get(reverse("home"))
    client.force_login(django_user_model.objects.create_user("desk", password="x" * 12))
    assert CARD in rendered_templates(client.get(reverse("home")))


def test_teasers_of_another_release_are_not_used(client, story, monkeypatch):
    from newsroom import pagecache

    client.get(reverse("home"))
    monkeypatch.setattr(pagecache.fragments, "release", lambda: "next-release")
    assert CARD in rendered_templates(client.get(reverse("home")))


def test_a_photo_on_two_articles_is_one_dependency(client, story):
    other = ArticleFactory(headline="Dam holds", hero_photo=story.hero_photo)
    client.get(reverse("feed:list"))
    photo = PhotoFactory.build()
    Photo.objects.filter(pk=story.hero_photo_id).update(alt_text=photo.alt_text)
    # A raw update sends no signal; saving the photo is what editors do.
    Photo.objects.get(pk=story.hero_photo_id).save()
    page = client.get(reverse("feed:list")).text
    assert page.count(photo.alt_text) == 2
    assert other.headline in page


def test_new_and_scheduled_items_join_the_news_feed_at_their_time(client, story, time_machine):
    time_machine.move_to(timezone.now())
    client.get(reverse("feed:list"))
    client.get(reverse("feed:list") + "?tag=storms")

    quote = QuoteFactory(text="The river took the bridge")
    quote.tags.add("Storms")
    QuoteFactory(text="Sirens at dawn", published_at=timezone.now() + timedelta(minutes=5))
    assert "The river took the bridge" in client.get(reverse("feed:list")).text
    assert "The river took the bridge" in client.get(reverse("feed:list") + "?tag=storms").text
    assert "Sirens at dawn" not in client.get(reverse("feed:list")).text

    time_machine.shift(timedelta(minutes=5, seconds=1))
    assert "Sirens at dawn" in client.get(reverse("feed:list")).text


def test_the_front_page_follows_new_featured_stories_and_sections(client, story):
    client.get(reverse("home"))
    ArticleFactory(headline="Storm surge warning", is_featured=True)
    sport = SectionFactory(name="Sport")
    ArticleFactory(headline="Regatta postponed", section=sport)
    page = client.get(reverse("home")).text
    assert "Storm surge warning" in page.split('class="lead-story"')[1].split("</article>")[0]
    assert "Regatta postponed" in page.split(f'id="section-{sport.slug}-heading"')[1]
