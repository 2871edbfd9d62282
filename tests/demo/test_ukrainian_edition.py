"""
The demo's Ukrainian edition: its own articles, briefs, quotes and videos in Ukrainian,
translations linked to their English originals, Ukrainian names for the people and the
sections, and pages under /uk/ that read in Ukrainian.
"""

import re

import pytest
from django.utils.html import escape
from django.utils.translation import override

from articles.models import Article, Section
from authors.models import Author
from demo import ukrainian
from demo.seeding import seed
from feed.models import Brief, Quote, Video
from newsletters.models import Issue

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[а-яіїєґ]", re.IGNORECASE)
KINDS = (Article, Brief, Quote, Video)


def in_ukrainian(text):
    """True when `text` is written in Cyrillic letters, not Latin ones."""
    return len(CYRILLIC.findall(text)) > len(re.findall(r"[a-z]", text, re.IGNORECASE))


def edition(model, language="uk"):
    return model.objects.in_edition(language)


def test_the_ukrainian_edition_has_its_own_articles_briefs_quotes_and_videos():
    seed()
    articles = edition(Article).select_related("hero_photo", "section").prefetch_related("tags")
    assert articles.count() == len(ukrainian.STORIES) == 10
    assert edition(Brief).count() == len(ukrainian.BRIEFS) == 7
    assert edition(Quote).count() == len(ukrainian.QUOTED) == 6
    assert edition(Video).count() == len(ukrainian.VIDEOS) == 2
    for model in KINDS:
        assert edition(model).published().count() == edition(model).count(), model

    heroes = [article.hero_photo.image.name for article in articles]
    assert len(set(heroes)) == len(heroes), "every article its own drawing"
    seen = {}
    for article in articles:
        assert in_ukrainian(article.headline) and in_ukrainian(article.standfirst)
        assert article.slug.isascii(), "an address in Latin letters"
        assert article.body.count("<p>") >= 3 and "<h2>" in article.body
        for sentence in re.split(r"(?<=[.!?»])\s+", re.sub(r"<[^>]+>", " ", article.body)):
            if len(sentence) > 20:
                assert seen.setdefault(sentence, article.slug) == article.slug, sentence
        photo = article.hero_photo
        assert in_ukrainian(photo.caption) and in_ukrainian(photo.alt_text)
        assert photo.image.storage.exists(photo.image.name)
        assert article.credits.exists()
        assert all(in_ukrainian(tag.name) for tag in article.tags.all())
    for quote in edition(Quote).select_related("source_article"):
        assert in_ukrainian(quote.text) and in_ukrainian(quote.speaker)
        assert in_ukrainian(quote.context)
        assert quote.source_article.language == "uk"
        assert quote.speaker in quote.source_article.body
    for brief in edition(Brief).prefetch_related("authors"):
        assert in_ukrainian(brief.headline) and in_ukrainian(brief.body)
        assert brief.authors.exists()
    assert edition(Brief).filter(photo__isnull=False).exists()
    for video in edition(Video).select_related("thumbnail"):
        assert in_ukrainian(video.title) and in_ukrainian(video.teaser)
        assert in_ukrainian(video.thumbnail.caption)


def test_the_editions_run_over_the_same_days():
    seed()
    english = sorted(edition(Article, "en").published().values_list("published_at", flat=True))
    times = sorted(edition(Article).values_list("published_at", flat=True))
    assert english[0] <= times[0] and times[-1] <= english[-1]
    assert times[-1] - times[0] > (english[-1] - english[0]) / 2, "spread over the weeks"
    lead = edition(Article).filter(is_featured=True).first()
    assert lead.translations.exists(), "the Ukrainian home leads with a translated story"


def test_translations_are_linked_both_ways_and_keep_their_originals_facts():
    seed()
    pairs = 0
    for article in edition(Article).select_related("hero_photo"):
        for original in article.translations.select_related("hero_photo"):
            pairs += 1
            assert original.language == "en"
            assert list(original.translations) == [article]
            assert article.hero_photo.image.name == original.hero_photo.image.name
            assert article.hero_photo.pk != original.hero_photo.pk, "its own caption"
            assert [credit.author_id for credit in article.credits.all()] == [
                credit.author_id for credit in original.credits.all()
            ]
            numbers = re.findall(r"\d+", original.body.replace(",", ""))
            assert all(number in article.body.replace(" ", "") for number in numbers)
    assert pairs == 6
    local = [article for article in edition(Article) if not article.translations.exists()]
    assert len(local) == 4, "stories only the Ukrainian edition runs"
    for model in (Quote, Brief, Video):
        linked = [item for item in edition(model) if item.translations.exists()]
        assert linked, model
        for item in linked:
            [original] = item.translations
            assert original.language == "en" and list(original.translations) == [item]


def test_authors_and_sections_have_ukrainian_names():
    seed()
    for author in Author.objects.all():
        for field in ("name", "role", "bio"):
            translated = author.translated(field, language="uk")
            assert in_ukrainian(translated) and translated != getattr(author, field), author
    for section in Section.objects.all():
        for field in ("name", "description"):
            assert in_ukrainian(section.translated(field, language="uk")), section
    assert Author.objects.get(slug="oleksandr-bondar").translated("name", "uk") == (
        "Олександр Бондар"
    )


def test_the_ukrainian_pages_read_in_ukrainian(client):
    seed()
    home = client.get("/uk/")
    assert home.status_code == 200
    lead = edition(Article).filter(is_featured=True).first()
    html = home.text
    assert html.index('class="lead-story"') < html.index(escape(lead.headline))
    assert html.index(escape(lead.headline)) < html.index('class="top-stories"')
    assert not any(
        escape(headline) in html
        for headline in edition(Article, "en").values_list("headline", flat=True)
    ), "no English story on the Ukrainian home"

    feed = client.get("/uk/feed/")
    assert feed.status_code == 200
    assert any(escape(brief.headline) in feed.text for brief in edition(Brief))
    assert any(escape(quote.text) in feed.text for quote in edition(Quote))

    article = edition(Article).get(slug="kyivrada-ukhvalyla-biudzhet-stolytsi")
    with override("uk"):
        path = article.get_absolute_url()
    assert path == f"/uk/articles/{article.slug}/"
    page = client.get(path)
    assert page.status_code == 200
    assert escape(article.headline) in page.text and "Андрій Гнатюк" in page.text
    # Asked for under the English edition, it sends the reader to its own.
    assert client.get(f"/articles/{article.slug}/").headers["Location"] == path
    assert escape(lead.headline) not in client.get("/").text
    # The demo's newsletters are the English edition's.
    for issue in Issue.objects.all():
        assert not any(escape(article.headline) in issue.body for article in edition(Article))


def test_seeding_again_adds_only_what_is_missing():
    seed()
    groups = {
        model: set(model.objects.values_list("translation_group", flat=True)) for model in KINDS
    }
    counts = {model: edition(model).count() for model in KINDS}
    assert seed().total == 0
    assert {model: edition(model).count() for model in KINDS} == counts
    assert {
        model: set(model.objects.values_list("translation_group", flat=True)) for model in KINDS
    } == groups

    # A demo seeded before the Ukrainian edition existed gains it on the next run.
    Quote.objects.in_edition("uk").delete()
    Author.objects.update(translations={})
    report = seed()
    assert report.created["Ukrainian quotes"] == 6
    assert report.created["Ukrainian names"] == Author.objects.count()
    assert report.created.get("Ukrainian articles", 0) == 0
    assert edition(Quote).filter(translation_group__isnull=False).count() == 4
