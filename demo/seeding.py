"""
Demo content: a believable newsroom, made from nothing but Pillow and written stories.

`seed(scale)` is idempotent: every item has a slug derived from its number, and
items whose slug already exists are left alone, so a second run adds nothing and
an interrupted large run can be resumed. Rows are written with bulk inserts so
`scale` in the thousands still takes minutes. At scale 1 every story (demo/stories.py)
is told once; larger scales tell them again as numbered follow-ups. The Ukrainian
edition (demo/ukrainian_edition.py) comes once, whatever the scale.
"""

import colorsys
import io
import itertools
import random
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleAuthor, Photo, Section, Status
from authors.models import Author
from feed.models import Brief, Quote, Video
from newsroom import pagecache

from . import content as words
from . import pictures
from .newsletters import seed_newsletters
from .pages import seed_pages
from .stories import QUOTED_STORIES, STORIES, VIDEOS
from .support import seed_support
from .ukrainian_edition import UkrainianEdition

ARTICLES_PER_SCALE = len(STORIES)
QUOTES_PER_SCALE = 40
VIDEOS_PER_SCALE = 12
BRIEFS_PER_SCALE = 16
# The running live blog has its distinct entries times the scale, up to the size the
# benchmark and the query tests measure.
MAX_LIVE_ENTRIES = 2000
# Minutes between two entries of the live blog.
LIVE_ENTRY_SPACING = 9
MAX_TAGS = 2000
MAX_AUTHORS = 1000
# Pictures are drawn once and shared by many photo rows when the scale is large.
MAX_DISTINCT_PICTURES = 48
BATCH_SIZE = 1000

DEMO_EDITOR_USERNAME = "editor"
DEMO_CONTRIBUTOR_USERNAME = "contributor"
DEMO_PASSWORD = "newsroom-demo"  # noqa: S105 - printed by `make run`, demo data only


@dataclass
class SeedReport:
    created: dict = field(default_factory=dict)

    def add(self, label, count):
        self.created[label] = self.created.get(label, 0) + count

    @property
    def total(self):
        return sum(self.created.values())


def _colour(rng, lightness):
    red, green, blue = colorsys.hls_to_rgb(rng.random(), lightness, 0.45 + rng.random() * 0.3)
    return int(red * 255), int(green * 255), int(blue * 255)


