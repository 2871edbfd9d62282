"""
The demo's Ukrainian edition (its words in demo/ukrainian.py): Ukrainian names for the
sections and authors, and the edition's articles, quotes, briefs and videos, each
translation linked to its English original.

It is seeded once whatever the scale (the benchmarks measure the English edition),
after the English demo and the same way: only what is missing, in bulk inserts. A
translation follows its original: it is published a little after it, with the same
drawing (captioned in Ukrainian) and the same byline.
"""

import random
from datetime import timedelta

from django.utils.text import slugify
from taggit.models import Tag

from articles.models import Article, ArticleAuthor, Photo, Status
from feed.models import Brief, Quote, Video

from . import content, ukrainian
from .stories import STORIES, VIDEOS

LANGUAGE = "uk"
# A translation whose original is gone, or has no publication time, is published this
# long before the seeding.
WITHOUT_ORIGINAL_AGE = timedelta(days=1)
# Where the local stories' choice of drawings starts: from here none of the edition's
# articles shows the same drawing as another.
LOCAL_PICTURE_OFFSET = 4
# A story's quote runs on its own this long after the article.
QUOTE_DELAY = timedelta(minutes=25)


class UkrainianEdition:
    def __init__(self, seeder):
        self.seeder = seeder
        self.report = seeder.report

    def seed(self, sections, authors):
        self.translate_names(sections, authors)
        self.tags()
        self.authors = {author.slug: author for author in authors}
        articles, originals = self.articles({section.slug: section for section in sections})
        self.quotes(articles, originals)
        self.briefs()
        self.videos()

    # Building blocks -------------------------------------------------------------

    def published_at(self, item, original):
        """A translation's time, `item.delay` after its original's; a local item's."""
        if not item.original:
            return self.seeder.now - item.age
        if original is None or original.published_at is None:
            return self.seeder.now - WITHOUT_ORIGINAL_AGE
        return original.published_at + item.delay

    def photo(self, kind, choice, caption, credit):
        """A photo row of drawing `choice` of `kind`, in Ukrainian; `credit` is the
        (photographer, agency) of the original photo, or None for a local one."""
        name, width, height, _ = self.seeder.picture(kind, choice)
        if credit is None:
            photographer, agency = random.Random(caption).choice(ukrainian.LOCAL_PHOTOGRAPHERS)
        else:
            photographer, agency = credit
            photographer = ukrainian.PHOTOGRAPHERS.get(photographer, photographer)
        return Photo(
            image=name,
            width=width,
            height=height,
            alt_text=ukrainian.describe(kind, self.seeder.variant(kind, choice)),
            caption=caption,
            photographer=photographer,
            agency=agency,
        )

    def save_photos(self, items, photos, field):
        """Store `photos` (None for no photo) and set them as `field` of `items`."""
        Photo.objects.bulk_create([photo for photo in photos if photo])
        self.report.add("photos", sum(1 for photo in photos if photo))
        pictured = []
        for item, photo in zip(items, photos, strict=True):
            if photo:
                setattr(item, field, photo)
                pictured.append(item)
        if pictured:
            type(pictured[0]).objects.bulk_update(pictured, [field])

    def tagged(self, items):
        return [(item, [self.tags_by_name[name] for name in item.spec.tags]) for item in items]

    def link(self, items):
        """Link each new item to its English original, when it has one."""
        for item in items:
            if item.original is not None:
                item.original.link_translation(item)
                self.report.add("translations linked", 1)

    # Content ---------------------------------------------------------------------

    def translate_names(self, sections, authors):
        """Ukrainian names, roles, bios and descriptions for the rows that have none yet."""
        for rows, names in ((sections, ukrainian.SECTIONS), (authors, ukrainian.AUTHORS)):
            missing = [
                row for row in rows if row.slug in names and LANGUAGE not in row.translations
            ]
            for row in missing:
                row.translations = {**row.translations, LANGUAGE: names[row.slug]}
            if missing:
                type(missing[0]).objects.bulk_update(missing, ["translations"])
            self.report.add("Ukrainian names", len(missing))

    def tags(self):
        names = {
            name
            for item in (*ukrainian.STORIES, *ukrainian.BRIEFS, *ukrainian.VIDEOS)
            for name in item.tags
        }
        existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
        # As taggit slugs a tag typed in the admin: in its own letters.
        Tag.objects.bulk_create(
            [
                Tag(name=name, slug=slugify(name, allow_unicode=True))
                for name in sorted(names - existing)
            ]
        )
        self.report.add("tags", len(names - existing))
        self.tags_by_name = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}

    def articles(self, sections):
        """The edition's articles; returns them and the English originals, by the
        Ukrainian slug (existing ones too, for the quotes)."""
        index = {story.headline: number for number, story in enumerate(STORIES)}
        wanted = {
            story.slug: self.seeder.article_slug(index[story.original])
            for story in ukrainian.STORIES
            if story.original
        }
        english = Article.objects.select_related("hero_photo").prefetch_related("credits")
        english = english.in_bulk(wanted.values(), field_name="slug")
        originals = {slug: english.get(original) for slug, original in wanted.items()}
        batch = []
        for story in ukrainian.STORIES:
            original = originals.get(story.slug)
            article = Article(
                language=LANGUAGE,
                slug=story.slug,
                headline=story.headline,
                standfirst=story.standfirst,
                body=story.body(),
                section=sections[story.section],
                status=Status.PUBLISHED,
                published_at=self.published_at(story, original),
                is_featured=story.is_featured,
            )
            # bulk_create skips save(): the body's derived fields are worked out here.
            article.derive_fields()
            article.spec, article.original = story, original
            batch.append(article)
        fresh = self.seeder.bulk_create_new(Article, batch, "Ukrainian articles")
        if fresh:
            self.attach_to_articles(fresh, index)
            self.seeder.tag_items(Article, self.tagged(fresh))
            self.link(fresh)
        articles = Article.objects.in_bulk([story.slug for story in batch], field_name="slug")
        return articles, originals

    def attach_to_articles(self, articles, index):
        photos = []
        for article in articles:
            story, original = article.spec, article.original
            if story.original:
                # The original's drawing, as the English demo chose it.
                position = index[story.original]
                kind, choice = STORIES[position].picture, self.seeder.picture_choices[position]
            else:
                kind = story.picture
                choice = ukrainian.STORIES.index(story) + LOCAL_PICTURE_OFFSET
            hero = original.hero_photo if original else None
            credit = (hero.photographer, hero.agency) if hero else None
            photos.append(self.photo(kind, choice, story.caption(), credit))
        self.save_photos(articles, photos, "hero_photo")
        credits = []
        for article in articles:
            if article.original:
                byline = [credit.author_id for credit in article.original.credits.all()]
            else:
                byline = [self.authors[slug].pk for slug in article.spec.byline]
            credits.extend(
                ArticleAuthor(article=article, author_id=author, position=position)
                for position, author in enumerate(byline)
            )
        ArticleAuthor.objects.bulk_create(credits)

    def quotes(self, articles, originals):
        """The quotes of the stories in ukrainian.QUOTED, each linked to its article and
        to the English quote of the original story."""
        stories = {story.slug: story for story in ukrainian.STORIES}
        english = {
            quote.source_article_id: quote
            for quote in Quote.objects.filter(
                language="en",
                source_article__in=[original for original in originals.values() if original],
            )
        }
        batch = []
        for slug in ukrainian.QUOTED:
            story, article = stories[slug], articles.get(slug)
            quote = Quote(
                language=LANGUAGE,
                slug=story.quote_slug,
                text=story.quote,
                speaker=story.speaker,
                context=story.context,
                source_article=article,
                status=Status.PUBLISHED,
                published_at=article.published_at + QUOTE_DELAY
                if article
                else self.seeder.now - WITHOUT_ORIGINAL_AGE,
            )
            original = originals.get(slug)
            quote.spec, quote.original = story, english.get(original.pk) if original else None
            batch.append(quote)
        fresh = self.seeder.bulk_create_new(Quote, batch, "Ukrainian quotes")
        self.seeder.tag_items(Quote, self.tagged(fresh))
        self.link(fresh)

    def briefs(self):
        index = {headline: number for number, (headline, *_) in enumerate(content.BRIEFS)}
        english = (
            Brief.objects.select_related("photo")
            .prefetch_related("authors")
            .in_bulk(
                [
                    self.seeder.brief_slug(index[brief.original])
                    for brief in ukrainian.BRIEFS
                    if brief.original
                ],
                field_name="slug",
            )
        )
        batch = []
        for position, spec in enumerate(ukrainian.BRIEFS):
            # The English brief's number, or a drawing of its own for a local one.
            number = index[spec.original] if spec.original else position
            original = english.get(self.seeder.brief_slug(number)) if spec.original else None
            brief = Brief(
                language=LANGUAGE,
                slug=spec.slug,
                headline=spec.headline,
                body="".join(f"<p>{text}</p>" for text in spec.paragraphs),
                link=spec.link,
                status=Status.PUBLISHED,
                published_at=self.published_at(spec, original),
            )
            # bulk_create skips save(): the stored body is worked out here.
            brief.derive_fields()
            brief.spec, brief.original, brief.number = spec, original, number
            batch.append(brief)
        fresh = self.seeder.bulk_create_new(Brief, batch, "Ukrainian briefs")
        if not fresh:
            return
        photos = []
        for brief in fresh:
            choice = self.seeder.brief_picture_choice(brief.number)
            caption = f"{brief.spec.headline}."
            if not brief.spec.original:
                kind, credit = brief.spec.picture, None
            elif brief.original and brief.original.photo:
                # The original's drawing and credit.
                kind = content.BRIEFS[brief.number][4]
                credit = (brief.original.photo.photographer, brief.original.photo.agency)
            else:
                kind = ""
            photos.append(self.photo(kind, choice, caption, credit) if kind else None)
        self.save_photos(fresh, photos, "photo")
        Brief.authors.through.objects.bulk_create(
            [
                Brief.authors.through(brief_id=brief.pk, author_id=author.pk)
                for brief in fresh
                for author in (
                    brief.original.authors.all()
                    if brief.original
                    else [self.authors[brief.spec.author]]
                )
            ]
        )
        self.seeder.tag_items(Brief, self.tagged(fresh))
        self.link(fresh)

    def videos(self):
        index = {title: number for number, (title, *_) in enumerate(VIDEOS)}
        english = Video.objects.select_related("thumbnail").in_bulk(
            [self.seeder.video_slug(index[video.original]) for video in ukrainian.VIDEOS],
            field_name="slug",
        )
        batch = []
        for spec in ukrainian.VIDEOS:
            number = index[spec.original]
            original = english.get(self.seeder.video_slug(number))
            _, _, seconds, _, kind = VIDEOS[number]
            video = Video(
                language=LANGUAGE,
                slug=spec.slug,
                title=spec.title,
                teaser=spec.teaser,
                # The same film with a Ukrainian voice-over.
                video_url=f"https://videos.example.com/watch/{number}-uk.mp4",
                duration_seconds=seconds,
                status=Status.PUBLISHED,
                published_at=self.published_at(spec, original),
            )
            video.spec, video.original, video.number, video.kind = spec, original, number, kind
            batch.append(video)
        fresh = self.seeder.bulk_create_new(Video, batch, "Ukrainian videos")
        if not fresh:
            return
        photos = []
        for video in fresh:
            thumbnail = video.original.thumbnail if video.original else None
            photos.append(
                self.photo(
                    video.kind,
                    self.seeder.video_picture_choice(video.number),
                    f"Кадр з відео «{video.title}».",
                    (thumbnail.photographer, thumbnail.agency) if thumbnail else None,
                )
            )
        self.save_photos(fresh, photos, "thumbnail")
        self.seeder.tag_items(Video, self.tagged(fresh))
        self.link(fresh)
