"""Shared set-up for page tests: a newsroom of `count` items of each kind, fully dressed."""

from datetime import timedelta

from django.utils import timezone
from taggit.models import Tag

from feed.models import Brief, Quote, Video
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BriefFactory,
    IssueFactory,
    NewsletterFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    VideoFactory,
)


def build_newsroom(count, tag="climate"):
    """`count` articles (with photo, two authors, a tag), quotes, videos and briefs (with
    photo and authors), all published,
    in one section; a live blog with `count` entries (a pinned summary, key events, and
    entries in and out of the News Feed); a newsletter with `count` sent issues; plus a
    draft and a scheduled item of each kind (and a live blog's entry, and an issue) that
    must stay hidden."""
    section = SectionFactory(name="World", slug="world")
    authors = [AuthorFactory(name="Marta Kowalczyk", slug="marta"), AuthorFactory()]
    photo = PhotoFactory()
    now = timezone.now()
    articles = []
    for number in range(count):
        article = ArticleFactory(
            section=section,
            hero_photo=photo,
            authors=authors,
            is_featured=number < 3,
            standfirst=f"News from the harbour, part {number}.",
            published_at=now - timedelta(minutes=3 * number + 1),
        )
        article.tags.add(tag)
        articles.append(article)
        QuoteFactory(published_at=now - timedelta(minutes=3 * number + 2)).tags.add(tag)
        VideoFactory(
            thumbnail=photo, published_at=now - timedelta(minutes=3 * number + 3)
        ).tags.add(tag)
        brief = BriefFactory(
            photo=photo, published_at=now - timedelta(minutes=3 * number + 2, seconds=30)
        )
        brief.authors.set(authors)
        brief.tags.add(tag)
    live_blog = ArticleFactory(
        section=section,
        hero_photo=photo,
        authors=authors,
        headline="Storm live: the coast braces",
        published_at=now - timedelta(hours=6),
        live_starts_at=now - timedelta(hours=6),
    )
    live_blog.tags.add(tag)
    for number in range(count):
        BriefFactory(
            live_blog=live_blog,
            photo=photo if number % 2 else None,
            is_key_event=number % 5 == 0,
            is_pinned=number == 0,
            in_news_feed=number % 3 == 0,
            published_at=now - timedelta(minutes=3 * number + 1, seconds=15),
        )
    hidden = []
    for trait in ("draft", "scheduled"):
        hidden += [
            ArticleFactory(
                **{trait: True}, section=section, authors=authors, headline="Hidden zebra"
            ),
            QuoteFactory(**{trait: True}, text="Hidden zebra"),
            VideoFactory(**{trait: True}, title="Hidden zebra"),
            BriefFactory(**{trait: True}, headline="Hidden zebra"),
            BriefFactory(**{trait: True}, headline="Hidden zebra", live_blog=live_blog),
        ]
    for item in hidden:
        item.tags.add(tag)
    newsletter = NewsletterFactory(name="The Daily Briefing", slug="daily")
    issues = [
        IssueFactory(
            newsletter=newsletter,
            sent=True,
            sent_at=now - timedelta(days=number, hours=1),
            body=f"<p>News from the harbour, issue {number}.</p>",
        )
        for number in range(count)
    ]
    hidden += [
        IssueFactory(newsletter=newsletter, subject="Hidden zebra"),
        IssueFactory(newsletter=newsletter, subject="Hidden zebra", scheduled=True),
    ]
    return {
        "section": section,
        "authors": authors,
        "articles": articles,
        "hidden": hidden,
        # One of each for tests.pages.url.
        "article": articles[0] if articles else None,
        "author": authors[0],
        "tag": Tag.objects.get(name=tag),
        "quote": Quote.objects.published().first(),
        "video": Video.objects.published().first(),
        "brief": Brief.objects.published().filter(live_blog=None).first(),
        "live_blog": live_blog,
        "newsletter": newsletter,
        "newsletter_issue": issues[0] if issues else None,
    }


def rendered_templates(response):
    """The names of the templates drawn for `response` (a cached part draws none)."""
    return [template.name for template in response.templates]