def draw_avatar(name, seed, size=400):
    """A round-friendly square with the author's initials. PNG bytes."""
    rng = random.Random(seed)
    image = Image.new("RGB", (size, size), _colour(rng, 0.4))
    draw = ImageDraw.Draw(image)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=size // 2.5)
    draw.text((size / 2, size / 2), initials, font=font, fill=(255, 255, 255), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


class Seeder:
    def __init__(self, scale=1, progress=None):
        self.scale = scale
        self.now = timezone.now()
        self.report = SeedReport()
        self.progress = progress or (lambda label, done, total: None)
        self.pictures = {}
        self.story_slugs = [slugify(story.headline)[:190] for story in STORIES]
        # Which drawing of its kind each story gets: the stories sharing a kind take turns.
        self.picture_choices = [
            sum(1 for earlier in STORIES[:index] if earlier.picture == story.picture)
            for index, story in enumerate(STORIES)
        ]

    # Building blocks -------------------------------------------------------------

    def variant(self, kind, choice):
        """Which of the shared drawings of `kind` (MAX_DISTINCT_PICTURES in all, split
        between the kinds) drawing `choice` is."""
        offset = pictures.KINDS.index(kind)
        return choice % len(range(offset, MAX_DISTINCT_PICTURES, len(pictures.KINDS)))

    def picture(self, kind, choice):
        """Storage name, width, height and alt text of drawing `choice` of `kind`, drawn
        on first use."""
        variant = self.variant(kind, choice)
        if (kind, variant) not in self.pictures:
            name = f"photos/demo/{kind}-{variant:02d}.jpg"
            if default_storage.exists(name):
                with default_storage.open(name) as stored, Image.open(stored) as image:
                    width, height = image.size
            else:
                data, width, height = pictures.draw(kind, variant)
                name = default_storage.save(name, ContentFile(data))
            self.pictures[kind, variant] = (name, width, height, pictures.describe(kind, variant))
        return self.pictures[kind, variant]

    def photo(self, kind, choice, rng, caption):
        """A photo row for drawing `choice` of `kind`; `caption(day)` writes its caption."""
        photographer, agency = rng.choice(words.PHOTOGRAPHERS)
        name, width, height, alt_text = self.picture(kind, choice)
        day = (self.now - timedelta(days=rng.randint(0, 30))).strftime("%B %d").upper()
        return Photo(
            image=name,
            width=width,
            height=height,
            alt_text=alt_text,
            caption=caption(day),
            photographer=photographer,
            agency=agency,
        )

    def article_slug(self, number):
        """Article `number`'s slug: its story's headline, numbered after the first telling."""
        slug = self.story_slugs[number % len(STORIES)]
        return slug if number < len(STORIES) else f"{slug}-{number}"

    def video_slug(self, number):
        return f"{slugify(VIDEOS[number % len(VIDEOS)][0])}-{number}"

    def video_picture_choice(self, number):
        # Offset from the articles' choices, so a video rarely shares their drawing.
        telling, index = divmod(number, len(VIDEOS))
        return index + telling + 5

    def brief_slug(self, number):
        return f"{slugify(words.BRIEFS[number % len(words.BRIEFS)][0])}-{number}"

    def brief_picture_choice(self, number):
        return number + 3

    def published_at(self, rng, number, total, scheduled=False):
        """Spread over the last weeks, newest first by number; scheduled ones in the future."""
        if scheduled:
            return self.now + timedelta(hours=rng.randint(2, 72))
        span = timedelta(days=max(14, total // 40))
        return self.now - span * (number / max(total, 1)) - timedelta(minutes=rng.randint(1, 50))

    def publication(self, rng, number, total, offset=0):
        """The status and publication time of item `number` of `total`: most published
        over the last weeks, a few drafts, one in review, a few scheduled."""
        position = (number + offset) % 60
        if position in (7, 29):
            return {"status": Status.DRAFT, "published_at": None}
        if position == 41:
            return {"status": Status.REVIEW, "published_at": None}
        scheduled = position in (3, 17, 50)
        return {
            "status": Status.PUBLISHED,
            "published_at": self.published_at(rng, number, total, scheduled),
        }

    def bulk_create_new(self, model, objects, label):
        """Insert the objects whose slug is not taken yet; return them with their ids."""
        slugs = [obj.slug for obj in objects]
        taken = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        fresh = [obj for obj in objects if obj.slug not in taken]
        model.objects.bulk_create(fresh, batch_size=BATCH_SIZE)
        self.report.add(label, len(fresh))
        return fresh

    def tag_items(self, model, tagged):
        """Attach tags with one bulk insert: `tagged` is a list of (object, [tag, ...])."""
        content_type = ContentType.objects.get_for_model(model)
        TaggedItem.objects.bulk_create(
            [
                TaggedItem(content_type=content_type, object_id=obj.pk, tag=tag)
                for obj, tags in tagged
                for tag in tags
            ],
            batch_size=BATCH_SIZE,
            ignore_conflicts=True,
        )

    # Content ---------------------------------------------------------------------

    def sections(self):
        for position, (name, slug, description) in enumerate(words.SECTIONS):
            _, created = Section.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description, "position": position}
            )
            self.report.add("sections", int(created))
        return list(Section.objects.filter(slug__in=[slug for _, slug, _ in words.SECTIONS]))

    def authors(self):
        total = min(len(words.AUTHORS) * self.scale, MAX_AUTHORS)
        authors = []
        for number in range(total):
            if number < len(words.AUTHORS):
                name, role, bio = words.AUTHORS[number]
                slug = slugify(name)
            else:
                rng = random.Random(f"author-{number}")
                name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
                role, bio = "Reporter", f"{name} reports for the newsroom."
                slug = f"{slugify(name)}-{number}"
            authors.append(
                Author(name=name, slug=slug, role=role, bio=bio, email=f"{slug}@example.com")
            )
        fresh = self.bulk_create_new(Author, authors, "authors")
        for author in fresh:
            number = authors.index(author) if len(fresh) < 50 else 0
            name = f"avatars/demo/{slugify(author.name)}.png"
            if not default_storage.exists(name):
                name = default_storage.save(name, ContentFile(draw_avatar(author.name, number)))
            author.avatar = name
        Author.objects.bulk_update(fresh, ["avatar"], batch_size=BATCH_SIZE)
        return list(
            Author.objects.filter(slug__in=[author.slug for author in authors]).order_by("pk")
        )

    def tags(self):
        """The tag list, the stories' tags first; also kept by name for the stories."""
        wanted = min(len(words.TAGS) * self.scale, MAX_TAGS)
        pairs = (
            f"{first.capitalize()} {second}"
            for first in words.TAG_WORDS
            for second in words.TAG_WORDS
            if first != second
        )
        numbered = (f"Topic {number}" for number in itertools.count(1))
        names = list(itertools.islice(itertools.chain(words.TAGS, pairs, numbered), wanted))
        existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
        Tag.objects.bulk_create(
            [Tag(name=name, slug=slugify(name)) for name in names if name not in existing]
        )
        self.report.add("tags", len(names) - len(existing))
        tags = list(Tag.objects.filter(name__in=names).order_by("pk"))
        self.tags_by_name = {tag.name: tag for tag in tags}
        return tags

    def story_tags(self, names):
        return [self.tags_by_name[name] for name in names]

    def articles(self, sections, authors):
        total = ARTICLES_PER_SCALE * self.scale
        sections = {section.slug: section for section in sections}
        bodies = [story.body() for story in STORIES]
        for start in range(0, total, BATCH_SIZE):
            batch = []
            for number in range(start, min(start + BATCH_SIZE, total)):
                rng = random.Random(f"article-{number}")
                telling, index = divmod(number, len(STORIES))
                story = STORIES[index]
                article = Article(
                    headline=f"{story.headline}: follow-up {telling}"
                    if telling
                    else story.headline,
                    slug=self.article_slug(number),
                    standfirst=story.standfirst,
                    body=bodies[index],
                    section=sections[story.section],
                    **self.publication(rng, number, total),
                    is_featured=number % 9 == 0,
                )
                # bulk_create skips save(): the body's derived fields are worked out here.
                article.derive_fields()
                article.rng = rng
                article.story = story
                article.picture_choice = self.picture_choices[index] + telling
                batch.append(article)
            fresh = self.bulk_create_new(Article, batch, "articles")
            self.attach_to_articles(fresh, authors)
            self.progress("articles", min(start + BATCH_SIZE, total), total)

    def attach_to_articles(self, articles, authors):
        photos = [
            self.photo(
                article.story.picture, article.picture_choice, article.rng, article.story.caption
            )
            for article in articles
        ]
        Photo.objects.bulk_create(photos, batch_size=BATCH_SIZE)
        self.report.add("photos", len(photos))
        credits, tagged = [], []
        for article, photo in zip(articles, photos, strict=True):
            article.hero_photo = photo
            rng = article.rng
            byline = rng.sample(
                authors, k=1 if rng.random() < 0.7 else min(len(authors), rng.randint(2, 3))
            )
            credits.extend(
                ArticleAuthor(article=article, author=author, position=position)
                for position, author in enumerate(byline)
            )
            tagged.append((article, self.story_tags(article.story.tags)))
        Article.objects.bulk_update(articles, ["hero_photo"], batch_size=BATCH_SIZE)
        ArticleAuthor.objects.bulk_create(credits, batch_size=BATCH_SIZE)
        self.tag_items(Article, tagged)
        # Editors' picks of related articles on every fifth article, from the same batch.
        related = Article.related_articles.through
        related.objects.bulk_create(
            [
                related(from_article_id=article.pk, to_article_id=articles[index - 1].pk)
                for index, article in enumerate(articles)
                if index and index % 5 == 0
            ],
            batch_size=BATCH_SIZE,
        )

    def quotes(self):
        """The stories' quotes on their own, each linked to its article once published."""
        total = QUOTES_PER_SCALE * self.scale
        for start in range(0, total, BATCH_SIZE):
            numbers = range(start, min(start + BATCH_SIZE, total))
            # Quote `number` comes from this article: the same story, in the same telling.
            quoted = {
                number: number // len(QUOTED_STORIES) * len(STORIES)
                + QUOTED_STORIES[number % len(QUOTED_STORIES)]
                for number in numbers
            }
            sources = dict(
                Article.objects.published()
                .filter(slug__in=[self.article_slug(article) for article in quoted.values()])
                .values_list("slug", "pk")
            )
            batch, tagged = [], []
            for number in numbers:
                rng = random.Random(f"quote-{number}")
                story = STORIES[quoted[number] % len(STORIES)]
                quote = Quote(
                    slug=f"{slugify(story.speaker)}-{number}",
                    text=story.quote,
                    speaker=story.speaker,
                    context=story.context,
                    source_article_id=sources.get(self.article_slug(quoted[number])),
                    **self.publication(rng, number, total, offset=5),
                )
                batch.append(quote)
                tagged.append((quote, self.story_tags(story.tags)))
            fresh = set(id(quote) for quote in self.bulk_create_new(Quote, batch, "quotes"))
            self.tag_items(Quote, [pair for pair in tagged if id(pair[0]) in fresh])
            self.progress("quotes", min(start + BATCH_SIZE, total), total)

    def videos(self):
        total = VIDEOS_PER_SCALE * self.scale
        for start in range(0, total, BATCH_SIZE):
            batch = []
            for number in range(start, min(start + BATCH_SIZE, total)):
                rng = random.Random(f"video-{number}")
                telling, index = divmod(number, len(VIDEOS))
                title, teaser, seconds, tags, kind = VIDEOS[index]
                video = Video(
                    slug=self.video_slug(number),
                    title=f"{title}: follow-up {telling}" if telling else title,
                    teaser=teaser,
                    video_url=f"https://videos.example.com/watch/{number}.mp4",
                    duration_seconds=seconds,
                    **self.publication(rng, number, total, offset=11),
                )
                video.rng, video.tag_names, video.kind = rng, tags, kind
                video.picture_choice = self.video_picture_choice(number)
                batch.append(video)
            fresh = self.bulk_create_new(Video, batch, "videos")
            thumbnails = [
                self.photo(
                    video.kind,
                    video.picture_choice,
                    video.rng,
                    lambda day, title=video.title: f"{day}: from the video “{title}”.",
                )
                for video in fresh
            ]
            Photo.objects.bulk_create(thumbnails, batch_size=BATCH_SIZE)
            self.report.add("photos", len(thumbnails))
            for video, thumbnail in zip(fresh, thumbnails, strict=True):
                video.thumbnail = thumbnail
            Video.objects.bulk_update(fresh, ["thumbnail"], batch_size=BATCH_SIZE)
            self.tag_items(Video, [(video, self.story_tags(video.tag_names)) for video in fresh])
            self.progress("videos", min(start + BATCH_SIZE, total), total)

    def briefs(self, authors):
        total = BRIEFS_PER_SCALE * self.scale
        for start in range(0, total, BATCH_SIZE):
            batch = []
            for number in range(start, min(start + BATCH_SIZE, total)):
                rng = random.Random(f"brief-{number}")
                headline, paragraphs, link, tags, kind = words.BRIEFS[number % len(words.BRIEFS)]
                brief = Brief(
                    slug=self.brief_slug(number),
                    headline=headline,
                    body="".join(f"<p>{text}</p>" for text in paragraphs),
                    link=link,
                    **self.publication(rng, number, total, offset=23),
                )
                # bulk_create skips save(): the stored body is worked out here.
                brief.derive_fields()
                brief.rng, brief.tag_names, brief.kind = rng, tags, kind
                brief.picture_choice = self.brief_picture_choice(number)
                batch.append(brief)
            fresh = self.bulk_create_new(Brief, batch, "briefs")
            # One brief in three has a photo.
            pictured = [brief for brief in fresh if brief.rng.random() < 1 / 3]
            photos = [
                self.photo(
                    brief.kind,
                    brief.picture_choice,
                    brief.rng,
                    lambda day, headline=brief.headline: f"{day}: {headline}.",
                )
                for brief in pictured
            ]
            Photo.objects.bulk_create(photos, batch_size=BATCH_SIZE)
            self.report.add("photos", len(photos))
            for brief, photo in zip(pictured, photos, strict=True):
                brief.photo = photo
            Brief.objects.bulk_update(pictured, ["photo"], batch_size=BATCH_SIZE)
            Brief.authors.through.objects.bulk_create(
                [
                    Brief.authors.through(brief_id=brief.pk, author_id=brief.rng.choice(authors).pk)
                    for brief in fresh
                ],
                batch_size=BATCH_SIZE,
            )
            self.tag_items(Brief, [(brief, self.story_tags(brief.tag_names)) for brief in fresh])
            self.progress("briefs", min(start + BATCH_SIZE, total), total)

    def live_blog(self, sections, authors):
        """The running live blog: its article, pinned summary and entries (the distinct
        ones newest; at scale, older repeats before them), a few key events, some kept
        out of the News Feed."""
        story = words.LIVE_BLOG
        if Article.objects.filter(slug=story["slug"]).exists():
            return
        distinct = words.LIVE_ENTRIES
        total = min(len(distinct) * self.scale, MAX_LIVE_ENTRIES)
        # Oldest first; the newest entry a few minutes ago.
        times = [
            self.now - timedelta(minutes=LIVE_ENTRY_SPACING * (total - number) + 4)
            for number in range(total)
        ]
        # A drawing of the sea (see pictures.LANDSCAPE_SCENES) for a storm on the coast.
        hero = self.photo(
            "landscape",
            4,
            random.Random("live-blog"),
            lambda day: f"PORTHAVEN - {day}: Waves over the harbour wall as Storm Elin arrives.",
        )
        hero.save()
        self.report.add("photos", 1)
        article = Article(
            headline=story["headline"],
            slug=story["slug"],
            hero_photo=hero,
            standfirst=story["standfirst"],
            body=story["body"],
            section=next(section for section in sections if section.slug == story["section"]),
            status=Status.PUBLISHED,
            published_at=times[0],
            live_starts_at=times[0],
        )
        article.derive_fields()
        [article] = self.bulk_create_new(Article, [article], "live blogs")
        ArticleAuthor.objects.bulk_create(
            [
                ArticleAuthor(article=article, author=author, position=position)
                for position, author in enumerate(authors[:2])
            ]
        )
        tagged = self.story_tags([story["tag"]])
        self.tag_items(Article, [(article, tagged)])
        summary_headline, summary_paragraphs = story["summary"]
        entries = [
            Brief(
                slug=f"{story['slug']}-summary",
                headline=summary_headline,
                body="".join(f"<p>{text}</p>" for text in summary_paragraphs),
                status=Status.PUBLISHED,
                published_at=times[-1],
                live_blog=article,
                is_pinned=True,
                in_news_feed=False,
            )
        ]
        repeats = total - len(distinct)
        for number, published_at in enumerate(times):
            _, headline, text, is_key_event, in_news_feed = distinct[
                (number - repeats) % len(distinct)
            ]
            repeat = number < repeats
            entries.append(
                Brief(
                    slug=f"{story['slug']}-{number}",
                    headline=headline,
                    body=f"<p>{text}</p>",
                    status=Status.PUBLISHED,
                    published_at=published_at,
                    live_blog=article,
                    is_key_event=is_key_event and not repeat,
                    in_news_feed=in_news_feed and not repeat,
                )
            )
        for entry in entries:
            # bulk_create skips save(): the stored body is worked out here.
            entry.derive_fields()
        fresh = self.bulk_create_new(Brief, entries, "live blog entries")
        Brief.authors.through.objects.bulk_create(
            [Brief.authors.through(brief_id=entry.pk, author_id=authors[0].pk) for entry in fresh],
            batch_size=BATCH_SIZE,
        )
        self.tag_items(Brief, [(entry, tagged) for entry in fresh])

    def staff_user(self, username, group_name, author):
        """A demo login in one of the newsroom's groups, signing the given author's byline."""
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={"is_staff": True, "email": f"{username}@example.com"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            self.report.add("users", 1)
        # Earlier demos made the editor a superuser; roles now come from the groups.
        user.is_staff, user.is_superuser = True, False
        user.save()
        user.groups.add(Group.objects.get_or_create(name=group_name)[0])
        if author.user_id is None and not hasattr(user, "author_profile"):
            author.user = user
            author.save(update_fields=["user"])
        return user

    def run(self):
        with transaction.atomic():
            sections = self.sections()
            authors = self.authors()
            self.tags()
            self.articles(sections, authors)
            self.quotes()
            self.videos()
            self.briefs(authors)
            self.live_blog(sections, authors)
            # The newsletters are the English edition's, and their past issues are drafted
            # from everything published by then: they come before the Ukrainian edition.
            seed_newsletters(self.scale, self.now, self.report)
            UkrainianEdition(self).seed(sections, authors)
            self.staff_user(DEMO_EDITOR_USERNAME, "Editor", authors[0])
            self.staff_user(DEMO_CONTRIBUTOR_USERNAME, "Contributor", authors[1])
            seed_pages()
            seed_support()
            # Bulk inserts send no signals: every cached page may now be out of date.
            pagecache.invalidate_everything()
        return self.report


def seed(scale=1, progress=None):
    """Create the demo newsroom at `scale` times its normal size; returns what was created."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    return Seeder(scale=scale, progress=progress).run()
