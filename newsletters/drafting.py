"""
An issue drafted from what the site published since the newsletter's last issue: the top
stories, the key events of live blogs, the other briefs and the day's quotes.

The draft is ordinary issue HTML (headings, paragraphs, lists, links, quotes; nothing the
sanitiser drops), so the editor reorders and trims it in the same editor as any issue
before it is sent. Only what readers can see goes in: drafts and scheduled items never
leak into an email.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext, pgettext

from articles.models import Article, Status, summary_from_html
from feed.models import Brief, Quote

from .models import Issue

TOP_STORIES = 6
KEY_EVENTS = 8
BRIEFS = 6
QUOTES = 3
# Since when, for a newsletter that has never been sent.
FIRST_ISSUE_WINDOW = timedelta(hours=24)
PREHEADER_LENGTH = 200


def draft_issue(newsletter, since=None, now=None):
    """A new draft issue of `newsletter`, saved, from what was published after `since`
    (by default the newsletter's last sent issue, else the last 24 hours) up to `now`.

    Seven queries whatever the number of items: the last issue, the articles, the key
    events, the briefs, the quotes, the slugs already taken, and the insert.
    """
    now = now or timezone.now()
    if since is None:
        last_sent = (
            newsletter.issues.filter(sent_at__isnull=False, sent_at__lte=now)
            .order_by("-sent_at")
            .values_list("sent_at", flat=True)
            .first()
        )
        since = last_sent or now - FIRST_ISSUE_WINDOW
    window = {"published_at__gt": since, "published_at__lte": now}

    # The newsletters are the default edition's: they carry its stories only.
    edition = settings.LANGUAGE_CODE
    stories = list(
        Article.objects.published()
        .in_edition(edition)
        .filter(**window)
        .only("headline", "slug", "standfirst", "is_featured", "published_at", "language")
        .order_by("-is_featured", "-published_at", "-id")[:TOP_STORIES]
    )
    key_events = list(
        Brief.objects.published()
        .in_edition(edition)
        .filter(
            **window,
            is_key_event=True,
            live_blog__status=Status.PUBLISHED,
            live_blog__published_at__lte=now,
        )
        .select_related("live_blog")
        .order_by("-published_at", "-id")[:KEY_EVENTS]
    )
    briefs = list(
        Brief.objects.published()
        .in_edition(edition)
        .filter(**window, live_blog=None)
        .order_by("-published_at", "-id")[:BRIEFS]
    )
    quotes = list(
        Quote.objects.published()
        .in_edition(edition)
        .filter(**window)
        .order_by("-published_at", "-id")[:QUOTES]
    )

    day = timezone.localtime(now)
    # The date as the language writes it ("Tuesday 1 December"; the genitive month in Ukrainian).
    date = dateformat.format(day, pgettext("date in a newsletter's subject", "l j F"))
    subject = gettext("%(newsletter)s — %(date)s") % {"newsletter": newsletter.name, "date": date}
    lead = stories[0] if stories else None
    issue = Issue(
        newsletter=newsletter,
        subject=subject,
        slug=free_slug(newsletter, slugify(f"{day:%Y-%m-%d}-{newsletter.slug}")),
        preheader=Truncator(lead.standfirst or lead.headline).chars(PREHEADER_LENGTH)
        if lead
        else "",
        body=issue_body(stories, key_events, briefs, quotes),
    )
    issue.save()
    return issue


def free_slug(newsletter, base):
    """`base`, or `base-2`, `base-3`… when the newsletter already has an issue there."""
    taken = set(newsletter.issues.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def issue_body(stories, key_events, briefs, quotes):
    """The draft's HTML, one section per kind of item, each left out when empty."""
    parts = []
    if stories:
        parts.append(format_html("<h2>{}</h2>", gettext("Top stories")))
        for story in stories:
            parts.append(
                format_html(
                    '<h3><a href="{}">{}</a></h3>', story.get_absolute_url(), story.headline
                )
            )
            if story.standfirst:
                parts.append(format_html("<p>{}</p>", story.standfirst))
    if key_events:
        parts.append(format_html("<h2>{}</h2>", gettext("Key events")))
        for live_blog, entries in grouped_by_live_blog(key_events):
            parts.append(
                format_html(
                    '<h3><a href="{}">{}</a></h3>', live_blog.get_absolute_url(), live_blog.headline
                )
            )
            parts.append(
                format_html(
                    "<ul>{}</ul>",
                    format_html_join(
                        "",
                        '<li><a href="{}">{}</a></li>',
                        ((live_blog.get_entry_url(entry), entry.headline) for entry in entries),
                    ),
                )
            )
    if briefs:
        parts.append(format_html("<h2>{}</h2>", gettext("In brief")))
        parts.append(
            format_html(
                "<ul>{}</ul>",
                format_html_join("", "<li>{}</li>", ((brief_line(brief),) for brief in briefs)),
            )
        )
    if quotes:
        parts.append(format_html("<h2>{}</h2>", gettext("Quotes of the day")))
        for quote in quotes:
            parts.append(format_html("<blockquote><p>{}</p></blockquote>", quoted(quote)))
    if not parts:
        parts.append(
            format_html("<p>{}</p>", gettext("Nothing new was published since the last issue."))
        )
    return "".join(parts)


def grouped_by_live_blog(entries):
    """[(live blog, its entries)], live blogs in the order of their newest entry."""
    groups = {}
    for entry in entries:
        groups.setdefault(entry.live_blog, []).append(entry)
    return list(groups.items())


def brief_line(brief):
    text = summary_from_html(brief.body)
    link = format_html('<a href="{}">{}</a>', brief.get_absolute_url(), brief.headline)
    return format_html("{}: {}", link, text) if text else link


def quoted(quote):
    """“We will rebuild,” the mayor said. A quote ending in ? or ! keeps it: “Why now?”"""
    text = quote.text.strip().strip('“”"')
    if text.endswith((".", ",")):
        text = text[:-1] + ","
    elif not text.endswith(("?", "!")):
        text += ","
    return format_html(gettext("“{quote}” {speaker} said."), quote=text, speaker=quote.speaker)
