"""The demo's flat pages: the about, contact and corrections-policy pages every page's
footer lists. Idempotent: seeding again rewrites them rather than adding more."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site

PAGES = [
    (
        "/pages/about/",
        "About us",
        "<p>{name} is an independent newsroom. We report on the city, the country and the "
        "world for readers who want to know what happened, why it matters and what comes "
        "next.</p>"
        "<p>We are owned by no party, company or government. Our reporters and editors "
        "decide what we cover; our readers' subscriptions and donations pay for it.</p>"
        "<h2>How we work</h2>"
        "<p>Every article names who wrote it. We say how we know what we report, we link to "
        "our sources where we can, and we tell readers when a story changes.</p>",
    ),
    (
        "/pages/contact/",
        "Contact",
        "<p>Tips, corrections and letters reach the duty editor, who reads every message.</p>"
        "<h2>News desk</h2>"
        '<p>Email <a href="mailto:news@example.org">news@example.org</a>, or call '
        "+1 555 0100, day and night.</p>"
        "<h2>Corrections</h2>"
        '<p>Email <a href="mailto:corrections@example.org">corrections@example.org</a> '
        "with the address of the article and what is wrong.</p>"
        "<h2>Sending us documents</h2>"
        "<p>Ask the news desk for a secure way to share them before you send anything.</p>",
    ),
    (
        "/pages/corrections/",
        "Corrections policy",
        "<p>We correct errors of fact as soon as we find them, and we say so.</p>"
        "<p>A corrected article carries a dated note at its end saying what was wrong and "
        "what we changed. We do not quietly rewrite what we published; small fixes of "
        "spelling or grammar are the only changes without a note.</p>"
        "<p>When a mistake is serious, the correction is also published on its own in the "
        "News Feed.</p>"
        "<p>To tell us about an error, write to "
        '<a href="mailto:corrections@example.org">corrections@example.org</a>.</p>',
    ),
]


def seed_pages():
    """Create (or rewrite) the flat pages on this site; returns how many there are."""
    site = Site.objects.get(pk=settings.SITE_ID)
    for url, title, content in PAGES:
        page, _created = FlatPage.objects.update_or_create(
            url=url,
            defaults={"title": title, "content": content.format(name=settings.NEWSROOM_SITE_NAME)},
        )
        page.sites.add(site)
    return len(PAGES)
