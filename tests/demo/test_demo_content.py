"""
The demo reads like a newsroom's: every item its own words, bodies that tell their
headline's story, fitting tags, varied pictures and no real agency's name in a credit.
"""

import hashlib
import re
from collections import defaultdict

import pytest

from articles.models import Article, Photo
from demo import pictures
from demo.content import BRIEFS
from demo.seeding import seed
from demo.stories import STORIES, VIDEOS
from feed.models import Brief, Quote, Video

pytestmark = pytest.mark.django_db

LIVE_BLOG = "storm-elin-live"
STORY_BY_HEADLINE = {story.headline: story for story in STORIES}
# Agencies and picture libraries whose names a demo drawing must never carry.
REAL_AGENCIES = [
    "Getty", "Reuters", "AFP", "Agence France", "AP", "Associated Press", "EPA", "PA Media",
    "PA Images", "PA", "Alamy", "Shutterstock", "Bloomberg", "Xinhua", "Anadolu", "dpa",
    "Magnum", "Corbis", "iStock", "Adobe Stock", "ANSA", "Kyodo", "Press Association",
]  # fmt: skip


def tag_names(item):
    return {tag.name for tag in item.tags.all()}


def sentences(html):
    text = re.sub(r"<[^>]+>", " ", html)
    return {part.strip() for part in re.split(r"(?<=[.!?\u201d])\s+", text) if len(part) > 20}


def test_every_headline_standfirst_quote_and_video_title_is_its_own():
    seed()
    articles = Article.objects.exclude(slug=LIVE_BLOG)
    assert articles.in_edition("en").count() == 60
    assert len(set(articles.values_list("headline", flat=True))) == articles.count()
    assert len(set(articles.values_list("standfirst", flat=True))) == articles.count()
    quotes, videos = Quote.objects.in_edition("en"), Video.objects.in_edition("en")
    assert len(set(quotes.values_list("text", flat=True))) == quotes.count() == 40
    assert len(set(quotes.values_list("speaker", flat=True))) == 40
    assert len(set(videos.values_list("title", flat=True))) == videos.count() == 12
    assert len(set(videos.values_list("teaser", flat=True))) == 12
    loose = Brief.objects.in_edition("en").filter(live_blog=None)
    assert len(set(loose.values_list("headline", flat=True))) == loose.count() == 16


def test_headlines_stay_distinct_at_scale():
    seed(scale=2)
    headlines = list(Article.objects.in_edition("en").values_list("headline", flat=True))
    assert len(headlines) == 121 and len(set(headlines)) == 121
    titles = list(Video.objects.in_edition("en").values_list("title", flat=True))
    assert len(set(titles)) == len(titles) == 24


def test_bodies_tell_their_own_story_and_no_other():
    seed()
    seen = {}
    for article in Article.objects.in_edition("en").exclude(slug=LIVE_BLOG):
        story = STORY_BY_HEADLINE[article.headline]
        assert story.place.upper() in article.body, article.headline
        assert story.speaker in article.body and story.subhead in article.body
        for sentence in sentences(article.body):
            assert seen.setdefault(sentence, article.headline) == article.headline, sentence
    assert len(seen) > 60 * 4


def test_tags_come_from_the_story():
    seed()
    for article in (
        Article.objects.in_edition("en").exclude(slug=LIVE_BLOG).prefetch_related("tags")
    ):
        assert tag_names(article) == set(STORY_BY_HEADLINE[article.headline].tags)
    english_quotes = Quote.objects.in_edition("en").select_related("source_article")
    for quote in english_quotes.prefetch_related("tags"):
        [story] = [story for story in STORIES if story.quote == quote.text]
        assert tag_names(quote) == set(story.tags)
        if quote.source_article:
            assert quote.source_article.headline == story.headline
            assert quote.speaker in quote.source_article.body
    assert english_quotes.filter(source_article__isnull=False).count() > 30
    video_tags = {title: set(tags) for title, _, _, tags, _ in VIDEOS}
    for video in Video.objects.in_edition("en").prefetch_related("tags"):
        assert tag_names(video) == video_tags[video.title]
    brief_tags = {headline: set(tags) for headline, _, _, tags, _ in BRIEFS}
    for brief in Brief.objects.in_edition("en").filter(live_blog=None).prefetch_related("tags"):
        assert tag_names(brief) == brief_tags[brief.headline]


def test_no_credit_names_a_real_agency():
    seed()
    credits = set(Photo.objects.values_list("photographer", "agency"))
    assert len({agency for _, agency in credits if agency}) >= 3
    for photographer, agency in credits:
        # A credit does not wrap: longer ones run off a phone's screen.
        assert len(f"{photographer}/{agency}") <= 33, agency
        for name in REAL_AGENCIES:
            pattern = rf"\b{re.escape(name)}\b"
            assert not re.search(pattern, agency), agency
            assert not re.search(pattern, photographer), photographer


def test_pictures_are_drawings_of_several_kinds_that_differ():
    seed()
    photos = list(Photo.objects.all())
    hashes = set()
    for photo in photos:
        with photo.image.open("rb") as image:
            hashes.add(hashlib.sha256(image.read()).hexdigest())
    assert len(hashes) >= 40, "most stories have a drawing of their own"

    def kind(photo):
        return photo.image.name.split("/")[-1].split("-")[0]

    assert {kind(photo) for photo in photos} == set(pictures.KINDS)
    kinds_by_section = defaultdict(set)
    for article in Article.objects.select_related("hero_photo", "section"):
        story = STORY_BY_HEADLINE.get(article.headline)
        if story:
            assert kind(article.hero_photo) == story.picture
            kinds_by_section[article.section.slug].add(story.picture)
    assert all(len(kinds) >= 3 for kinds in kinds_by_section.values()), kinds_by_section
    assert len({photo.alt_text for photo in photos}) >= 10
    assert not any("Hills at dusk" in photo.alt_text for photo in photos)
